package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes the facts kept from the event streams. Every write takes a whole batch and goes to the
 * database as one statement or one JDBC batch (rewritten by the driver into multi-row inserts), so a
 * batch of events costs a handful of round trips whatever its size.
 */
@ApplicationScoped
public class FactRepository {

    @Inject
    DataSource dataSource;

    /** A session completed or skipped, as stored. */
    public record SessionFact(String tenant, String sessionId, String athleteId, String status, LocalDate scheduledDate,
            OffsetDateTime occurredAt, Double rpe, Integer pain, String painArea) {
    }

    /** The volume of one exercise in one completed session. */
    public record ExerciseVolumeRow(String tenant, String sessionId, String exerciseId, String athleteId,
            LocalDate date, String name, String pattern, String musclesJson, int sets, int reps, int holdSeconds) {
    }

    /** A plan event as stored, the raw material of the schedule. */
    public record PlanEventRow(String tenant, String eventId, String assignmentId, String athleteId, String coachId,
            String type, LocalDate effectiveFrom, OffsetDateTime time, String sessionsJson) {
    }

    /** A session the schedule expects on a day. */
    public record ScheduledRow(String tenant, String assignmentId, String sessionId, String athleteId, LocalDate date) {
    }

    /** A tenant-scoped key: an assignment, an athlete. */
    public record TenantKey(String tenant, String id) {
    }

