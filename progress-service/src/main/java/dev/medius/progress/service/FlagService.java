package dev.medius.progress.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import dev.medius.progress.config.FlagThresholds;
import dev.medius.progress.config.TrainingLoadConfig;
import dev.medius.progress.domain.AthleteFacts;
import dev.medius.progress.domain.CheckInPoint;
import dev.medius.progress.domain.FlagFinding;
import dev.medius.progress.domain.FlagKind;
import dev.medius.progress.domain.FlagRules;
import dev.medius.progress.domain.SessionPoint;
import dev.medius.progress.domain.SkippedSession;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.domain.TrainingLoad;
import dev.medius.progress.events.FlagEvents;
import dev.medius.progress.repository.AdherenceRepository;
import dev.medius.progress.repository.AdherenceRepository.ScheduleSummary;
import dev.medius.progress.repository.AthleteRecentRepository;
import dev.medius.progress.repository.CheckInRepository;
import dev.medius.progress.repository.FlagRepository;
import dev.medius.progress.repository.TrainingLoadRepository;
import dev.medius.progress.repository.FlagRepository.FlagRow;
import dev.medius.progress.repository.RevisionRepository;
import dev.medius.progress.repository.RosterRepository;
import dev.medius.progress.repository.SessionHistoryRepository;
import dev.medius.progress.repository.StatementPlanning;

/**
 * Raises and clears flags: compares what the rules find now with the flags already raised, stores the
 * difference and records {@code athlete.flagged.v1} / {@code athlete.unflagged.v1} in the outbox in
 * the same transaction.
 */
@ApplicationScoped
public class FlagService {

    private static final Logger LOG = Logger.getLogger(FlagService.class);

    @Inject
    RosterRepository roster;

    @Inject
    AdherenceRepository adherence;

    @Inject
    AthleteRecentRepository recentRows;

    @Inject
    SessionHistoryRepository history;

    @Inject
    CheckInRepository checkIns;

    @Inject
    FlagRepository flagRows;

    @Inject
    TrainingLoadRepository loads;

    @Inject
    TrainingLoadConfig loadConfig;

    @Inject
    RevisionRepository revisions;

    @Inject
    StatementPlanning planning;

    @Inject
    FlagEvents flagEvents;

    @Inject
    FlagThresholds thresholds;

    @Inject
    Clock clock;

    @Inject
    EntityManager entities;

    /** Evaluates every rule for the athletes; returns the athletes whose flags changed. */
    @Transactional(TxType.MANDATORY)
    public List<AthleteChange> evaluate(Collection<TenantKey> athletes) {
        return evaluate(athletes, false);
    }

    /**
     * Evaluates the athletes' flags; returns the athletes whose flags changed. With {@code calendarOnly}, only the
     * rules a passing day can change are evaluated, and the flags the sessions alone decide stay as the last full
     * evaluation left them: nothing about them has changed since, and their history is the costliest read.
     */
    @Transactional(TxType.MANDATORY)
    public List<AthleteChange> evaluate(Collection<TenantKey> athletes, boolean calendarOnly) {
        try {
            // lookups of up to a thousand athletes at once: planned with their values, like ingestion's
            planning.planWithValues();
            return evaluateChunk(athletes, calendarOnly);
        } catch (SQLException e) {
            throw new IllegalStateException("flag evaluation failed: " + e.getMessage(), e);
        }
    }

