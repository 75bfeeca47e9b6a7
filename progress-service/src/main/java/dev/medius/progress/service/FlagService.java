package dev.medius.progress.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.events.progress.AthleteFlagged;
import dev.medius.events.progress.AthleteUnflagged;
import dev.medius.progress.config.FlagThresholds;
import dev.medius.progress.domain.AthleteFacts;
import dev.medius.progress.domain.FlagFinding;
import dev.medius.progress.domain.FlagKind;
import dev.medius.progress.domain.FlagRules;
import dev.medius.progress.domain.SessionPoint;
import dev.medius.progress.domain.SkippedSession;
import dev.medius.progress.repository.FactRepository;
import dev.medius.progress.repository.FactRepository.TenantKey;
import dev.medius.progress.repository.ProgressRepository;
import dev.medius.progress.repository.ProgressRepository.FlagRow;
import dev.medius.progress.repository.ProgressRepository.ScheduleSummary;
import dev.medius.runtime.outbox.Outbox;

/**
 * Raises and clears flags: compares what the rules find now with the flags already raised, stores the
 * difference and records {@code athlete.flagged.v1} / {@code athlete.unflagged.v1} in the outbox in
 * the same transaction.
 */
@ApplicationScoped
public class FlagService {

    private static final Logger LOG = Logger.getLogger(FlagService.class);
    static final String SOURCE = "/medius/progress-service";

    @Inject
    ProgressRepository progress;

    @Inject
    FactRepository facts;

