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

import dev.medius.progress.domain.SessionPoint;

/**
 * Reads the projections for a set of athletes of one tenant at once, so a roster of any size is
 * served by a fixed number of queries.
 */
@ApplicationScoped
public class ProgressRepository {

    @Inject
    DataSource dataSource;

    /** Scheduled and completed counts of one athlete over the dashboard's windows. */
    public record AdherenceCounts(int scheduled7, int completed7, int scheduled30, int completed30, int scheduled90,
            int completed90, int scheduledPrevious30, int completedPrevious30) {
        static final AdherenceCounts NONE = new AdherenceCounts(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** A scheduled session and whether it was completed. */
    public record ScheduledOutcome(String sessionId, LocalDate date, boolean completed) {
    }

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

    /**
     * Counts per window ending {@code today}: 7, 30 and 90 days, and the 30 days before the last 7.
     * Sessions scheduled after today are not counted: they cannot have been missed yet.
     */
    public Map<String, AdherenceCounts> adherence(String tenant, Collection<String> athletes, LocalDate today) {
        Map<String, AdherenceCounts> result = new HashMap<>();
        LocalDate d7 = today.minusDays(6);
        LocalDate d30 = today.minusDays(29);
        LocalDate d90 = today.minusDays(89);
        LocalDate p30 = today.minusDays(36);
        query("SELECT s.athlete_id, "
                + "count(DISTINCT s.session_id) FILTER (WHERE s.scheduled_date >= ?), "
                + "count(DISTINCT f.session_id) FILTER (WHERE s.scheduled_date >= ?), "
                + "count(DISTINCT s.session_id) FILTER (WHERE s.scheduled_date >= ?), "
                + "count(DISTINCT f.session_id) FILTER (WHERE s.scheduled_date >= ?), "
                + "count(DISTINCT s.session_id), count(DISTINCT f.session_id), "
                + "count(DISTINCT s.session_id) FILTER (WHERE s.scheduled_date BETWEEN ? AND ?), "
                + "count(DISTINCT f.session_id) FILTER (WHERE s.scheduled_date BETWEEN ? AND ?) "
                + "FROM scheduled_session s LEFT JOIN session_fact f ON f.tenant_id = s.tenant_id "
                + "AND f.session_id = s.session_id AND f.status = 'completed' "
                + "WHERE s.tenant_id = ? AND s.athlete_id = ANY(?) AND s.scheduled_date BETWEEN ? AND ? "
                + "GROUP BY s.athlete_id",
                rs -> result.put(rs.getString(1), new AdherenceCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9))),
                d7, d7, d30, d30, p30, today.minusDays(7), p30, today.minusDays(7), tenant, athletes,
                d90.isBefore(p30) ? d90 : p30, today);
        return result;
    }

    public static AdherenceCounts none() {
        return AdherenceCounts.NONE;
    }

    /** Scheduled sessions up to today, most recent first, with their outcome. */
    public Map<String, List<ScheduledOutcome>> scheduledOutcomes(String tenant, Collection<String> athletes,
            LocalDate today) {
        Map<String, List<ScheduledOutcome>> result = new HashMap<>();
        query("SELECT DISTINCT s.athlete_id, s.scheduled_date, s.session_id, (f.session_id IS NOT NULL) "
                + "FROM scheduled_session s LEFT JOIN session_fact f ON f.tenant_id = s.tenant_id "
                + "AND f.session_id = s.session_id AND f.status = 'completed' "
                + "WHERE s.tenant_id = ? AND s.athlete_id = ANY(?) AND s.scheduled_date <= ? "
                + "ORDER BY s.athlete_id, s.scheduled_date DESC, s.session_id DESC",
                rs -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new ScheduledOutcome(rs.getString(3), rs.getObject(2, LocalDate.class), rs.getBoolean(4))),
                tenant, athletes, today);
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
                + "ORDER BY occurred_at, session_id", rs -> {
                    java.math.BigDecimal rpe = rs.getBigDecimal(4);
                    Object pain = rs.getObject(5);
                    result.add(new SessionPoint(rs.getString(1), rs.getObject(2, LocalDate.class),
                            utc(rs.getObject(3, OffsetDateTime.class)), rpe == null ? null : rpe.doubleValue(),
                            pain == null ? null : ((Number) pain).intValue(), rs.getString(6)));
                }, tenant, athlete, from, to);
        return result;
    }

    /** Scheduled sessions of one athlete within [from, to] with their outcome. */
    public List<ScheduledOutcome> scheduledBetween(String tenant, String athlete, LocalDate from, LocalDate to) {
        List<ScheduledOutcome> result = new ArrayList<>();
        query("SELECT DISTINCT s.scheduled_date, s.session_id, (f.session_id IS NOT NULL) "
                + "FROM scheduled_session s LEFT JOIN session_fact f ON f.tenant_id = s.tenant_id "
                + "AND f.session_id = s.session_id AND f.status = 'completed' "
                + "WHERE s.tenant_id = ? AND s.athlete_id = ? AND s.scheduled_date BETWEEN ? AND ? "
                + "ORDER BY 1, 2", rs -> result.add(new ScheduledOutcome(rs.getString(2),
                        rs.getObject(1, LocalDate.class), rs.getBoolean(3))), tenant, athlete, from, to);
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