    private List<AthleteChange> evaluateChunk(Collection<TenantKey> athletes, boolean calendarOnly) throws SQLException {
        List<AthleteChange> changed = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        FlagRules rules = new FlagRules(thresholds, loadConfig.spikeRatio());
        Map<String, List<String>> byTenant = athletes.stream().collect(Collectors.groupingBy(TenantKey::tenant,
                Collectors.mapping(TenantKey::id, Collectors.toList())));
        LocalDate skipsSince = today.minusDays(thresholds.injurySkipDays() - 1L);
        LocalDate checkInsSince = rules.checkInsFrom(today);
        for (Map.Entry<String, List<String>> entry : byTenant.entrySet()) {
            String tenant = entry.getKey();
            List<String> ids = entry.getValue();
            Map<String, ScheduleSummary> schedules = adherence.scheduleSummaries(tenant, ids, today);
            Map<String, List<SessionPoint>> recent = calendarOnly ? recentRows.recentFromRollup(tenant, ids)
                    : recentSessions(rules, tenant, ids);
            Map<String, List<SkippedSession>> skips = history.skipsWithReasonSince(tenant, ids, skipsSince);
            Map<String, List<CheckInPoint>> mornings = checkIns.pointsSince(tenant, ids, checkInsSince);
            Map<String, List<TrainingLoad.Session>> completed = loads.completedUntil(tenant, ids, today);
            Map<String, List<FlagRow>> raised = flagRows.flags(tenant, ids);
            List<String> changedHere = new ArrayList<>();
            for (String athlete : ids) {
                ScheduleSummary schedule = schedules.getOrDefault(athlete, ScheduleSummary.NONE);
                List<SessionPoint> sessions = recent.getOrDefault(athlete, List.of());
                AthleteFacts facts = new AthleteFacts(athlete, schedule.days7(), schedule.previous30(), schedule.days30(),
                        sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).date(), schedule.firstScheduled(),
                        schedule.lastScheduled(), schedule.missedSinceActivity(), sessions,
                        skips.getOrDefault(athlete, List.of()), mornings.getOrDefault(athlete, List.of()),
                        completed.getOrDefault(athlete, List.of()));
                List<FlagRow> raisedHere = raised.getOrDefault(athlete, List.of());
                Map<FlagKind, FlagFinding> found = calendarOnly ? withSessionFlags(rules.evaluateCalendar(facts, today), raisedHere)
                        : rules.evaluate(facts, today);
                if (reconcile(tenant, athlete, found, raisedHere)) {
                    changedHere.add(athlete);
                }
            }
            if (!changedHere.isEmpty()) {
                Map<String, List<String>> coaches = roster.coaches(tenant, changedHere);
                changedHere.forEach(athlete -> changed.add(new AthleteChange(tenant, athlete,
                        coaches.getOrDefault(athlete, List.of()), "flags")));
            }
        }
        // the flag events' outbox rows are written now rather than when the transaction commits, so that the
        // revision rows taken below stay locked for the commit alone: ingestion's lanes write those rows too
        entities.flush();
        revisions.markRevised(changed.stream().map(c -> new TenantKey(c.tenant(), c.athleteId())).toList());
        return changed;
    }

    /**
     * The latest sessions of each athlete from the recent rows kept at ingestion; those whose pain rules need more
     * (a busy recent week, or a report to compare with their baseline) read them from the facts.
     */
    private Map<String, List<SessionPoint>> recentSessions(FlagRules rules, String tenant, List<String> ids) {
        Map<String, List<SessionPoint>> recent = recentRows.recentFromRollup(tenant, ids);
        List<String> longer = ids.stream()
                .filter(id -> rules.needsLongerHistory(recent.getOrDefault(id, List.of()), AthleteRecentRepository.RECENT_SESSIONS))
                .toList();
        if (!longer.isEmpty()) {
            recent.putAll(history.recentSessions(tenant, longer, rules.historySessions()));
        }
        return recent;
    }

    /** The calendar's findings with the raised flags the sessions alone decide, kept as they are. */
    private static Map<FlagKind, FlagFinding> withSessionFlags(Map<FlagKind, FlagFinding> found, List<FlagRow> raised) {
        for (FlagRow row : raised) {
            FlagKind kind = FlagKind.fromWire(row.kind());
            if (kind.fromSessions()) {
                found.put(kind, new FlagFinding(kind, row.reason(), row.value(), row.threshold(), row.facts()));
            }
        }
        return found;
    }

    private boolean reconcile(String tenant, String athlete, Map<FlagKind, FlagFinding> found, List<FlagRow> raised) {
        Set<String> already = raised.stream().map(FlagRow::kind).collect(Collectors.toCollection(LinkedHashSet::new));
        boolean changed = false;
        String coach = null;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (FlagRow row : raised) {
            if (!found.containsKey(FlagKind.fromWire(row.kind()))) {
                coach = coach != null ? coach : roster.primaryCoach(tenant, athlete);
                flagRows.clear(tenant, athlete, row.kind());
                flagEvents.cleared(tenant, athlete, coach, row.flagId(), row.kind(), row.reason(), now);
                LOG.infof("cleared %s for %s/%s", row.kind(), tenant, athlete);
                changed = true;
            }
        }
        for (FlagFinding finding : found.values()) {
            FlagRow current = raised.stream().filter(r -> r.kind().equals(finding.kind().wire())).findFirst().orElse(null);
            if (current != null && current.reason().equals(finding.reason())
                    && Objects.equals(current.value(), finding.value())
                    && Objects.equals(current.threshold(), finding.threshold())) {
                // unchanged: most evaluations find what is already raised, and cost no statement
                continue;
            }
            if (already.contains(finding.kind().wire())) {
                flagRows.restate(tenant, athlete, finding);
                continue;
            }
            coach = coach != null ? coach : roster.primaryCoach(tenant, athlete);
            UUID flagId = UUID.randomUUID();
            flagRows.raise(tenant, athlete, flagId, finding, now);
            flagEvents.raised(tenant, athlete, coach, flagId, finding, now);
            // the reason quotes pain and effort, health data that has no place in a log: the flag's id leads to it
            LOG.infof("raised %s (flag %s) for %s/%s", finding.kind().wire(), flagId, tenant, athlete);
            changed = true;
        }
        return changed;
    }
}