    @Inject
    FlagThresholds thresholds;

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

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
        // lookups of up to a thousand athletes at once: planned with their values, like ingestion's
        execute("SET LOCAL plan_cache_mode = force_custom_plan");
        List<AthleteChange> changed = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        FlagRules rules = new FlagRules(thresholds);
        Map<String, List<String>> byTenant = athletes.stream().collect(Collectors.groupingBy(TenantKey::tenant,
                Collectors.mapping(TenantKey::id, Collectors.toList())));
        LocalDate skipsSince = today.minusDays(thresholds.injurySkipDays() - 1L);
        for (Map.Entry<String, List<String>> entry : byTenant.entrySet()) {
            String tenant = entry.getKey();
            List<String> ids = entry.getValue();
            Map<String, ScheduleSummary> schedules = progress.scheduleSummaries(tenant, ids, today);
            Map<String, List<SessionPoint>> recent = calendarOnly ? progress.recentFromRollup(tenant, ids)
                    : recentSessions(rules, tenant, ids);
            Map<String, List<SkippedSession>> skips = progress.skipsWithReasonSince(tenant, ids, skipsSince);
            Map<String, List<FlagRow>> raised = progress.flags(tenant, ids);
            List<String> changedHere = new ArrayList<>();
            for (String athlete : ids) {
                ScheduleSummary schedule = schedules.getOrDefault(athlete, ScheduleSummary.NONE);
                List<SessionPoint> sessions = recent.getOrDefault(athlete, List.of());
                AthleteFacts facts = new AthleteFacts(athlete, schedule.days7(), schedule.previous30(), schedule.days30(),
                        sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).date(), schedule.firstScheduled(),
                        schedule.lastScheduled(), schedule.missedSinceActivity(), sessions,
                        skips.getOrDefault(athlete, List.of()));
                List<FlagRow> raisedHere = raised.getOrDefault(athlete, List.of());
                Map<FlagKind, FlagFinding> found = calendarOnly ? withSessionFlags(rules.evaluateCalendar(facts, today), raisedHere)
                        : rules.evaluate(facts, today);
                if (reconcile(tenant, athlete, found, raisedHere)) {
                    changedHere.add(athlete);
                }
            }
            if (!changedHere.isEmpty()) {
                Map<String, List<String>> coaches = progress.coaches(tenant, changedHere);
                changedHere.forEach(athlete -> changed.add(new AthleteChange(tenant, athlete,
                        coaches.getOrDefault(athlete, List.of()), "flags")));
            }
        }
        // the flag events' outbox rows are written now rather than when the transaction commits, so that the
        // revision rows taken below stay locked for the commit alone: ingestion's lanes write those rows too, and
        // waited up to 0.6 s for a pass that raised many flags (bench/run freshness, PostgreSQL's lock wait log)
        entities.flush();
        try {
            facts.markRevised(changed.stream().map(c -> new TenantKey(c.tenant(), c.athleteId())).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("recording changed flags failed: " + e.getMessage(), e);
        }
        return changed;
    }

    /**
     * The latest sessions of each athlete from the recent rows kept at ingestion; those whose pain rules need more
     * (a busy recent week, or a report to compare with their baseline) read them from the facts.
     */
    private Map<String, List<SessionPoint>> recentSessions(FlagRules rules, String tenant, List<String> ids) {
        Map<String, List<SessionPoint>> recent = progress.recentFromRollup(tenant, ids);
        List<String> longer = ids.stream()
                .filter(id -> rules.needsLongerHistory(recent.getOrDefault(id, List.of()), FactRepository.RECENT_SESSIONS))
                .toList();
        if (!longer.isEmpty()) {
            recent.putAll(progress.recentSessions(tenant, longer, rules.historySessions()));
        }
        return recent;
    }

    /** The calendar's findings with the raised flags the sessions alone decide, kept as they are. */
    private static Map<FlagKind, FlagFinding> withSessionFlags(Map<FlagKind, FlagFinding> found, List<FlagRow> raised) {
        for (FlagRow row : raised) {
            FlagKind kind = FlagKind.fromWire(row.kind());
            if (kind.fromSessions()) {
                found.put(kind, new FlagFinding(kind, row.reason(), row.value(), row.threshold()));
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
                coach = coach != null ? coach : progress.primaryCoach(tenant, athlete);
                execute("DELETE FROM athlete_flag WHERE tenant_id = ? AND athlete_id = ? AND kind = ?", tenant, athlete,
                        row.kind());
                AthleteUnflagged data = new AthleteUnflagged(row.flagId(), athlete, coach, row.kind(),
                        "no longer holds: " + row.reason(), now);
                outbox.record(Outbox.Envelope.of(tenant, Topics.PROGRESS_ALERTS, athlete, EventTypes.ATHLETE_UNFLAGGED,
                        SOURCE, athlete, data));
                LOG.infof("cleared %s for %s/%s", row.kind(), tenant, athlete);
                changed = true;
            }
        }
        for (FlagFinding finding : found.values()) {
            FlagRow current = raised.stream().filter(r -> r.kind().equals(finding.kind().wire())).findFirst().orElse(null);
            if (current != null && current.reason().equals(finding.reason())
                    && java.util.Objects.equals(current.value(), finding.value())
                    && java.util.Objects.equals(current.threshold(), finding.threshold())) {
                // unchanged: most evaluations find what is already raised, and cost no statement
                continue;
            }
            if (already.contains(finding.kind().wire())) {
                // a flag that still holds keeps its id and raise time; only what it says follows the facts
                execute("UPDATE athlete_flag SET reason = ?, value = ?, threshold = ? WHERE tenant_id = ? "
                        + "AND athlete_id = ? AND kind = ? AND (reason <> ? OR value IS DISTINCT FROM CAST(? AS DOUBLE PRECISION) "
                        + "OR threshold IS DISTINCT FROM CAST(? AS DOUBLE PRECISION))", finding.reason(), finding.value(), finding.threshold(),
                        tenant, athlete, finding.kind().wire(), finding.reason(), finding.value(), finding.threshold());
                continue;
            }
            coach = coach != null ? coach : progress.primaryCoach(tenant, athlete);
            UUID flagId = UUID.randomUUID();
            execute("INSERT INTO athlete_flag (tenant_id, athlete_id, kind, flag_id, severity, reason, value, threshold, "
                    + "raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant, athlete, finding.kind().wire(), flagId,
                    finding.kind().severity().wire(), finding.reason(), finding.value(), finding.threshold(), now);
            AthleteFlagged data = new AthleteFlagged(flagId, athlete, coach, null, finding.kind().wire(),
                    finding.kind().severity().wire(), finding.reason(), finding.value(), finding.threshold(), now);
            outbox.record(Outbox.Envelope.of(tenant, Topics.PROGRESS_ALERTS, athlete, EventTypes.ATHLETE_FLAGGED, SOURCE,
                    athlete, data));
            LOG.infof("raised %s for %s/%s: %s", finding.kind().wire(), tenant, athlete, finding.reason());
            changed = true;
        }
        return changed;
    }

    private void execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("flag update failed: " + e.getMessage(), e);
        }
    }

}
