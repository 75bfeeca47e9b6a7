package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.AdherenceWindow;
import dev.medius.progress.domain.ScheduleDays;
import dev.medius.progress.domain.SessionPoint;
import dev.medius.progress.domain.SkippedSession;

/**
 * Reads the projections for a set of athletes of one tenant at once, so a roster of any size is
 * served by a fixed number of queries.
 */
@ApplicationScoped
public class ProgressRepository {

    @Inject
    DataSource dataSource;

    /** A raised flag. */
    public record FlagRow(String athleteId, String kind, java.util.UUID flagId, String severity, String reason,
            Double value, Double threshold, OffsetDateTime raisedAt) {
    }

    /** Volume of one exercise on one day. */
    public record VolumeRow(String athleteId, LocalDate date, String sessionId, String exerciseId, String name,
            String pattern, String musclesJson, int sets, int reps, int holdSeconds) {
    }

    /** Athletes a coach looks after. */
    public List<String> athletesOfCoach(String tenant, String coach) {
        return strings("SELECT athlete_id FROM athlete_coach WHERE tenant_id = ? AND coach_id = ? ORDER BY athlete_id",
                tenant, coach);
    }

    /**
     * A coach's athletes with each one's revision (null for an athlete without one), ordered by athlete: what a
     * kept roster answer is checked against.
     */
    public Map<String, Long> rosterRevisions(String tenant, String coach) {
        Map<String, Long> result = new LinkedHashMap<>();
        query("SELECT c.athlete_id, r.revision FROM athlete_coach c LEFT JOIN athlete_revision r "
                + "ON r.tenant_id = c.tenant_id AND r.athlete_id = c.athlete_id WHERE c.tenant_id = ? AND c.coach_id = ? "
                + "ORDER BY c.athlete_id", rs -> result.put(rs.getString(1), (Long) rs.getObject(2)), tenant, coach);
        return result;
    }

    /** The athlete with their revision (null for none) if the coach looks after them; else nothing. */
    public Map<String, Long> coachedRevision(String tenant, String coach, String athlete) {
        Map<String, Long> result = new HashMap<>();
        query("SELECT c.athlete_id, r.revision FROM athlete_coach c LEFT JOIN athlete_revision r "
                + "ON r.tenant_id = c.tenant_id AND r.athlete_id = c.athlete_id WHERE c.tenant_id = ? AND c.coach_id = ? "
                + "AND c.athlete_id = ?", rs -> result.put(rs.getString(1), (Long) rs.getObject(2)), tenant, coach, athlete);
        return result;
    }

    /** The athlete's revision, or null when they have none. */
    public Long revision(String tenant, String athlete) {
        List<Long> result = new ArrayList<>();
        query("SELECT revision FROM athlete_revision WHERE tenant_id = ? AND athlete_id = ?",
                rs -> result.add(rs.getLong(1)), tenant, athlete);
        return result.isEmpty() ? null : result.get(0);
    }

    /** Every athlete the tenant has facts about. */
    public List<String> athletesOfTenant(String tenant) {
        return strings("SELECT athlete_id FROM athlete_coach WHERE tenant_id = ? UNION "
                + "SELECT athlete_id FROM session_fact WHERE tenant_id = ? UNION "
                + "SELECT athlete_id FROM scheduled_session WHERE tenant_id = ? ORDER BY 1", tenant, tenant, tenant);
    }

    public boolean athleteExists(String tenant, String athlete) {
        return !strings("SELECT athlete_id FROM athlete_coach WHERE tenant_id = ? AND athlete_id = ? UNION "
                + "SELECT athlete_id FROM session_fact WHERE tenant_id = ? AND athlete_id = ? UNION "
                + "SELECT athlete_id FROM scheduled_session WHERE tenant_id = ? AND athlete_id = ?",
                tenant, athlete, tenant, athlete, tenant, athlete).isEmpty();
    }

    public boolean coachesAthlete(String tenant, String coach, String athlete) {
        return !strings("SELECT athlete_id FROM athlete_coach WHERE tenant_id = ? AND coach_id = ? AND athlete_id = ?",
                tenant, coach, athlete).isEmpty();
    }

