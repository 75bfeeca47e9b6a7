package dev.medius.progress.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every row progress-service holds about one athlete of one organisation, table by table, for the athlete's export
 * (docs/data-protection.md, "Export"). Each read is scoped by organisation and athlete.
 */
@ApplicationScoped
public class AthleteExportRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    /** {@code athlete_profile}. */
    public record ProfileRow(String displayName, String teamId, String teamName, String sport, long revision,
            OffsetDateTime updatedAt) {
    }

    /** {@code plan_event}; {@code sessions} as the event listed them. */
    public record PlanEventRow(String eventId, String assignmentId, String coachId, String eventType,
            LocalDate effectiveFrom, OffsetDateTime eventTime, JsonNode sessions) {
    }

    /** {@code scheduled_session}. */
    public record ScheduledSessionRow(String sessionId, String assignmentId, LocalDate scheduledDate, String title,
            boolean completed) {
    }

    /** One day of {@code athlete_schedule}. */
    public record ScheduleDayRow(LocalDate date, int scheduled, int completed) {
    }

    /** {@code exercise_volume}. */
    public record VolumeRow(String exerciseId, String exerciseName, String pattern, JsonNode muscles,
            LocalDate activityDate, int sets, int reps, int holdSeconds) {
    }

    /** {@code session_fact}, with the session's {@code exercise_volume} rows. */
    public record SessionFactRow(String sessionId, String status, LocalDate scheduledDate, OffsetDateTime occurredAt,
            LocalDate activityDate, Double sessionRpe, Integer painScore, String painArea, String skipReason,
            String notes, Integer durationMinutes, int revision, OffsetDateTime eventTime, String eventSource, String eventId,
            List<VolumeRow> exercises) {
    }

    /** {@code readiness_check_in}: the answers (1 to 5, 5 the best state), and the lists as the event gave them. */
    public record CheckInRow(String checkInId, LocalDate date, OffsetDateTime recordedAt, Integer sleepQuality,
            Integer energy, Integer soreness, Integer stress, Integer mood, Double sleepHours, JsonNode pain,
            JsonNode redFlags, JsonNode adjustments, int revision, OffsetDateTime eventTime, String eventSource,
            String eventId) {
    }

    /** {@code strength_test}: the figures per side in {@code unit}, and the faults and findings as the event gave them. */
    public record StrengthTestRow(String testId, String kind, LocalDate testedOn, OffsetDateTime recordedAt, Double left,
            Double right, String unit, Double symmetryPercent, String involvedSide, Integer pain, String leftRating,
            String rightRating, JsonNode faults, JsonNode findings, int revision, OffsetDateTime eventTime,
            String eventSource, String eventId) {
    }

    /** {@code athlete_recent}: the latest completed sessions and the volume of each recent day, as parallel lists. */
    public record RecentRow(List<String> sessionIds, List<LocalDate> dates, List<OffsetDateTime> completedAt,
            List<Double> rpe, List<Integer> pain, List<String> painAreas, List<LocalDate> volumeDays,
            List<Integer> volumeSessions, List<Integer> volumeSets, List<Integer> volumeReps, List<Integer> volumeHolds) {
    }

    /** {@code athlete_flag}. */
    public record FlagRow(UUID flagId, String kind, String severity, String reason, JsonNode facts, Double value,
            Double threshold, OffsetDateTime raisedAt) {
    }

    /** {@code flag_acknowledgement}. */
    public record AcknowledgementRow(UUID flagId, String kind, String acknowledgedBy, String note,
            LocalDate snoozedUntil, OffsetDateTime acknowledgedAt) {
    }

    /** Makes the current transaction read one snapshot; the first statement of the transaction. */
    public void snapshot() {
        Jdbc.update(dataSource, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }

    public Optional<ProfileRow> profile(String tenant, String athlete) {
        List<ProfileRow> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT display_name, team_id, team_name, sport, revision, updated_at FROM athlete_profile "
                + "WHERE tenant_id = ? AND athlete_id = ?", rs -> rows.add(new ProfileRow(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5), time(rs, 6))), tenant, athlete);
        return rows.stream().findFirst();
    }

    /** When the organisation first heard of the athlete ({@code athlete_organisation}). */
    public Optional<OffsetDateTime> registeredAt(String tenant, String athlete) {
        List<OffsetDateTime> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT registered_at FROM athlete_organisation WHERE tenant_id = ? AND athlete_id = ?",
                rs -> rows.add(time(rs, 1)), tenant, athlete);
        return rows.stream().findFirst();
    }

    /** {@code athlete_coach}. */
    public List<String> coaches(String tenant, String athlete) {
        return Jdbc.strings(dataSource, "SELECT coach_id FROM athlete_coach WHERE tenant_id = ? AND athlete_id = ? "
                + "ORDER BY coach_id", tenant, athlete);
    }

    public List<PlanEventRow> planEvents(String tenant, String athlete) {
        List<PlanEventRow> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT event_id, assignment_id, coach_id, event_type, effective_from, event_time, sessions "
                + "FROM plan_event WHERE tenant_id = ? AND athlete_id = ? ORDER BY event_time NULLS FIRST, event_id",
                rs -> rows.add(new PlanEventRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), time(rs, 6), json(rs.getString(7)))), tenant, athlete);
        return rows;
    }

    public List<ScheduledSessionRow> scheduledSessions(String tenant, String athlete) {
        List<ScheduledSessionRow> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT session_id, assignment_id, scheduled_date, title, completed FROM scheduled_session "
                + "WHERE tenant_id = ? AND athlete_id = ? ORDER BY scheduled_date, assignment_id, session_id",
                rs -> rows.add(new ScheduledSessionRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getBoolean(5))), tenant, athlete);
        return rows;
    }

    public List<ScheduleDayRow> schedule(String tenant, String athlete) {
        List<ScheduleDayRow> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT d.day, d.scheduled, d.completed FROM athlete_schedule s, "
                + "unnest(s.days, s.scheduled, s.completed) AS d(day, scheduled, completed) "
                + "WHERE s.tenant_id = ? AND s.athlete_id = ? ORDER BY d.day",
                rs -> rows.add(new ScheduleDayRow(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3))),
                tenant, athlete);
        return rows;
    }

    /** Every session fact with its volume, oldest first. */
    public List<SessionFactRow> sessions(String tenant, String athlete) {
        Map<String, List<VolumeRow>> volume = new LinkedHashMap<>();
        Jdbc.query(dataSource, "SELECT session_id, exercise_id, exercise_name, pattern, muscles, activity_date, sets, reps, "
                + "hold_seconds FROM exercise_volume WHERE tenant_id = ? AND athlete_id = ? ORDER BY session_id, exercise_id",
                rs -> volume.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new VolumeRow(rs.getString(2),
                        rs.getString(3), rs.getString(4), json(rs.getString(5)), rs.getObject(6, LocalDate.class),
                        rs.getInt(7), rs.getInt(8), rs.getInt(9))), tenant, athlete);
        List<SessionFactRow> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT session_id, status, scheduled_date, occurred_at, activity_date, session_rpe, pain_score, "
                + "pain_area, skip_reason, notes, duration_minutes, revision, event_time, event_source, event_id FROM session_fact "
                + "WHERE tenant_id = ? AND athlete_id = ? ORDER BY occurred_at, session_id", rs -> {
                    BigDecimal rpe = rs.getBigDecimal(6);
                    Object pain = rs.getObject(7);
                    Object minutes = rs.getObject(11);
                    OffsetDateTime eventTime = rs.getObject(13, OffsetDateTime.class);
                    rows.add(new SessionFactRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            time(rs, 4), rs.getObject(5, LocalDate.class), rpe == null ? null : rpe.doubleValue(),
                            pain == null ? null : ((Number) pain).intValue(), rs.getString(8), rs.getString(9),
                            rs.getString(10), minutes == null ? null : ((Number) minutes).intValue(), rs.getInt(12),
                            // '-infinity' marks a fact stored before event times were kept
                            eventTime == null || eventTime.equals(OffsetDateTime.MIN) ? null : Jdbc.utc(eventTime),
                            rs.getString(14), rs.getString(15), volume.getOrDefault(rs.getString(1), List.of())));
                }, tenant, athlete);
        return rows;
    }

    /** Every readiness check-in, oldest first. */
    public List<CheckInRow> checkIns(String tenant, String athlete) {
        List<CheckInRow> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT check_in_id, check_in_date, recorded_at, sleep_quality, energy, soreness, stress, "
                + "mood, sleep_hours, pain, red_flags, adjustments, revision, event_time, source, event_id "
                + "FROM readiness_check_in WHERE tenant_id = ? AND athlete_id = ? ORDER BY check_in_date, recorded_at, "
                + "check_in_id", rs -> {
                    BigDecimal hours = rs.getBigDecimal(9);
                    rows.add(new CheckInRow(rs.getString(1), rs.getObject(2, LocalDate.class), time(rs, 3),
                            integer(rs, 4), integer(rs, 5), integer(rs, 6), integer(rs, 7), integer(rs, 8),
                            hours == null ? null : hours.doubleValue(), json(rs.getString(10)), json(rs.getString(11)),
                            json(rs.getString(12)), rs.getInt(13), time(rs, 14), rs.getString(15), rs.getString(16)));
                }, tenant, athlete);
        return rows;
    }

    /** Every strength test, oldest first. */
    public List<StrengthTestRow> strengthTests(String tenant, String athlete) {
        List<StrengthTestRow> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT test_id, kind, tested_on, recorded_at, left_value, right_value, unit, "
                + "symmetry_percent, involved_side, pain, left_rating, right_rating, faults, findings, revision, event_time, "
                + "source, event_id FROM strength_test WHERE tenant_id = ? AND athlete_id = ? "
                + "ORDER BY tested_on, recorded_at, test_id", rs -> rows.add(new StrengthTestRow(rs.getString(1),
                        rs.getString(2), rs.getObject(3, LocalDate.class), time(rs, 4), decimal(rs, 5), decimal(rs, 6),
                        rs.getString(7), decimal(rs, 8), rs.getString(9), integer(rs, 10), rs.getString(11),
                        rs.getString(12), json(rs.getString(13)), json(rs.getString(14)), rs.getInt(15), time(rs, 16),
                        rs.getString(17), rs.getString(18))), tenant, athlete);
        return rows;
    }

    public Optional<RecentRow> recent(String tenant, String athlete) {
        List<RecentRow> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT session_ids, dates, completed_at, rpe, pain, pain_areas, volume_days, volume_sessions, "
                + "volume_sets, volume_reps, volume_holds FROM athlete_recent WHERE tenant_id = ? AND athlete_id = ?",
                rs -> rows.add(new RecentRow(list(rs, 1, String.class), list(rs, 2, LocalDate.class),
                        list(rs, 3, OffsetDateTime.class).stream().map(Jdbc::utc).toList(),
                        list(rs, 4, BigDecimal.class).stream().map(v -> v == null ? null : v.doubleValue()).toList(),
                        list(rs, 5, Integer.class), list(rs, 6, String.class), list(rs, 7, LocalDate.class),
                        list(rs, 8, Integer.class), list(rs, 9, Integer.class), list(rs, 10, Integer.class),
                        list(rs, 11, Integer.class))), tenant, athlete);
        return rows.stream().findFirst();
    }

    public List<FlagRow> flags(String tenant, String athlete) {
        List<FlagRow> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT flag_id, kind, severity, reason, facts, value, threshold, raised_at FROM athlete_flag "
                + "WHERE tenant_id = ? AND athlete_id = ? ORDER BY raised_at, kind", rs -> {
                    Object value = rs.getObject(6);
                    Object threshold = rs.getObject(7);
                    rows.add(new FlagRow((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            json(rs.getString(5)), value == null ? null : ((Number) value).doubleValue(),
                            threshold == null ? null : ((Number) threshold).doubleValue(), time(rs, 8)));
                }, tenant, athlete);
        return rows;
    }

    /** Every acknowledgement of the athlete's flags, those since cleared included. */
    public List<AcknowledgementRow> acknowledgements(String tenant, String athlete) {
        List<AcknowledgementRow> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT flag_id, kind, acknowledged_by, note, snoozed_until, acknowledged_at "
                + "FROM flag_acknowledgement WHERE tenant_id = ? AND athlete_id = ? ORDER BY acknowledged_at, flag_id",
                rs -> rows.add(new AcknowledgementRow((UUID) rs.getObject(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), time(rs, 6))), tenant, athlete);
        return rows;
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        return Jdbc.utc(rs.getObject(column, OffsetDateTime.class));
    }

    private static Double decimal(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).intValue();
    }

    private static <T> List<T> list(ResultSet rs, int column, Class<T> type) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        List<T> values = new ArrayList<>();
        try (ResultSet elements = array.getResultSet()) {
            while (elements.next()) {
                values.add(elements.getObject(2, type));
            }
        }
        return values;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON unreadable", e);
        }
    }
}
