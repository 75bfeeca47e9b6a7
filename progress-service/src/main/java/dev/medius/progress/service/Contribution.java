package dev.medius.progress.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.events.EventTypes;
import dev.medius.progress.domain.Admission;
import dev.medius.progress.domain.EventIdentity;
import dev.medius.progress.domain.AthleteRecord;
import dev.medius.progress.domain.SessionFact;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.repository.ExerciseVolumeRepository.ExerciseVolumeRow;
import dev.medius.progress.repository.PlanEventRepository.PlanEventRow;
import dev.medius.progress.repository.ProfileRepository.ProfileRow;

/**
 * What one valid event adds to the projections, read out of its JSON as soon as it is checked: a batch then holds
 * these few rows rather than thousands of JSON trees, which would live long enough to burden the collector.
 * {@code index} is the record's place in its batch; a session event carries its fact and volume, a plan event its row,
 * a profile event the athlete's profile, a check-in or a strength test its record; {@code time} is the event's.
 */
record Contribution(int index, EventIdentity identity, String digest, String type, String tenant, TenantKey athlete,
        String coach, SessionFact session, List<ExerciseVolumeRow> volumes, PlanEventRow planEvent, ProfileRow profile,
        AthleteRecord record, OffsetDateTime time) implements Admission.Candidate {

    /** An athlete's erasure, applied on its own: {@code time} is then the moment they were erased. */
    boolean erasure() {
        return EventTypes.ATHLETE_ERASED.equals(type);
    }

    @Override
    public TenantKey aggregate() {
        if (profile != null) {
            // an athlete's profile belongs to the athlete: a key no assignment id (a UUID) can take
            return new TenantKey(tenant, "athlete " + profile.athleteId());
        }
        if (record != null) {
            return record.key();
        }
        return new TenantKey(tenant, session != null ? session.sessionId() : planEvent.assignmentId());
    }

    @Override
    public boolean aboutSession() {
        return session != null;
    }

    @Override
    public String recordKind() {
        return record == null ? null : record.recordKind();
    }

    static Contribution of(int index, InboundEvent event) {
        JsonNode d = event.data();
        String tenant = event.tenant();
        String athlete = d.get("athleteId").asText();
        TenantKey athleteKey = new TenantKey(tenant, athlete);
        String coach = text(d, "coachId");
        int revision = d.hasNonNull("revision") ? d.get("revision").asInt() : 0;
        // as precise as the database keeps it, so that a batch and the database order versions alike
        OffsetDateTime eventTime = event.time().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        switch (event.type()) {
            case EventTypes.SESSION_COMPLETED -> {
                String sessionId = d.get("sessionId").asText();
                JsonNode pain = d.get("pain");
                SessionFact fact = new SessionFact(tenant, sessionId, athlete, SessionFact.COMPLETED,
                        date(d, "scheduledDate"), time(d, "completedAt"),
                        d.hasNonNull("sessionRpe") ? d.get("sessionRpe").asDouble() : null,
                        pain != null && pain.hasNonNull("score") ? pain.get("score").asInt() : null,
                        pain == null ? null : text(pain, "area"), null, text(d, "notes"),
                        d.hasNonNull("durationMinutes") ? d.get("durationMinutes").asInt() : null, revision, eventTime,
                        event.source(), event.id());
                return new Contribution(index, event.identity(), event.digest(), event.type(), tenant, athleteKey, coach,
                        fact, volumeRows(tenant, athlete, sessionId, fact.occurredAt().toLocalDate(), d), null, null, null, eventTime);
            }
            case EventTypes.SESSION_SKIPPED -> {
                SessionFact fact = new SessionFact(tenant, d.get("sessionId").asText(), athlete, SessionFact.SKIPPED,
                        date(d, "scheduledDate"), time(d, "recordedAt"), null, null, null, text(d, "reason"), null, null,
                        revision, eventTime, event.source(), event.id());
                return new Contribution(index, event.identity(), event.digest(), event.type(), tenant, athleteKey, coach,
                        fact, List.of(), null, null, null, eventTime);
            }
            case EventTypes.ATHLETE_UPDATED -> {
                ProfileRow row = new ProfileRow(tenant, athlete, d.get("displayName").asText(), text(d, "teamId"),
                        text(d, "teamName"), text(d, "sport"), d.get("revision").asLong(), time(d, "updatedAt"));
                return new Contribution(index, event.identity(), event.digest(), event.type(), tenant, athleteKey, null,
                        null, List.of(), null, row, null, eventTime);
            }
            case EventTypes.ATHLETE_ERASED -> {
                return new Contribution(index, event.identity(), event.digest(), event.type(), tenant, athleteKey, null,
                        null, List.of(), null, null, null, time(d, "erasedAt").truncatedTo(ChronoUnit.MICROS));
            }
            case EventTypes.WELLNESS_CHECKED_IN -> {
                return new Contribution(index, event.identity(), event.digest(), event.type(), tenant, athleteKey, null,
                        null, List.of(), null, null, CheckInData.of(event, revision, eventTime), eventTime);
            }
            case EventTypes.STRENGTH_TEST_RECORDED -> {
                return new Contribution(index, event.identity(), event.digest(), event.type(), tenant, athleteKey, null,
                        null, List.of(), null, null, StrengthTests.of(event, revision, eventTime), eventTime);
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
                        null, List.of(), row, null, null, eventTime);
            }
        }
    }

    /** Volume per exercise: sets performed, reps summed over sets (sets × reps), hold seconds summed. */
    private static List<ExerciseVolumeRow> volumeRows(String tenant, String athlete, String sessionId, LocalDate date,
            JsonNode d) {
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