    /** Coaches per athlete, sorted. */
    public Map<String, List<String>> coaches(String tenant, Collection<String> athletes) {
        Map<String, List<String>> result = new HashMap<>();
        query("SELECT athlete_id, coach_id FROM athlete_coach WHERE tenant_id = ? AND athlete_id = ANY(?) "
                + "ORDER BY athlete_id, coach_id", rs -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)), tenant, athletes);
        return result;
    }

    /** Each athlete's schedule row: days with sessions scheduled, and how many were completed. */
    public Map<String, ScheduleDays> schedules(String tenant, Collection<String> athletes) {
        Map<String, ScheduleDays> result = new HashMap<>();
        query("SELECT athlete_id, days, scheduled, completed FROM athlete_schedule WHERE tenant_id = ? "
                + "AND athlete_id = ANY(?)", rs -> result.put(rs.getString(1), new ScheduleDays(
                        dates(rs.getArray(2)), ints(rs.getArray(3)), ints(rs.getArray(4)))), tenant, athletes);
        return result;
    }

    /**
     * An athlete's adherence windows, streak, first and last scheduled days, and the scheduled sessions missed since
     * their last completed session, from their schedule row.
     */
    public record ScheduleSummary(AdherenceWindow days7, AdherenceWindow days30, AdherenceWindow days90,
            AdherenceWindow previous30, int streak, LocalDate firstScheduled, LocalDate lastScheduled,
            int missedSinceActivity) {
        public static final ScheduleSummary NONE = new ScheduleSummary(AdherenceWindow.of(7, 0, 0),
                AdherenceWindow.of(30, 0, 0), AdherenceWindow.of(90, 0, 0), AdherenceWindow.of(30, 0, 0), 0, null, null, 0);
    }

    /**
     * Per athlete, from their schedule row, counted by PostgreSQL so that only the figures travel: sessions due
     * and completed over 7, 30 and 90 days ending today and the 30 days before the last 7 (due as
     * {@link ScheduleDays#window} counts them: earlier days' sessions, and today's once completed); the streak
     * (completed sessions on the days after the last day before today with a session not completed, up to
     * today); the first scheduled day up to today; the last scheduled day; and the sessions of the days before
     * today, after the day of the athlete's latest completed session (from their recent row), not completed.
     */
    public Map<String, ScheduleSummary> scheduleSummaries(String tenant, Collection<String> athletes, LocalDate today) {
        Map<String, ScheduleSummary> result = new HashMap<>();
        query("SELECT a.athlete_id, w.* FROM athlete_schedule a "
                + "LEFT JOIN athlete_recent r ON r.tenant_id = a.tenant_id AND r.athlete_id = a.athlete_id "
                + "CROSS JOIN LATERAL (SELECT max(x.day) AS last_miss FROM unnest(a.days, a.scheduled, a.completed) "
                + "AS x(day, n, c) WHERE x.c < x.n AND x.day < ?) m "
                + "CROSS JOIN LATERAL (SELECT "
                + "coalesce(sum(u.due) FILTER (WHERE u.day BETWEEN ? AND ?), 0), coalesce(sum(u.c) FILTER (WHERE u.day BETWEEN ? AND ?), 0), "
                + "coalesce(sum(u.due) FILTER (WHERE u.day BETWEEN ? AND ?), 0), coalesce(sum(u.c) FILTER (WHERE u.day BETWEEN ? AND ?), 0), "
                + "coalesce(sum(u.due) FILTER (WHERE u.day BETWEEN ? AND ?), 0), coalesce(sum(u.c) FILTER (WHERE u.day BETWEEN ? AND ?), 0), "
                + "coalesce(sum(u.due) FILTER (WHERE u.day BETWEEN ? AND ?), 0), coalesce(sum(u.c) FILTER (WHERE u.day BETWEEN ? AND ?), 0), "
                + "coalesce(sum(u.c) FILTER (WHERE u.day <= ? AND (m.last_miss IS NULL OR u.day > m.last_miss)), 0), "
                + "min(u.day) FILTER (WHERE u.day <= ?), max(u.day), "
                + "coalesce(sum(u.n - u.c) FILTER (WHERE u.day < ? AND (r.dates IS NULL OR cardinality(r.dates) = 0 "
                + "OR u.day > r.dates[cardinality(r.dates)])), 0) "
                + "FROM (SELECT x.day, x.n, x.c, CASE WHEN x.day < ? THEN x.n ELSE x.c END AS due "
                + "FROM unnest(a.days, a.scheduled, a.completed) AS x(day, n, c)) u) w "
                + "WHERE a.tenant_id = ? AND a.athlete_id = ANY(?)",
                rs -> result.put(rs.getString(1), new ScheduleSummary(AdherenceWindow.of(7, rs.getInt(2), rs.getInt(3)),
                        AdherenceWindow.of(30, rs.getInt(4), rs.getInt(5)), AdherenceWindow.of(90, rs.getInt(6), rs.getInt(7)),
                        AdherenceWindow.of(30, rs.getInt(8), rs.getInt(9)), rs.getInt(10), rs.getObject(11, LocalDate.class),
                        rs.getObject(12, LocalDate.class), rs.getInt(13))),
                today,
                today.minusDays(6), today, today.minusDays(6), today,
                today.minusDays(29), today, today.minusDays(29), today,
                today.minusDays(89), today, today.minusDays(89), today,
                today.minusDays(36), today.minusDays(7), today.minusDays(36), today.minusDays(7),
                today, today, today, today, tenant, athletes);
        return result;
    }

    /**
     * Per athlete, the skips recorded on or after {@code since} that give a reason, oldest first (through the
     * partial index of skipped sessions: skips are rare).
     */
    public Map<String, List<SkippedSession>> skipsWithReasonSince(String tenant, Collection<String> athletes,
            LocalDate since) {
        Map<String, List<SkippedSession>> result = new HashMap<>();
        query("SELECT athlete_id, session_id, scheduled_date, activity_date, skip_reason FROM session_fact "
                + "WHERE tenant_id = ? AND athlete_id = ANY(?) AND status = 'skipped' AND skip_reason IS NOT NULL "
                + "AND activity_date >= ? ORDER BY athlete_id, occurred_at, session_id",
                rs -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new SkippedSession(
                        rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getString(5))), tenant, athletes, since);
        return result;
    }

    /** The latest completed sessions per athlete (oldest first), from their recent row kept at ingestion. */
    public Map<String, List<SessionPoint>> recentFromRollup(String tenant, Collection<String> athletes) {
        Map<String, List<SessionPoint>> result = new HashMap<>();
        query("SELECT a.athlete_id, u.session_id, u.day, u.at, u.rpe, u.pain, u.area FROM athlete_recent a, "
                + "unnest(a.session_ids, a.dates, a.completed_at, a.rpe, a.pain, a.pain_areas) WITH ORDINALITY "
                + "AS u(session_id, day, at, rpe, pain, area, i) WHERE a.tenant_id = ? AND a.athlete_id = ANY(?) "
                + "ORDER BY a.athlete_id, u.i", rs -> {
                    java.math.BigDecimal rpe = rs.getBigDecimal(5);
                    Object pain = rs.getObject(6);
                    result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new SessionPoint(
                            rs.getString(2), rs.getObject(3, LocalDate.class), utc(rs.getObject(4, OffsetDateTime.class)),
                            rpe == null ? null : rpe.doubleValue(), pain == null ? null : ((Number) pain).intValue(),
                            rs.getString(7)));
                }, tenant, athletes);
        return result;
    }

    /** Sessions, sets, reps and hold seconds per athlete over [from, to], from their recent row kept at ingestion. */
    public Map<String, int[]> volumeFromRollup(String tenant, Collection<String> athletes, LocalDate from, LocalDate to) {
        Map<String, int[]> result = new HashMap<>();
        query("SELECT a.athlete_id, coalesce(sum(v.n), 0), coalesce(sum(v.sets), 0), coalesce(sum(v.reps), 0), "
                + "coalesce(sum(v.holds), 0) FROM athlete_recent a, unnest(a.volume_days, a.volume_sessions, a.volume_sets, "
                + "a.volume_reps, a.volume_holds) AS v(day, n, sets, reps, holds) WHERE a.tenant_id = ? "
                + "AND a.athlete_id = ANY(?) AND v.day BETWEEN ? AND ? GROUP BY a.athlete_id",
                rs -> result.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5) }),
                tenant, athletes, from, to);
        return result;
    }

    private static List<LocalDate> dates(java.sql.Array array) throws SQLException {
        List<LocalDate> result = new ArrayList<>();
        for (Object day : (Object[]) array.getArray()) {
            result.add(((java.sql.Date) day).toLocalDate());
        }
        return result;
    }

    private static List<Integer> ints(java.sql.Array array) throws SQLException {
        List<Integer> result = new ArrayList<>();
        for (Object n : (Object[]) array.getArray()) {
            result.add(((Number) n).intValue());
        }
        return result;
    }

    /** The latest {@code limit} completed sessions per athlete, oldest first. */
    public Map<String, List<SessionPoint>> recentSessions(String tenant, Collection<String> athletes, int limit) {
        Map<String, List<SessionPoint>> result = new HashMap<>();
        // per athlete, walk the (tenant, athlete, occurred_at) index backwards and stop after `limit` rows,
        // rather than numbering every session each athlete ever did
        query("SELECT a.athlete_id, f.session_id, f.activity_date, f.occurred_at, f.session_rpe, f.pain_score, "
                + "f.pain_area FROM unnest(?::varchar[]) AS a(athlete_id) CROSS JOIN LATERAL ("
                + "SELECT session_id, activity_date, occurred_at, session_rpe, pain_score, pain_area FROM session_fact "
                + "WHERE tenant_id = ? AND athlete_id = a.athlete_id AND status = 'completed' "
                + "ORDER BY occurred_at DESC, session_id DESC LIMIT ?) f "
                + "ORDER BY a.athlete_id, f.occurred_at, f.session_id",
                rs -> {
                    java.math.BigDecimal rpe = rs.getBigDecimal(5);
                    Object pain = rs.getObject(6);
                    result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new SessionPoint(
                            rs.getString(2), rs.getObject(3, LocalDate.class), utc(rs.getObject(4, OffsetDateTime.class)),
                            rpe == null ? null : rpe.doubleValue(), pain == null ? null : ((Number) pain).intValue(),
                            rs.getString(7)));
                }, athletes, tenant, limit);
        return result;
    }

    /** Completed sessions per athlete and day within [from, to]. */
    public List<SessionPoint> completedBetween(String tenant, String athlete, LocalDate from, LocalDate to) {
        List<SessionPoint> result = new ArrayList<>();
        query("SELECT session_id, activity_date, occurred_at, session_rpe, pain_score, pain_area FROM session_fact "
                + "WHERE tenant_id = ? AND athlete_id = ? AND status = 'completed' AND activity_date BETWEEN ? AND ? "
                // the day is the one of the completion's own offset: two days either side of it bound the
                // (tenant, athlete, occurred_at) index range, rather than visiting every session the athlete did
                + "AND occurred_at >= ?::date - 2 AND occurred_at < ?::date + 3 "
                + "ORDER BY occurred_at, session_id", rs -> {
                    java.math.BigDecimal rpe = rs.getBigDecimal(4);
                    Object pain = rs.getObject(5);
                    result.add(new SessionPoint(rs.getString(1), rs.getObject(2, LocalDate.class),
                            utc(rs.getObject(3, OffsetDateTime.class)), rpe == null ? null : rpe.doubleValue(),
                            pain == null ? null : ((Number) pain).intValue(), rs.getString(6)));
                }, tenant, athlete, from, to, from, to);
        return result;
    }

    /** Days on which the athlete skipped a session within [from, to] (a later completion replaces a skip). */
    public List<LocalDate> skippedBetween(String tenant, String athlete, LocalDate from, LocalDate to) {
        List<LocalDate> result = new ArrayList<>();
        query("SELECT coalesce(scheduled_date, activity_date) FROM session_fact WHERE tenant_id = ? AND athlete_id = ? "
                + "AND status = 'skipped' AND coalesce(scheduled_date, activity_date) BETWEEN ? AND ? ORDER BY 1",
                rs -> result.add(rs.getObject(1, LocalDate.class)), tenant, athlete, from, to);
        return result;
    }

    public List<VolumeRow> volumes(String tenant, Collection<String> athletes, LocalDate from, LocalDate to) {
        List<VolumeRow> result = new ArrayList<>();
        query("SELECT athlete_id, activity_date, session_id, exercise_id, exercise_name, pattern, muscles, sets, reps, "
                + "hold_seconds FROM exercise_volume WHERE tenant_id = ? AND athlete_id = ANY(?) "
                + "AND activity_date BETWEEN ? AND ? ORDER BY athlete_id, activity_date, session_id, exercise_id",
                rs -> result.add(new VolumeRow(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9),
                        rs.getInt(10))),
                tenant, athletes, from, to);
        return result;
    }

    public Map<String, List<FlagRow>> flags(String tenant, Collection<String> athletes) {
        Map<String, List<FlagRow>> result = new LinkedHashMap<>();
        query("SELECT athlete_id, kind, flag_id, severity, reason, value, threshold, raised_at FROM athlete_flag "
                + "WHERE tenant_id = ? AND athlete_id = ANY(?) ORDER BY athlete_id, raised_at, kind",
                rs -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(flagRow(rs)), tenant, athletes);
        return result;
    }

    /** The coach named by the athlete's most recent plan event, else any coach linked to them. */
    public String primaryCoach(String tenant, String athlete) {
        List<String> fromPlans = strings("SELECT coach_id FROM plan_event WHERE tenant_id = ? AND athlete_id = ? "
                + "ORDER BY event_time DESC NULLS LAST, event_id DESC LIMIT 1", tenant, athlete);
        if (!fromPlans.isEmpty()) {
            return fromPlans.get(0);
        }
        List<String> linked = strings("SELECT coach_id FROM athlete_coach WHERE tenant_id = ? AND athlete_id = ? "
                + "ORDER BY coach_id LIMIT 1", tenant, athlete);
        return linked.isEmpty() ? null : linked.get(0);
    }

    /** Every (tenant, athlete) with facts, for the periodic evaluation and after a rebuild. */
    public List<FactRepository.TenantKey> allAthletes() {
        List<FactRepository.TenantKey> result = new ArrayList<>();
        query("SELECT tenant_id, athlete_id FROM athlete_coach UNION SELECT tenant_id, athlete_id FROM session_fact "
                + "UNION SELECT tenant_id, athlete_id FROM scheduled_session UNION "
                + "SELECT tenant_id, athlete_id FROM athlete_flag ORDER BY 1, 2",
                rs -> result.add(new FactRepository.TenantKey(rs.getString(1), rs.getString(2))));
        return result;
    }

    static FlagRow flagRow(ResultSet rs) throws SQLException {
        Object value = rs.getObject(6);
        Object threshold = rs.getObject(7);
        return new FlagRow(rs.getString(1), rs.getString(2), (java.util.UUID) rs.getObject(3), rs.getString(4),
                rs.getString(5), value == null ? null : ((Number) value).doubleValue(),
                threshold == null ? null : ((Number) threshold).doubleValue(), utc(rs.getObject(8, OffsetDateTime.class)));
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    @FunctionalInterface
    interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private List<String> strings(String sql, Object... params) {
        List<String> result = new ArrayList<>();
        query(sql, rs -> result.add(rs.getString(1)), params);
        return result;
    }

    private void query(String sql, RowHandler handler, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Collection<?> values) {
                    st.setArray(i + 1, c.createArrayOf("varchar", new TreeSet<>(values).toArray()));
                } else {
                    st.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("progress query failed: " + e.getMessage(), e);
        }
    }
}
