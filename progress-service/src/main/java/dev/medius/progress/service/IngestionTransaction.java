package dev.medius.progress.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.medius.progress.domain.Admission;
import dev.medius.progress.domain.EventIdentity;
import dev.medius.progress.domain.SessionFact;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.repository.AdvisoryLocks;
import dev.medius.progress.repository.AthleteRecentRepository;
import dev.medius.progress.repository.AthleteRecentRepository.DayVolumeRow;
import dev.medius.progress.repository.EventClaimRepository;
import dev.medius.progress.repository.EventClaimRepository.EventClaim;
import dev.medius.progress.repository.ExerciseVolumeRepository;
import dev.medius.progress.repository.ExerciseVolumeRepository.ExerciseVolumeRow;
import dev.medius.progress.repository.OrganisationRepository;
import dev.medius.progress.repository.PlanEventRepository;
import dev.medius.progress.repository.PlanEventRepository.PlanEventRow;
import dev.medius.progress.repository.ProfileRepository;
import dev.medius.progress.repository.ProfileRepository.ProfileRow;
import dev.medius.progress.repository.RevisionRepository;
import dev.medius.progress.repository.RosterRepository;
import dev.medius.progress.repository.ScheduleRepository;
import dev.medius.progress.repository.SessionFactRepository;
import dev.medius.progress.repository.SessionFactRepository.SavedSessions;
import dev.medius.progress.repository.StatementPlanning;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One transaction of ingestion: claims the events' identities, admits what may change the facts ({@link Admission}),
 * stores the sessions, volume, plan events, schedules and athletes' records, and keeps the athletes' recent rows and revisions.
 */
@ApplicationScoped
class IngestionTransaction {

    /** Long enough for the largest batch on a busy database. */
    private static final int TIMEOUT_SECONDS = 120;

    @Inject
    StatementPlanning planning;

    @Inject
    EventClaimRepository claims;

    @Inject
    SessionFactRepository sessionFacts;

    @Inject
    PlanEventRepository planEvents;

    @Inject
    OrganisationRepository organisations;

    @Inject
    ScheduleRepository schedules;

    @Inject
    ProfileRepository profiles;

    @Inject
    ExerciseVolumeRepository volumes;

    @Inject
    AthleteRecentRepository recent;

    @Inject
    RosterRepository roster;

    @Inject
    RevisionRepository revisions;

    @Inject
    AdvisoryLocks locks;

    @Inject
    AssignmentSchedules assignmentSchedules;

    @Inject
    Instance<AthleteRecords<?>> records;

    @Inject
    Clock clock;

