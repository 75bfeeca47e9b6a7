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

    /** Live ingestion dead-letters, has flags evaluated and notifies dashboards; a rebuild only replays facts. */
    public enum Mode {
        LIVE, REPLAY
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

    /** Applies the records; returns how many events were new. */
    public int ingest(List<ConsumerRecord<String, byte[]>> records, Mode mode) {
        return ingest(records, mode, new java.util.concurrent.atomic.AtomicBoolean());
    }

    /**
     * Applies the records; {@code rejectedSent} remembers across retries of the same batch that its
     * rejected records already reached the dead-letter topic, so a retry does not send them twice.
     */
    public int ingest(List<ConsumerRecord<String, byte[]>> records, Mode mode,
            java.util.concurrent.atomic.AtomicBoolean rejectedSent) {
        EventReader reader = new EventReader(json);
        List<Contribution> valid = new ArrayList<>();
        Map<Contribution, ConsumerRecord<String, byte[]>> origin = new java.util.IdentityHashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventReader.Result result = reader.read(record);
            if (result.event() == null) {
                rejected.add(new Rejected(record, result.rejection()));
                continue;
            }
            try {
                Contribution contribution = contribution(result.event());
                valid.add(contribution);
                origin.put(contribution, record);
            } catch (RuntimeException e) {
                rejected.add(new Rejected(record, "data unreadable: " + e.getMessage()));
            }
        }
        if (mode == Mode.LIVE && !rejectedSent.get()) {
            deadLetters.send(rejected);
            rejectedSent.set(true);
        }
        gate.enter();
        try {
            Applied applied;
            try {
                applied = QuarkusTransaction.requiringNew().timeout(120).call(() -> apply(valid, mode));
            } catch (RuntimeException batchFailure) {
                // one event the database refuses must not hold back the others: apply them one by one
                LOG.warnf("batch of %d events failed (%s); applying one by one", valid.size(), batchFailure.getMessage());
                applied = new Applied(0, new ArrayList<>(), new LinkedHashSet<>());
                for (Contribution event : valid) {
                    try {
                        Applied one = QuarkusTransaction.requiringNew().call(() -> apply(List.of(event), mode));
                        Set<TenantKey> athletes = new LinkedHashSet<>(applied.athletes());
                        athletes.addAll(one.athletes());
                        applied = new Applied(applied.fresh() + one.fresh(), concat(applied.changes(), one.changes()),
                                athletes);
                    } catch (RuntimeException e) {
                        if (DatabaseAvailability.unavailable(e)) {
                            // the database went away (or came back) while the batch was being split: the
                            // event is not at fault, so the whole batch is retried; those already applied
                            // are skipped then by their event ids
                            throw e;
                        }
                        if (mode == Mode.LIVE) {
                            deadLetters.send(List.of(new Rejected(origin.get(event), "processing failed: " + e.getMessage())));
                        }
                    }
                }
            }
            metrics.counter("medius.progress.events.ingested", "mode", mode.name().toLowerCase())
                    .increment(applied.fresh());
            metrics.summary("medius.progress.batch.size", "mode", mode.name().toLowerCase()).record(records.size());
            if (mode == Mode.LIVE) {
                // committed: the evaluation that follows sees these facts
                flags.touched(applied.athletes());
                dashboardEvents.publish(applied.changes());
            }
            return applied.fresh();
        } finally {
            gate.leave();
        }
    }

    private record Applied(int fresh, List<AthleteChange> changes, Set<TenantKey> athletes) {
    }

    private static List<AthleteChange> concat(List<AthleteChange> a, List<AthleteChange> b) {
        List<AthleteChange> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * What one valid event adds to the projections, read out of its JSON as soon as it is checked: a batch then
     * holds these few rows rather than thousands of JSON trees, which lived long enough to be copied by the
     * collector and fill the old generation (a flight recording of scenario 1 showed a fifth of the time in
     * collector pauses).
     */
    private record Contribution(String id, String type, String tenant, TenantKey athlete, String coach, SessionFact session,
            List<ExerciseVolumeRow> volumes, PlanEventRow planEvent) {
    }

    private Contribution contribution(InboundEvent event) {
        JsonNode d = event.data();
        String tenant = event.tenant();
        String athlete = d.get("athleteId").asText();
        TenantKey athleteKey = new TenantKey(tenant, athlete);
        String coach = text(d, "coachId");
        switch (event.type()) {
            case EventTypes.SESSION_COMPLETED -> {
                String sessionId = d.get("sessionId").asText();
                JsonNode pain = d.get("pain");
                SessionFact fact = new SessionFact(tenant, sessionId, athlete, "completed", date(d, "scheduledDate"),
                        time(d, "completedAt"), d.hasNonNull("sessionRpe") ? d.get("sessionRpe").asDouble() : null,
                        pain != null && pain.hasNonNull("score") ? pain.get("score").asInt() : null,
                        pain == null ? null : text(pain, "area"), null);
                return new Contribution(event.id(), event.type(), tenant, athleteKey, coach, fact,
                        volumeRows(tenant, athlete, sessionId, fact.occurredAt().toLocalDate(), d), null);
            }
            case EventTypes.SESSION_SKIPPED -> {
                SessionFact fact = new SessionFact(tenant, d.get("sessionId").asText(), athlete, "skipped",
                        date(d, "scheduledDate"), time(d, "recordedAt"), null, null, null, text(d, "reason"));
                return new Contribution(event.id(), event.type(), tenant, athleteKey, coach, fact, List.of(), null);
            }
            default -> {
                LocalDate from = switch (event.type()) {
                    case EventTypes.PLAN_CHANGED -> date(d, "effectiveFrom");
                    case EventTypes.PLAN_CANCELLED -> date(d, "cancelledFrom");
                    default -> date(d, "startDate");
                };
                PlanEventRow row = new PlanEventRow(tenant, event.id(), d.get("assignmentId").asText(), athlete, coach,
                        event.type(), from, event.time(), d.has("sessions") ? d.get("sessions").toString() : null);
                return new Contribution(event.id(), event.type(), tenant, athleteKey, coach, null, List.of(), row);
            }
        }
    }

    private Applied apply(List<Contribution> events, Mode mode) throws SQLException {
        facts.planWithValues();
        // first occurrence of each id in the batch, then only ids never applied before
        Map<String, Contribution> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.putIfAbsent(e.id(), e));
        List<String> ids = new ArrayList<>(unique.keySet());
        Set<String> fresh = facts.claimEventIds(ids, ids.stream().map(id -> unique.get(id).tenant()).toList(),
                ids.stream().map(id -> unique.get(id).type()).toList());

        Map<TenantKey, SessionFact> sessions = new LinkedHashMap<>();
        Map<TenantKey, List<ExerciseVolumeRow>> volumes = new LinkedHashMap<>();
        Set<List<String>> coachLinks = new LinkedHashSet<>();
        List<PlanEventRow> planEvents = new ArrayList<>();
        Set<TenantKey> assignments = new LinkedHashSet<>();
        Set<TenantKey> athletes = new LinkedHashSet<>();

        for (Contribution event : unique.values()) {
            if (!fresh.contains(event.id())) {
                continue;
            }
            athletes.add(event.athlete());
            if (event.coach() != null) {
                coachLinks.add(List.of(event.tenant(), event.athlete().id(), event.coach()));
            }
            SessionFact fact = event.session();
            if (fact == null) {
                planEvents.add(event.planEvent());
                assignments.add(new TenantKey(event.tenant(), event.planEvent().assignmentId()));
                continue;
            }
            TenantKey key = new TenantKey(event.tenant(), fact.sessionId());
            if ("completed".equals(fact.status())) {
                sessions.put(key, fact);
                volumes.put(key, event.volumes());
            } else {
                // a skip never overrides the session's completion
                SessionFact current = sessions.get(key);
                if (current == null || !"completed".equals(current.status())) {
                    sessions.put(key, fact);
                }
            }
        }

        if (!sessions.isEmpty() || !assignments.isEmpty()) {
            facts.lockScheduleCompletion(!assignments.isEmpty());
        }
        Set<TenantKey> replaced = facts.saveSessions(new ArrayList<>(sessions.values()));
        List<ExerciseVolumeRow> volumeRows = new ArrayList<>();
        volumes.values().forEach(volumeRows::addAll);
        facts.replaceVolumes(volumes.keySet().stream().filter(replaced::contains).toList(), volumeRows);
        facts.linkCoaches(coachLinks);
        facts.savePlanEvents(planEvents);
        List<PlanEventRow> allPlanEvents = facts.planEvents(assignments);
        facts.replaceSchedules(assignments, schedules(allPlanEvents));
        Set<TenantKey> rescheduled = new LinkedHashSet<>();
        allPlanEvents.forEach(e -> rescheduled.add(new TenantKey(e.tenant(), e.athleteId())));
        facts.rewriteAthleteSchedules(rescheduled);
        recentRows(sessions, volumes, replaced);
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
        return new Applied(fresh.size(), changes, athletes);
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
            String exerciseId = ex.get("exerciseId").asText();
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