    /** Claims event ids; returns those not seen before (the others are duplicates to ignore). */
    public Set<String> claimEventIds(List<String> ids, List<String> tenants, List<String> types) throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (ids.isEmpty()) {
            return fresh;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("INSERT INTO processed_event (event_id, tenant_id, event_type) "
                        + "SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) "
                        + "ON CONFLICT (event_id) DO NOTHING RETURNING event_id")) {
            st.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            st.setArray(2, c.createArrayOf("varchar", tenants.toArray()));
            st.setArray(3, c.createArrayOf("varchar", types.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        return fresh;
    }

    /**
     * Completions replace what was known of a session (a skip included); a skip never replaces a completion.
     * One statement for the whole batch; returns the sessions that were already stored and have been
     * replaced, the only ones whose volume rows need clearing.
     */
    public Set<TenantKey> saveSessions(List<SessionFact> facts) throws SQLException {
        Set<TenantKey> replaced = new HashSet<>();
        if (facts.isEmpty()) {
            return replaced;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("INSERT INTO session_fact (tenant_id, session_id, athlete_id, "
                        + "status, scheduled_date, occurred_at, activity_date, session_rpe, pain_score, pain_area) "
                        + "SELECT t, s, a, st, sd::date, oa::timestamptz, ad::date, rpe::numeric, pain::integer, area "
                        + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[], ?::text[]) AS u(t, s, a, st, sd, oa, ad, rpe, pain, area) "
                        + "ON CONFLICT (tenant_id, session_id) DO UPDATE SET "
                        + "athlete_id = EXCLUDED.athlete_id, status = EXCLUDED.status, scheduled_date = EXCLUDED.scheduled_date, "
                        + "occurred_at = EXCLUDED.occurred_at, activity_date = EXCLUDED.activity_date, "
                        + "session_rpe = EXCLUDED.session_rpe, pain_score = EXCLUDED.pain_score, pain_area = EXCLUDED.pain_area "
                        + "WHERE EXCLUDED.status = 'completed' OR session_fact.status <> 'completed' "
                        // a row written by this INSERT has no xmax; one that existed carries the updating transaction's
                        + "RETURNING tenant_id, session_id, xmax <> 0")) {
            st.setArray(1, texts(c, facts, SessionFact::tenant));
            st.setArray(2, texts(c, facts, SessionFact::sessionId));
            st.setArray(3, texts(c, facts, SessionFact::athleteId));
            st.setArray(4, texts(c, facts, SessionFact::status));
            st.setArray(5, texts(c, facts, SessionFact::scheduledDate));
            st.setArray(6, texts(c, facts, SessionFact::occurredAt));
            st.setArray(7, texts(c, facts, f -> f.occurredAt().toLocalDate()));
            st.setArray(8, texts(c, facts, SessionFact::rpe));
            st.setArray(9, texts(c, facts, SessionFact::pain));
            st.setArray(10, texts(c, facts, SessionFact::painArea));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(3)) {
                        replaced.add(new TenantKey(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        return replaced;
    }

    private static <T> java.sql.Array texts(Connection c, List<T> rows, java.util.function.Function<T, Object> field)
            throws SQLException {
        return c.createArrayOf("text", rows.stream().map(field).map(v -> v == null ? null : v.toString()).toArray());
    }

    /**
     * Clears the volume rows of sessions stored before (one statement for all of them), then inserts the
     * batch's rows. Sessions new to this batch have nothing to clear, so they cost no delete at all.
     */
    public void replaceVolumes(Collection<TenantKey> replacedSessions, List<ExerciseVolumeRow> rows) throws SQLException {
        if (replacedSessions.isEmpty() && rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!replacedSessions.isEmpty()) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM exercise_volume e USING "
                        + "unnest(?::varchar[], ?::varchar[]) AS k(tenant_id, session_id) "
                        + "WHERE e.tenant_id = k.tenant_id AND e.session_id = k.session_id")) {
                    del.setArray(1, c.createArrayOf("varchar", replacedSessions.stream().map(TenantKey::tenant).toArray()));
                    del.setArray(2, c.createArrayOf("varchar", replacedSessions.stream().map(TenantKey::id).toArray()));
                    del.executeUpdate();
                }
            }
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO exercise_volume (tenant_id, session_id, exercise_id, "
                    + "athlete_id, activity_date, exercise_name, pattern, muscles, sets, reps, hold_seconds) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (ExerciseVolumeRow r : rows) {
                    st.setString(1, r.tenant());
                    st.setString(2, r.sessionId());
                    st.setString(3, r.exerciseId());
                    st.setString(4, r.athleteId());
                    st.setObject(5, r.date());
                    st.setString(6, r.name());
                    st.setString(7, r.pattern());
                    st.setString(8, r.musclesJson());
                    st.setInt(9, r.sets());
                    st.setInt(10, r.reps());
                    st.setInt(11, r.holdSeconds());
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
    }

    public void linkCoaches(Set<List<String>> tenantAthleteCoach) throws SQLException {
        if (tenantAthleteCoach.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("INSERT INTO athlete_coach (tenant_id, athlete_id, coach_id) "
                        + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (List<String> link : tenantAthleteCoach) {
                st.setString(1, link.get(0));
                st.setString(2, link.get(1));
                st.setString(3, link.get(2));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    public void savePlanEvents(List<PlanEventRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("INSERT INTO plan_event (tenant_id, event_id, assignment_id, "
                        + "athlete_id, coach_id, event_type, effective_from, event_time, sessions) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (PlanEventRow r : rows) {
                st.setString(1, r.tenant());
                st.setString(2, r.eventId());
                st.setString(3, r.assignmentId());
                st.setString(4, r.athleteId());
                st.setString(5, r.coachId());
                st.setString(6, r.type());
                setDate(st, 7, r.effectiveFrom());
                st.setObject(8, r.time());
                st.setString(9, r.sessionsJson());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Every plan event of the given assignments, in a stable order. */
    public List<PlanEventRow> planEvents(Collection<TenantKey> assignments) throws SQLException {
        List<PlanEventRow> rows = new ArrayList<>();
        if (assignments.isEmpty()) {
            return rows;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT p.tenant_id, p.event_id, p.assignment_id, p.athlete_id, "
                        + "p.coach_id, p.event_type, p.effective_from, p.event_time, p.sessions FROM plan_event p "
                        + "JOIN unnest(?::varchar[], ?::varchar[]) AS k(tenant_id, assignment_id) "
                        + "ON p.tenant_id = k.tenant_id AND p.assignment_id = k.assignment_id "
                        + "ORDER BY p.tenant_id, p.assignment_id, p.event_time NULLS FIRST, p.event_id")) {
            st.setArray(1, c.createArrayOf("varchar", assignments.stream().map(TenantKey::tenant).toArray()));
            st.setArray(2, c.createArrayOf("varchar", assignments.stream().map(TenantKey::id).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Date from = rs.getDate(7);
                    rows.add(new PlanEventRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), from == null ? null : from.toLocalDate(),
                            rs.getObject(8, OffsetDateTime.class), rs.getString(9)));
                }
            }
        }
        return rows;
    }

    public void replaceSchedules(Collection<TenantKey> assignments, List<ScheduledRow> rows) throws SQLException {
        if (assignments.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM scheduled_session s USING "
                    + "unnest(?::varchar[], ?::varchar[]) AS k(tenant_id, assignment_id) "
                    + "WHERE s.tenant_id = k.tenant_id AND s.assignment_id = k.assignment_id")) {
                del.setArray(1, c.createArrayOf("varchar", assignments.stream().map(TenantKey::tenant).toArray()));
                del.setArray(2, c.createArrayOf("varchar", assignments.stream().map(TenantKey::id).toArray()));
                del.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO scheduled_session (tenant_id, assignment_id, "
                    + "session_id, athlete_id, scheduled_date) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (ScheduledRow r : rows) {
                    st.setString(1, r.tenant());
                    st.setString(2, r.assignmentId());
                    st.setString(3, r.sessionId());
                    st.setString(4, r.athleteId());
                    st.setObject(5, r.date());
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
    }

    /** Empties every projection before a rebuild; raised flags stay so that unchanged flags keep their ids. */
    public void truncateProjections() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "TRUNCATE processed_event, plan_event, scheduled_session, athlete_coach, session_fact, exercise_volume")) {
            st.executeUpdate();
        }
    }

    private static void setDate(PreparedStatement st, int index, LocalDate date) throws SQLException {
        if (date == null) {
            st.setNull(index, Types.DATE);
        } else {
            st.setObject(index, date);
        }
    }

    static Timestamp ts(OffsetDateTime t) {
        return t == null ? null : Timestamp.from(t.toInstant());
    }
}
