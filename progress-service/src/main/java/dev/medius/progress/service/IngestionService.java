package dev.medius.progress.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.EventTypes;
import dev.medius.progress.messaging.DeadLetters;
import dev.medius.progress.messaging.DeadLetters.Rejected;
import dev.medius.progress.messaging.EventReader;
import dev.medius.progress.messaging.InboundEvent;
import dev.medius.progress.messaging.InboundEvent.Identity;
import dev.medius.progress.messaging.Rejection;
import dev.medius.progress.config.IngestionConfig;
import dev.medius.progress.repository.FactRepository.EventClaim;
import dev.medius.progress.repository.FactRepository.SavedSessions;
import dev.medius.progress.repository.DatabaseAvailability;
import dev.medius.progress.repository.FactRepository;
import dev.medius.progress.repository.FactRepository.ExerciseVolumeRow;
import dev.medius.progress.repository.FactRepository.PlanEventRow;
import dev.medius.progress.repository.FactRepository.ScheduledRow;
import dev.medius.progress.repository.FactRepository.SessionFact;
import dev.medius.progress.repository.FactRepository.TenantKey;
import dev.medius.progress.repository.ProgressRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a batch of records from {@code routine.sessions} and {@code routine.plans} in one transaction:
 * rejects what breaks the contract to the dead-letter topic, skips event ids already applied, stores
 * the facts and derives the schedule from every plan event of an assignment, so the result does not
 * depend on the order in which events arrive. The live consumer and the rebuild share this code.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    /**
     * Live ingestion dead-letters, counts outcomes, has flags evaluated and notifies dashboards; a rebuild only replays
     * facts; a check says what would become of each record and changes nothing.
     */
    public enum Mode {
        LIVE, REPLAY, CHECK
    }

    @Inject
    ObjectMapper json;

    @Inject
    FactRepository facts;

    @Inject
    ProgressRepository progress;

    @Inject
    FlagSchedule flags;

    @Inject
    DeadLetters deadLetters;

    @Inject
    DashboardEvents dashboardEvents;

    @Inject
    IngestionGate gate;

    @Inject
    MeterRegistry metrics;

    @Inject
    java.time.Clock clock;

    @Inject
    IngestionConfig config;

    /** Applies the records; returns how many events were new. */
    public int ingest(List<ConsumerRecord<String, byte[]>> records, Mode mode) {
        return ingest(records, mode, new java.util.concurrent.atomic.AtomicBoolean()).applied();
    }

    /** What became of each record of a batch, in the batch's order. */
    public record Ingested(List<Outcome> outcomes) {

        public int applied() {
            return (int) outcomes.stream().filter(o -> o.kind() == Outcome.Kind.APPLIED).count();
        }
    }

    /** What became of one record: applied, recognised as a duplicate, or rejected and why. */
    public record Outcome(ConsumerRecord<String, byte[]> record, Kind kind, Rejection rejection) {

        public enum Kind {
            APPLIED, DUPLICATE, REJECTED
        }

        public String wire() {
            return kind == Kind.REJECTED ? "dead-lettered" : kind.name().toLowerCase();
        }
    }

    /**
     * Applies the records; {@code rejectedSent} remembers across retries of the same batch that its
     * rejected records already reached the dead-letter topic, so a retry does not send them twice.
     */
    public Ingested ingest(List<ConsumerRecord<String, byte[]>> records, Mode mode,
            java.util.concurrent.atomic.AtomicBoolean rejectedSent) {
        EventReader reader = new EventReader(json, clock.instant(), config.futureSkew());
        Outcome[] outcomes = new Outcome[records.size()];
        List<Contribution> valid = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            EventReader.Result result = reader.read(record);
            Rejection rejection = result.rejection();
            if (rejection == null) {
                try {
                    valid.add(contribution(i, result.event()));
                    continue;
                } catch (RuntimeException e) {
                    rejection = Rejection.of(Rejection.Category.CONTRACT, "data unreadable: " + e.getMessage());
                }
            }
            rejected.add(new Rejected(record, rejection));
            outcomes[i] = new Outcome(record, Outcome.Kind.REJECTED, rejection);
        }
        if (mode == Mode.LIVE && !rejectedSent.get()) {
            deadLetters.send(rejected);
            rejectedSent.set(true);
        }
        gate.enter();
        try {
            Applied applied;
            try {
                applied = mode == Mode.CHECK ? undone(valid)
                        : QuarkusTransaction.requiringNew().timeout(120).call(() -> apply(valid, mode));
            } catch (RuntimeException batchFailure) {
                if (mode == Mode.CHECK) {
                    throw batchFailure;
                }
                // one event the database refuses must not hold back the others: apply them one by one
                LOG.warnf("batch of %d events failed (%s); applying one by one", valid.size(), batchFailure.getMessage());
                applied = Applied.NONE;
                for (Contribution event : valid) {
                    try {
                        applied = applied.and(QuarkusTransaction.requiringNew().call(() -> apply(List.of(event), mode)));
                    } catch (RuntimeException e) {
                        if (DatabaseAvailability.unavailable(e)) {
                            // the database went away (or came back) while the batch was being split: the
                            // event is not at fault, so the whole batch is retried; those already applied
                            // are skipped then by their identities
                            throw e;
                        }
                        applied = applied.and(Applied.rejected(event,
                                Rejection.of(Rejection.Category.PROCESSING, "processing failed: " + e.getMessage())));
                    }
                }
            }
            List<Rejected> refused = new ArrayList<>();
            for (Contribution event : valid) {
                Rejection rejection = applied.rejections().get(event.index());
                ConsumerRecord<String, byte[]> record = records.get(event.index());
                if (rejection != null) {
                    refused.add(new Rejected(record, rejection));
                    outcomes[event.index()] = new Outcome(record, Outcome.Kind.REJECTED, rejection);
                } else {
                    outcomes[event.index()] = new Outcome(record,
                            applied.duplicates().contains(event.index()) ? Outcome.Kind.DUPLICATE : Outcome.Kind.APPLIED, null);
                }
            }
            if (mode == Mode.LIVE) {
                deadLetters.send(refused);
                long duplicates = java.util.Arrays.stream(outcomes).filter(o -> o.kind() == Outcome.Kind.DUPLICATE).count();
                metrics.counter(DeadLetters.OUTCOMES, "outcome", "applied", "category", "").increment(valid.size() - refused.size() - duplicates);
                metrics.counter(DeadLetters.OUTCOMES, "outcome", "duplicate", "category", "").increment(duplicates);
            }
            if (mode != Mode.CHECK) {
                metrics.counter("medius.progress.events.ingested", "mode", mode.name().toLowerCase())
                        .increment(valid.size() - refused.size() - applied.duplicates().size());
                metrics.summary("medius.progress.batch.size", "mode", mode.name().toLowerCase()).record(records.size());
            }
            if (mode == Mode.LIVE) {
                // committed: the evaluation that follows sees these facts
                flags.touched(applied.athletes());
                dashboardEvents.publish(applied.changes());
            }
            return new Ingested(List.of(outcomes));
        } finally {
            gate.leave();
        }
    }

    /** What applying the events would do, found in a transaction that is then rolled back. */
    private Applied undone(List<Contribution> events) {
        try {
            QuarkusTransaction.requiringNew().timeout(120).call(() -> {
                throw new Undone(apply(events, Mode.CHECK));
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

    /** What a transaction did: changes to tell dashboards, athletes touched, duplicates and rejections by record. */
    private record Applied(List<AthleteChange> changes, Set<TenantKey> athletes, Set<Integer> duplicates,
            Map<Integer, Rejection> rejections) {

        static final Applied NONE = new Applied(List.of(), Set.of(), Set.of(), Map.of());

        static Applied rejected(Contribution event, Rejection rejection) {
            return new Applied(List.of(), Set.of(), Set.of(), Map.of(event.index(), rejection));
        }

        Applied and(Applied other) {
            List<AthleteChange> allChanges = new ArrayList<>(changes);
            allChanges.addAll(other.changes);
            Set<TenantKey> allAthletes = new LinkedHashSet<>(athletes);
            allAthletes.addAll(other.athletes);
            Set<Integer> allDuplicates = new java.util.HashSet<>(duplicates);
            allDuplicates.addAll(other.duplicates);
            Map<Integer, Rejection> allRejections = new java.util.HashMap<>(rejections);
            allRejections.putAll(other.rejections);
            return new Applied(allChanges, allAthletes, allDuplicates, allRejections);
        }
    }

    /**
     * What one valid event adds to the projections, read out of its JSON as soon as it is checked: a batch then
     * holds these few rows rather than thousands of JSON trees, which lived long enough to be copied by the
     * collector and fill the old generation (a flight recording of scenario 1 showed a fifth of the time in
     * collector pauses). {@code index} is the record's place in its batch.
     */
    private record Contribution(int index, Identity identity, String digest, String type, String tenant, TenantKey athlete,
            String coach, SessionFact session, List<ExerciseVolumeRow> volumes, PlanEventRow planEvent) {

        /** The session or assignment the event is about, in its organisation. */
        TenantKey aggregate() {
            return new TenantKey(tenant, session != null ? session.sessionId() : planEvent.assignmentId());
        }
    }

    private Contribution contribution(int index, InboundEvent event) {
        JsonNode d = event.data();
        String tenant = event.tenant();
        String athlete = d.get("athleteId").asText();
        TenantKey athleteKey = new TenantKey(tenant, athlete);
        String coach = text(d, "coachId");
        int revision = d.hasNonNull("revision") ? d.get("revision").asInt() : 0;
        // as precise as the database keeps it, so that a batch and the database order versions alike
        OffsetDateTime eventTime = event.time().withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        switch (event.type()) {
            case EventTypes.SESSION_COMPLETED -> {
                String sessionId = d.get("sessionId").asText();
                JsonNode pain = d.get("pain");
                SessionFact fact = new SessionFact(tenant, sessionId, athlete, "completed", date(d, "scheduledDate"),
                        time(d, "completedAt"), d.hasNonNull("sessionRpe") ? d.get("sessionRpe").asDouble() : null,
                        pain != null && pain.hasNonNull("score") ? pain.get("score").asInt() : null,
                        pain == null ? null : text(pain, "area"), null, revision, eventTime, event.source(), event.id());
                return new Contribution(index, event.identity(), event.digest(), event.type(), tenant, athleteKey, coach,
                        fact, volumeRows(tenant, athlete, sessionId, fact.occurredAt().toLocalDate(), d), null);
            }
            case EventTypes.SESSION_SKIPPED -> {
                SessionFact fact = new SessionFact(tenant, d.get("sessionId").asText(), athlete, "skipped",
                        date(d, "scheduledDate"), time(d, "recordedAt"), null, null, null, text(d, "reason"), revision,
                        eventTime, event.source(), event.id());
                return new Contribution(index, event.identity(), event.digest(), event.type(), tenant, athleteKey, coach,
                        fact, List.of(), null);
            }
            default -> {
                LocalDate from = switch (event.type()) {
                    case EventTypes.PLAN_CHANGED -> date(d, "effectiveFrom");
                    case EventTypes.PLAN_CANCELLED -> date(d, "cancelledFrom");
                    default -> date(d, "startDate");
                };
                PlanEventRow row = new PlanEventRow(tenant, event.source() + " " + event.id(), d.get("assignmentId").asText(),
                        athlete, coach, event.type(), from, event.time(), d.has("sessions") ? d.get("sessions").toString() : null);
                return new Contribution(index, event.identity(), event.digest(), event.type(), tenant, athleteKey, coach,
                        null, List.of(), row);
            }
        }
    }

    private Applied apply(List<Contribution> events, Mode mode) throws SQLException {
        facts.planWithValues();
        Set<Integer> duplicates = new java.util.HashSet<>();
        Map<Integer, Rejection> rejections = new java.util.HashMap<>();

        // one claim per identity, by the first event of the identity in the batch; every other event of an identity
        // is compared with what the identity stands for: the claim stored before, else that first event
        Map<Identity, Contribution> unique = new LinkedHashMap<>();
        events.forEach(event -> unique.putIfAbsent(event.identity(), event));
        Map<List<String>, String> claimed = facts.claimEvents(unique.values().stream()
                .map(e -> new EventClaim(e.identity().source(), e.identity().id(), e.tenant(), e.type(), e.digest())).toList());
        List<Contribution> fresh = new ArrayList<>();
        for (Contribution event : events) {
            Contribution first = unique.get(event.identity());
            String stored = claimed.get(List.of(event.identity().source(), event.identity().id()));
            String standsFor = stored != null ? stored : first.digest();
            if (stored == null && first == event) {
                fresh.add(event);
            } else if (standsFor.isEmpty() || standsFor.equals(event.digest())) {
                duplicates.add(event.index());
            } else {
                rejections.put(event.index(), identityConflict(event));
            }
        }

        List<Contribution> accepted = admitted(fresh, rejections);
        Set<Integer> admitted = new java.util.HashSet<>();
        accepted.forEach(e -> admitted.add(e.index()));
        facts.unclaim(fresh.stream().filter(e -> !admitted.contains(e.index()))
                .map(e -> List.of(e.identity().source(), e.identity().id())).toList());

        Map<TenantKey, SessionFact> sessions = new LinkedHashMap<>();
        Map<TenantKey, List<ExerciseVolumeRow>> volumes = new LinkedHashMap<>();
        Map<TenantKey, List<Contribution>> sessionEvents = new LinkedHashMap<>();
        Set<List<String>> coachLinks = new LinkedHashSet<>();
        List<PlanEventRow> planEvents = new ArrayList<>();
        Set<TenantKey> assignments = new LinkedHashSet<>();

        for (Contribution event : accepted) {
            SessionFact fact = event.session();
            if (fact == null) {
                // only a plan puts an athlete on a coach's roster: a session names a coach, but does not appoint one
                coachLinks.add(List.of(event.tenant(), event.athlete().id(), event.coach()));
                planEvents.add(event.planEvent());
                assignments.add(new TenantKey(event.tenant(), event.planEvent().assignmentId()));
                continue;
            }
            TenantKey key = new TenantKey(event.tenant(), fact.sessionId());
            sessionEvents.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
            SessionFact current = sessions.get(key);
            if (current == null || fact.outranks(current)) {
                sessions.put(key, fact);
                volumes.put(key, event.volumes());
            }
        }

        if (!sessions.isEmpty() || !assignments.isEmpty()) {
            facts.lockScheduleCompletion(!assignments.isEmpty());
        }
        SavedSessions saved = facts.saveSessions(new ArrayList<>(sessions.values()));
        lostOwnership(sessions, saved, sessionEvents, rejections);
        List<ExerciseVolumeRow> volumeRows = new ArrayList<>();
        volumes.forEach((key, rows) -> {
            if (saved.stored().contains(key)) {
                volumeRows.addAll(rows);
            }
        });
        facts.replaceVolumes(saved.replaced(), bySlug(volumeRows));
        facts.linkCoaches(coachLinks);
        facts.savePlanEvents(planEvents);
        List<PlanEventRow> allPlanEvents = facts.planEvents(assignments);
        facts.replaceSchedules(assignments, schedules(allPlanEvents));
        Set<TenantKey> rescheduled = new LinkedHashSet<>();
        allPlanEvents.forEach(e -> rescheduled.add(new TenantKey(e.tenant(), e.athleteId())));
        facts.rewriteAthleteSchedules(rescheduled);
        Map<TenantKey, SessionFact> storedSessions = new LinkedHashMap<>(sessions);
        storedSessions.keySet().retainAll(saved.stored());
        Set<TenantKey> recentAthletes = new LinkedHashSet<>();
        storedSessions.values().forEach(f -> recentAthletes.add(new TenantKey(f.tenant(), f.athleteId())));
        facts.lockAthletes(recentAthletes);
        recentRows(storedSessions, volumes, saved.replaced());
        // a copy of an event first claimed in this batch shares its fate: dead-lettered with it, or a duplicate
        for (Contribution event : events) {
            Contribution first = unique.get(event.identity());
            Rejection fate = first == event ? null : rejections.get(first.index());
            if (fate != null && fresh.contains(first) && duplicates.remove(event.index())) {
                rejections.put(event.index(), fate);
            }
        }
        Set<TenantKey> athletes = new LinkedHashSet<>();
        accepted.stream().filter(e -> !rejections.containsKey(e.index())).forEach(e -> athletes.add(e.athlete()));
        // last, so that the revision rows stay locked only for the commit
        facts.markRevised(athletes);

        // flags are evaluated after the commit, by FlagSchedule, once for all the batches of the next seconds
        List<AthleteChange> changes = new ArrayList<>();
        if (mode == Mode.LIVE && !athletes.isEmpty()) {
            Map<String, List<String>> byTenant = new LinkedHashMap<>();
            athletes.forEach(a -> byTenant.computeIfAbsent(a.tenant(), k -> new ArrayList<>()).add(a.id()));
            byTenant.forEach((tenant, roster) -> {
                Map<String, List<String>> coaches = progress.coaches(tenant, roster);
                roster.forEach(id -> changes.add(new AthleteChange(tenant, id, coaches.getOrDefault(id, List.of()), "activity")));
            });
        }
        return new Applied(changes, athletes, duplicates, rejections);
    }

    /**
     * The rows with each exercise named by a catalog id moved to its slug (merged with the same session's rows of that
     * slug): one exercise is one series whichever name a completion used. Read after the schedule lock, which the
     * catalog's moves of stored rows take alone, so that no row is stored under an id whose slug was just learnt.
     */
    private List<ExerciseVolumeRow> bySlug(List<ExerciseVolumeRow> rows) throws SQLException {
        Set<String> keys = new java.util.HashSet<>();
        rows.forEach(r -> keys.add(r.exerciseId()));
        Map<String, String> slugs = facts.slugs(keys);
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
     * The fresh events that may change what they name, in batch order: an athlete's events only from their own
     * organisation (learnt from their first plan event), a session's only for its athlete, an assignment's only
     * for its athlete. The others are added to {@code rejections}.
     */
    private List<Contribution> admitted(List<Contribution> fresh, Map<Integer, Rejection> rejections) throws SQLException {
        // a session's stored athlete is looked up only where the batch names two athletes for it: elsewhere the
        // database keeps the session with its athlete (saveSessions) and a refusal is found afterwards (lostOwnership)
        Map<TenantKey, String> batchAthlete = new java.util.HashMap<>();
        Set<TenantKey> contested = new LinkedHashSet<>();
        Set<TenantKey> assignmentKeys = new LinkedHashSet<>();
        for (Contribution e : fresh) {
            if (e.session() == null) {
                assignmentKeys.add(e.aggregate());
            } else if (!e.athlete().id().equals(batchAthlete.computeIfAbsent(e.aggregate(), k -> e.athlete().id()))) {
                contested.add(e.aggregate());
            }
        }
        Map<TenantKey, String> sessionOwners = new java.util.HashMap<>(facts.sessionOwners(contested));
        Map<TenantKey, String> assignmentOwners = new java.util.HashMap<>(facts.assignmentOwners(assignmentKeys));
        Map<String, String> register = new LinkedHashMap<>();
        for (Contribution event : fresh) {
            String owner = assignmentOwners.get(event.aggregate());
            if (event.planEvent() != null && (owner == null || owner.equals(event.athlete().id()))) {
                register.putIfAbsent(event.athlete().id(), event.tenant());
            }
        }
        Set<String> athleteIds = new LinkedHashSet<>();
        fresh.forEach(e -> athleteIds.add(e.athlete().id()));
        Map<String, String> organisations = facts.organisations(register, athleteIds);

        List<Contribution> admitted = new ArrayList<>();
        for (Contribution event : fresh) {
            String organisation = organisations.get(event.athlete().id());
            Map<TenantKey, String> owners = event.session() != null ? sessionOwners : assignmentOwners;
            String owner = owners.putIfAbsent(event.aggregate(), event.athlete().id());
            if (organisation != null && !organisation.equals(event.tenant())) {
                rejections.put(event.index(), Rejection.of(Rejection.Category.ORGANISATION, "athlete " + event.athlete().id()
                        + " belongs to another organisation than " + event.tenant()));
            } else if (owner != null && !owner.equals(event.athlete().id())) {
                String what = event.session() != null ? "session " : "assignment ";
                rejections.put(event.index(), Rejection.of(Rejection.Category.CONFLICT, what + event.aggregate().id()
                        + " belongs to another athlete than " + event.athlete().id()));
            } else {
                admitted.add(event);
            }
        }
        return admitted;
    }

    /**
     * Sessions the database kept as they were: an older version (nothing to do), or, when another transaction stored
     * the session for another athlete in the meantime, a conflict after all.
     */
    private void lostOwnership(Map<TenantKey, SessionFact> sessions, SavedSessions saved,
            Map<TenantKey, List<Contribution>> events, Map<Integer, Rejection> rejections) throws SQLException {
        List<TenantKey> kept = sessions.keySet().stream().filter(k -> !saved.stored().contains(k)).toList();
        if (kept.isEmpty()) {
            return;
        }
        Map<TenantKey, String> owners = facts.sessionOwners(kept);
        List<List<String>> released = new ArrayList<>();
        for (TenantKey key : kept) {
            String athlete = sessions.get(key).athleteId();
            if (!athlete.equals(owners.get(key))) {
                for (Contribution event : events.get(key)) {
                    rejections.put(event.index(), Rejection.of(Rejection.Category.CONFLICT, "session " + key.id()
                            + " belongs to another athlete than " + athlete));
                    released.add(List.of(event.identity().source(), event.identity().id()));
                }
            }
        }
        facts.unclaim(released);
    }

    private static Rejection identityConflict(Contribution event) {
        return Rejection.of(Rejection.Category.CONFLICT, "event id " + event.identity().id() + " from source "
                + event.identity().source() + " already stands for another event");
    }

    /**
     * Keeps the athletes' recent rows (latest sessions, volume per day) for the dashboard: completions stored for
     * the first time are merged into their rows; an athlete with a replaced session has their row rewritten from
     * the facts, since the row holds the replaced session's old figures.
     */
    private void recentRows(Map<TenantKey, SessionFact> sessions, Map<TenantKey, List<ExerciseVolumeRow>> volumes,
            Set<TenantKey> replaced) throws SQLException {
        LocalDate since = LocalDate.now(clock).minusDays(FactRepository.RECENT_VOLUME_DAYS - 1L);
        Set<TenantKey> rewrite = new LinkedHashSet<>();
        sessions.forEach((key, fact) -> {
            if (replaced.contains(key)) {
                rewrite.add(new TenantKey(fact.tenant(), fact.athleteId()));
            }
        });
        List<SessionFact> fresh = new ArrayList<>();
        Map<List<Object>, int[]> days = new LinkedHashMap<>();
        sessions.forEach((key, fact) -> {
            if (!"completed".equals(fact.status()) || rewrite.contains(new TenantKey(fact.tenant(), fact.athleteId()))) {
                return;
            }
            fresh.add(fact);
            List<ExerciseVolumeRow> rows = volumes.getOrDefault(key, List.of());
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
        List<FactRepository.DayVolumeRow> dayRows = new ArrayList<>();
        days.forEach((k, v) -> dayRows.add(new FactRepository.DayVolumeRow((String) k.get(0), (String) k.get(1),
                (LocalDate) k.get(2), v[0], v[1], v[2], v[3])));
        facts.mergeAthleteRecent(fresh, dayRows, since);
        facts.rewriteAthleteRecent(rewrite, since);
    }

    /**
     * The schedule of each assignment from all of its plan events: the assignment's sessions, each change
     * (in order of effective date) replacing everything from its effective date on, and cancellation
     * removing everything from its date on.
     */
    List<ScheduledRow> schedules(List<PlanEventRow> events) {
        Map<TenantKey, List<PlanEventRow>> byAssignment = new LinkedHashMap<>();
        events.forEach(e -> byAssignment.computeIfAbsent(new TenantKey(e.tenant(), e.assignmentId()), k -> new ArrayList<>())
                .add(e));
        List<ScheduledRow> rows = new ArrayList<>();
        for (Map.Entry<TenantKey, List<PlanEventRow>> entry : byAssignment.entrySet()) {
            List<PlanEventRow> all = entry.getValue();
            Map<String, ScheduledRow> schedule = new LinkedHashMap<>();
            String athlete = all.get(0).athleteId();
            all.stream().filter(e -> EventTypes.PLAN_ASSIGNED.equals(e.type())).reduce((first, second) -> second)
                    .ifPresent(assigned -> sessionsOf(assigned, null).forEach(s -> schedule.put(s.sessionId(), s)));
            all.stream().filter(e -> EventTypes.PLAN_CHANGED.equals(e.type()))
                    .sorted(Comparator.comparing(PlanEventRow::effectiveFrom)
                            .thenComparing(e -> e.time() == null ? OffsetDateTime.MIN : e.time())
                            .thenComparing(PlanEventRow::eventId))
                    .forEach(change -> {
                        schedule.values().removeIf(s -> !s.date().isBefore(change.effectiveFrom()));
                        sessionsOf(change, change.effectiveFrom()).forEach(s -> schedule.put(s.sessionId(), s));
                    });
            all.stream().filter(e -> EventTypes.PLAN_CANCELLED.equals(e.type())).map(PlanEventRow::effectiveFrom)
                    .min(Comparator.naturalOrder())
                    .ifPresent(cancelledFrom -> schedule.values().removeIf(s -> !s.date().isBefore(cancelledFrom)));
            schedule.values().forEach(s -> rows.add(new ScheduledRow(s.tenant(), s.assignmentId(), s.sessionId(), athlete,
                    s.date())));
        }
        return rows;
    }

    private List<ScheduledRow> sessionsOf(PlanEventRow event, LocalDate notBefore) {
        List<ScheduledRow> rows = new ArrayList<>();
        if (event.sessionsJson() == null) {
            return rows;
        }
        try {
            for (JsonNode s : json.readTree(event.sessionsJson())) {
                LocalDate date = LocalDate.parse(s.get("scheduledDate").asText());
                if (notBefore == null || !date.isBefore(notBefore)) {
                    rows.add(new ScheduledRow(event.tenant(), event.assignmentId(), s.get("sessionId").asText(),
                            event.athleteId(), date));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored plan sessions unreadable", e);
        }
        return rows;
    }

    /** Volume per exercise: sets performed, reps summed over sets (sets × reps), hold seconds summed. */
    private List<ExerciseVolumeRow> volumeRows(String tenant, String athlete, String sessionId, LocalDate date, JsonNode d) {
        Map<String, ExerciseVolumeRow> byExercise = new LinkedHashMap<>();
        for (JsonNode ex : d.get("exercises")) {
            JsonNode sets = ex.get("sets");
            if (sets == null || sets.isEmpty()) {
                continue;
            }
            int reps = 0;
            int hold = 0;
            for (JsonNode set : sets) {
                reps += set.hasNonNull("reps") ? set.get("reps").asInt() : 0;
                hold += set.hasNonNull("holdSeconds") ? set.get("holdSeconds").asInt() : 0;
            }
            // an exercise is one series whether a completion names it by id or by slug: the slug, when given, is its key
            String slug = text(ex, "slug");
            String exerciseId = slug != null && !slug.isBlank() ? slug : ex.get("exerciseId").asText();
            JsonNode muscles = ex.get("muscles");
            ExerciseVolumeRow previous = byExercise.get(exerciseId);
            int totalSets = sets.size() + (previous == null ? 0 : previous.sets());
            byExercise.put(exerciseId, new ExerciseVolumeRow(tenant, sessionId, exerciseId, athlete, date,
                    text(ex, "name"), text(ex, "pattern"), muscles == null || !muscles.isArray() ? "[]" : muscles.toString(),
                    totalSets, reps + (previous == null ? 0 : previous.reps()),
                    hold + (previous == null ? 0 : previous.holdSeconds())));
        }
        return new ArrayList<>(byExercise.values());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }

    private static OffsetDateTime time(JsonNode node, String field) {
        return OffsetDateTime.parse(node.get(field).asText()).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