    /** Applies the events in a transaction of their own, committed on return. */
    Applied committed(List<Contribution> events) {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> apply(events));
    }

    /** What applying the events would do, found in a transaction that is then rolled back. */
    Applied rolledBack(List<Contribution> events) {
        try {
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
                throw new Undone(apply(events));
            });
            throw new IllegalStateException("a check's transaction ended without its answer");
        } catch (Undone undone) {
            return undone.applied;
        }
    }

    /** Ends a check's transaction, which rolls back, with what it found. */
    private static final class Undone extends RuntimeException {
        private final transient Applied applied;

        Undone(Applied applied) {
            super("a check changes nothing", null, false, false);
            this.applied = applied;
        }
    }

    private Applied apply(List<Contribution> events) throws SQLException {
        planning.planWithValues();
        Admission<Contribution> admission = new Admission<>(events);
        Map<EventIdentity, String> claimed = claims.claimEvents(admission.toClaim().stream()
                .map(e -> new EventClaim(e.identity(), e.tenant(), e.type(), e.digest())).toList());
        List<Contribution> fresh = admission.claimed(claimed);
        // a session's stored athlete is looked up only where the batch names two athletes for it: elsewhere the
        // database keeps the session with its athlete (saveSessions) and a refusal is found afterwards (lostOwnership)
        Map<TenantKey, String> sessionOwners = sessionFacts.sessionOwners(admission.contestedSessions());
        Map<TenantKey, String> assignmentOwners = planEvents.assignmentOwners(admission.assignments());
        Map<String, String> athleteOrganisations = organisations.organisations(admission.registrations(assignmentOwners),
                admission.athleteIds());
        List<Contribution> accepted = admission.admit(athleteOrganisations, sessionOwners, assignmentOwners,
                AthleteRecords.owners(records, admission));
        Set<Integer> admitted = new HashSet<>();
        accepted.forEach(e -> admitted.add(e.index()));
        claims.unclaim(fresh.stream().filter(e -> !admitted.contains(e.index())).map(Contribution::identity).toList());

        Map<TenantKey, SessionFact> sessions = new LinkedHashMap<>();
        Map<TenantKey, List<ExerciseVolumeRow>> volumeRows = new LinkedHashMap<>();
        Map<TenantKey, List<Contribution>> sessionEvents = new LinkedHashMap<>();
        Set<List<String>> coachLinks = new LinkedHashSet<>();
        List<PlanEventRow> newPlanEvents = new ArrayList<>();
        Set<TenantKey> assignments = new LinkedHashSet<>();
        List<ProfileRow> newProfiles = new ArrayList<>();
        for (Contribution event : accepted) {
            if (event.profile() != null) {
                newProfiles.add(event.profile());
                continue;
            }
            if (event.record() != null) {
                // written apart, after the sessions (AthleteRecords)
                continue;
            }
            SessionFact fact = event.session();
            if (fact == null) {
                // only a plan puts an athlete on a coach's roster: a session names a coach, but does not appoint one
                coachLinks.add(List.of(event.tenant(), event.athlete().id(), event.coach()));
                newPlanEvents.add(event.planEvent());
                assignments.add(new TenantKey(event.tenant(), event.planEvent().assignmentId()));
                continue;
            }
            TenantKey key = fact.key();
            sessionEvents.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
            SessionFact current = sessions.get(key);
            if (current == null || fact.outranks(current)) {
                sessions.put(key, fact);
                volumeRows.put(key, event.volumes());
            }
        }

        if (!sessions.isEmpty() || !assignments.isEmpty()) {
            locks.lockScheduleCompletion(!assignments.isEmpty());
        }
        SavedSessions saved = sessionFacts.saveSessions(new ArrayList<>(sessions.values()));
        lostOwnership(sessions, saved, sessionEvents, admission);
        AthleteRecords.storeAll(records, accepted, admission);
        List<ExerciseVolumeRow> storedVolume = new ArrayList<>();
        volumeRows.forEach((key, rows) -> {
            if (saved.stored().contains(key)) {
                storedVolume.addAll(rows);
            }
        });
        volumes.replaceVolumes(saved.replaced(), bySlug(storedVolume));
        roster.linkCoaches(coachLinks);
        planEvents.savePlanEvents(newPlanEvents);
        newProfiles.forEach(profiles::save);
        List<PlanEventRow> allPlanEvents = planEvents.planEvents(assignments);
        schedules.replaceSchedules(assignments, assignmentSchedules.schedules(allPlanEvents));
        Set<TenantKey> rescheduled = new LinkedHashSet<>();
        allPlanEvents.forEach(e -> rescheduled.add(new TenantKey(e.tenant(), e.athleteId())));
        schedules.rewriteAthleteSchedules(rescheduled);
        Map<TenantKey, SessionFact> storedSessions = new LinkedHashMap<>(sessions);
        storedSessions.keySet().retainAll(saved.stored());
        Set<TenantKey> recentAthletes = new LinkedHashSet<>();
        storedSessions.values().forEach(f -> recentAthletes.add(f.athlete()));
        locks.lockAthletes(recentAthletes);
        recentRows(storedSessions, volumeRows, saved.replaced());
        admission.settleCopies();
        Set<TenantKey> athletes = new LinkedHashSet<>();
        accepted.stream().filter(e -> !admission.rejected(e)).forEach(e -> athletes.add(e.athlete()));
        // last, so that the revision rows stay locked only for the commit
        revisions.markRevised(athletes);
        // flags are evaluated after the commit, by FlagSchedule, once for all the batches of the next seconds
        return new Applied(athletes, admission.duplicates(), Set.of(), admission.rejections());
    }

    /**
     * The rows with each exercise named by a catalog id moved to its slug (merged with the same session's rows of that
     * slug): one exercise is one series whichever name a completion used. Read after the schedule lock, which the
     * catalog's moves of stored rows take alone, so that no row is stored under an id whose slug was just learnt.
     */
    private List<ExerciseVolumeRow> bySlug(List<ExerciseVolumeRow> rows) throws SQLException {
        Set<String> keys = new HashSet<>();
        rows.forEach(r -> keys.add(r.exerciseId()));
        Map<String, String> slugs = volumes.slugs(keys);
        if (slugs.isEmpty()) {
            return rows;
        }
        Map<List<String>, ExerciseVolumeRow> merged = new LinkedHashMap<>();
        for (ExerciseVolumeRow r : rows) {
            String key = slugs.getOrDefault(r.exerciseId(), r.exerciseId());
            merged.merge(List.of(r.tenant(), r.sessionId(), key), new ExerciseVolumeRow(r.tenant(), r.sessionId(), key,
                    r.athleteId(), r.date(), r.name(), r.pattern(), r.musclesJson(), r.sets(), r.reps(), r.holdSeconds()),
                    (a, b) -> new ExerciseVolumeRow(a.tenant(), a.sessionId(), a.exerciseId(), a.athleteId(), a.date(),
                            a.name(), a.pattern(), a.musclesJson(), a.sets() + b.sets(), a.reps() + b.reps(),
                            a.holdSeconds() + b.holdSeconds()));
        }
        return new ArrayList<>(merged.values());
    }

    /**
     * Sessions the database kept as they were: an older version (nothing to do), or, when another transaction stored
     * the session for another athlete in the meantime, a conflict after all.
     */
    private void lostOwnership(Map<TenantKey, SessionFact> sessions, SavedSessions saved,
            Map<TenantKey, List<Contribution>> events, Admission<Contribution> admission) throws SQLException {
        List<TenantKey> kept = sessions.keySet().stream().filter(k -> !saved.stored().contains(k)).toList();
        if (kept.isEmpty()) {
            return;
        }
        Map<TenantKey, String> owners = sessionFacts.sessionOwners(kept);
        List<EventIdentity> released = new ArrayList<>();
        for (TenantKey key : kept) {
            String athlete = sessions.get(key).athleteId();
            if (!athlete.equals(owners.get(key))) {
                for (Contribution event : events.get(key)) {
                    admission.reject(event, Admission.ownedByAnother("session ", key.id(), athlete));
                    released.add(event.identity());
                }
            }
        }
        claims.unclaim(released);
    }

    /**
     * Keeps the athletes' recent rows (latest sessions, volume per day) for the dashboard: completions stored for
     * the first time are merged into their rows; an athlete with a replaced session has their row rewritten from
     * the facts, since the row holds the replaced session's old figures.
     */
    private void recentRows(Map<TenantKey, SessionFact> sessions, Map<TenantKey, List<ExerciseVolumeRow>> volumeRows,
            Set<TenantKey> replaced) throws SQLException {
        LocalDate since = LocalDate.now(clock).minusDays(AthleteRecentRepository.RECENT_VOLUME_DAYS - 1L);
        Set<TenantKey> rewrite = new LinkedHashSet<>();
        sessions.forEach((key, fact) -> {
            if (replaced.contains(key)) {
                rewrite.add(fact.athlete());
            }
        });
        List<SessionFact> fresh = new ArrayList<>();
        Map<List<Object>, int[]> days = new LinkedHashMap<>();
        sessions.forEach((key, fact) -> {
            if (!fact.completed() || rewrite.contains(fact.athlete())) {
                return;
            }
            fresh.add(fact);
            List<ExerciseVolumeRow> rows = volumeRows.getOrDefault(key, List.of());
            if (!rows.isEmpty()) {
                int[] day = days.computeIfAbsent(List.of(fact.tenant(), fact.athleteId(), rows.get(0).date()),
                        k -> new int[4]);
                day[0]++;
                rows.forEach(r -> {
                    day[1] += r.sets();
                    day[2] += r.reps();
                    day[3] += r.holdSeconds();
                });
            }
        });
        List<DayVolumeRow> dayRows = new ArrayList<>();
        days.forEach((k, v) -> dayRows.add(new DayVolumeRow((String) k.get(0), (String) k.get(1), (LocalDate) k.get(2),
                v[0], v[1], v[2], v[3])));
        recent.mergeAthleteRecent(fresh, dayRows, since);
        recent.rewriteAthleteRecent(rewrite, since);
    }
}
