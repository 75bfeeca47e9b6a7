package dev.medius.progress.repository;

import java.nio.charset.StandardCharsets;
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

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes the facts kept from the event streams. Every write takes a whole batch and goes to the
 * database as one statement or one JDBC batch (rewritten by the driver into multi-row inserts), so a
 * batch of events costs a handful of round trips whatever its size.
 */
@ApplicationScoped
public class FactRepository {

    @Inject
    DataSource dataSource;

    /**
     * A session completed or skipped, as stored; a skip keeps the reason the athlete gave. The last four fields say
     * which version of the session it is ({@link #outranks}).
     */
    public record SessionFact(String tenant, String sessionId, String athleteId, String status, LocalDate scheduledDate,
            OffsetDateTime occurredAt, Double rpe, Integer pain, String painArea, String skipReason, int revision,
            OffsetDateTime eventTime, String eventSource, String eventId) {

        /**
         * Whether this version of the session stands over the other: a completion over a skip, then the higher
         * revision, the later event time, the greater source and the greater id. The same order as
         * {@link FactRepository#saveSessions}'s, so that a batch and the database agree.
         */
        public boolean outranks(SessionFact other) {
            return java.util.Comparator.comparing((SessionFact f) -> "completed".equals(f.status()))
                    .thenComparingInt(SessionFact::revision)
                    .thenComparing(SessionFact::eventTime)
                    .thenComparing(SessionFact::eventSource)
                    .thenComparing(SessionFact::eventId)
                    .compare(this, other) > 0;
        }
    }

    /** What saving a batch's sessions did: the sessions written, and those of them that replaced a stored version. */
    public record SavedSessions(Set<TenantKey> stored, Set<TenantKey> replaced) {
    }

    /** An event to claim: its identity, the organisation it names, its type and the digest of its content. */
    public record EventClaim(String source, String id, String tenant, String type, String digest) {
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
    public record TenantKey(String tenant, String id) implements Comparable<TenantKey> {
        @Override
        public int compareTo(TenantKey other) {
            int byTenant = tenant.compareTo(other.tenant);
            return byTenant != 0 ? byTenant : id.compareTo(other.id);
        }
    }

    /**
     * Has the rest of this transaction plan each statement with its actual values. Ingestion's statements take
     * arrays of a whole batch; a generic plan made while a table was small or had no statistics yet stays cached
     * on pooled connections, and a lookup of a batch's 500 athletes then cost ~350 ms instead of ~2 ms (EXPLAIN
     * ANALYZE during bench/run ingestion on a fresh database). Reads keep cached plans.
     */
    public void planWithValues() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SET LOCAL plan_cache_mode = force_custom_plan")) {
            st.execute();
        }
    }

    /**
     * Orders this transaction with other replicas' around the completion state kept on {@code scheduled_session}:
     * a completion marks the scheduled session it finds, a new schedule looks up the completions already stored,
     * and under READ COMMITTED two concurrent transactions doing one each would both miss the other's row.
     * Transactions that store completions share the lock; one that replaces schedules takes it alone (plan events
     * are rare), so that each statement that follows sees what the other committed. Held until commit.
     */
    public void lockScheduleCompletion(boolean replacesSchedules) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(replacesSchedules
                ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)")) {
            st.setLong(1, SCHEDULE_COMPLETION_LOCK);
            st.executeQuery().close();
        }
    }

    /**
     * Orders this transaction with any other writing the same athletes' recent rows, until commit. Each lane applies
     * its own partitions, and a producer that does not key by athlete puts one athlete's events on several of them:
     * two lanes would then each compute an athlete's row from what they saw before the other committed, and the
     * second would overwrite the first. Taken in one order by every transaction, so that none waits in a circle.
     */
    public void lockAthletes(Collection<TenantKey> athletes) throws SQLException {
        if (athletes.isEmpty()) {
            return;
        }
        List<TenantKey> keys = new ArrayList<>(athletes);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT pg_advisory_xact_lock(?, x.k) FROM (SELECT DISTINCT hashtext(u.t || '/' || u.a) AS k "
                        + "FROM unnest(?::varchar[], ?::varchar[]) AS u(t, a) ORDER BY 1 OFFSET 0) x")) {
            st.setInt(1, ATHLETE_LOCK_CLASS);
            st.setArray(2, texts(c, keys, TenantKey::tenant));
            st.setArray(3, texts(c, keys, TenantKey::id));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    // each row is one lock taken
                }
            }
        }
    }

    /** The class of {@link #lockAthletes}'s advisory locks: one per athlete within it. */
    private static final int ATHLETE_LOCK_CLASS = 0x6d656469;

    /** An arbitrary key for {@link #lockScheduleCompletion}, the same in every replica. */
    private static final long SCHEDULE_COMPLETION_LOCK = 0x6d65646975735343L;

    /**
     * Claims events by their identity (source, id). Returns, for every identity claimed before, the digest it was
     * claimed with ("" when unknown); the identities missing from the answer are new and now claimed.
     */
    public java.util.Map<List<String>, String> claimEvents(List<EventClaim> claims) throws SQLException {
        java.util.Map<List<String>, String> seen = new java.util.HashMap<>();
        if (claims.isEmpty()) {
            return seen;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("WITH u AS (SELECT * FROM unnest(?::varchar[], ?::varchar[], "
                        + "?::varchar[], ?::varchar[], ?::varchar[]) AS u(source, id, tenant, type, digest)), "
                        + "claimed AS (INSERT INTO processed_event (source, event_id, tenant_id, event_type, digest) "
                        + "SELECT * FROM u ON CONFLICT (source, event_id) DO NOTHING RETURNING source, event_id) "
                        + "SELECT u.source, u.id, p.digest FROM u LEFT JOIN claimed k ON k.source = u.source AND k.event_id = u.id "
                        + "LEFT JOIN processed_event p ON p.source = u.source AND p.event_id = u.id WHERE k.event_id IS NULL")) {
            st.setArray(1, texts(c, claims, EventClaim::source));
            st.setArray(2, texts(c, claims, EventClaim::id));
            st.setArray(3, texts(c, claims, EventClaim::tenant));
            st.setArray(4, texts(c, claims, EventClaim::type));
            st.setArray(5, texts(c, claims, EventClaim::digest));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    // claimed by a transaction that committed during this statement: its digest is read below
                    seen.put(List.of(rs.getString(1), rs.getString(2)), rs.getString(3) == null ? "" : rs.getString(3));
                }
            }
            List<List<String>> unknown = seen.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(java.util.Map.Entry::getKey)
                    .toList();
            if (!unknown.isEmpty()) {
                try (PreparedStatement again = c.prepareStatement("SELECT p.source, p.event_id, p.digest FROM processed_event p "
                        + "JOIN unnest(?::varchar[], ?::varchar[]) AS u(source, id) ON p.source = u.source AND p.event_id = u.id")) {
                    again.setArray(1, texts(c, unknown, k -> k.get(0)));
                    again.setArray(2, texts(c, unknown, k -> k.get(1)));
                    try (ResultSet rs = again.executeQuery()) {
                        while (rs.next()) {
                            seen.put(List.of(rs.getString(1), rs.getString(2)), rs.getString(3) == null ? "" : rs.getString(3));
                        }
                    }
                }
            }
        }
        return seen;
    }

    /** Releases claims of events this transaction dead-letters, so that they can be applied once fixed. */
    public void unclaim(Collection<List<String>> identities) throws SQLException {
        if (identities.isEmpty()) {
            return;
        }
        List<List<String>> keys = new ArrayList<>(identities);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("DELETE FROM processed_event p "
                + "USING unnest(?::varchar[], ?::varchar[]) AS u(source, id) WHERE p.source = u.source AND p.event_id = u.id")) {
            st.setArray(1, texts(c, keys, k -> k.get(0)));
            st.setArray(2, texts(c, keys, k -> k.get(1)));
            st.executeUpdate();
        }
    }

    /** The athlete each of these sessions (tenant, session id) is stored for, for those stored. */
    public java.util.Map<TenantKey, String> sessionOwners(Collection<TenantKey> sessions) throws SQLException {
        return owners(sessions, "SELECT f.tenant_id, f.session_id, f.athlete_id FROM session_fact f "
                + "JOIN unnest(?::varchar[], ?::varchar[]) AS k(t, s) ON f.tenant_id = k.t AND f.session_id = k.s");
    }

    /** The athlete each of these assignments (tenant, assignment id) belongs to, for those with plan events. */
    public java.util.Map<TenantKey, String> assignmentOwners(Collection<TenantKey> assignments) throws SQLException {
        return owners(assignments, "SELECT DISTINCT p.tenant_id, p.assignment_id, p.athlete_id FROM plan_event p "
                + "JOIN unnest(?::varchar[], ?::varchar[]) AS k(t, a) ON p.tenant_id = k.t AND p.assignment_id = k.a");
    }

    private java.util.Map<TenantKey, String> owners(Collection<TenantKey> keys, String sql) throws SQLException {
        java.util.Map<TenantKey, String> owners = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return owners;
        }
        List<TenantKey> list = new ArrayList<>(keys);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, texts(c, list, TenantKey::tenant));
            st.setArray(2, texts(c, list, TenantKey::id));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    owners.put(new TenantKey(rs.getString(1), rs.getString(2)), rs.getString(3));
                }
            }
        }
        return owners;
    }

    /**
     * Registers athletes with the organisation of their first plan event (athlete id to tenant), unless they belong to
     * one already; then returns the organisation of each of the athletes asked about that has one.
     */
    public java.util.Map<String, String> organisations(java.util.Map<String, String> register, Collection<String> athletes)
            throws SQLException {
        java.util.Map<String, String> organisations = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            if (!register.isEmpty()) {
                // sorted, so that two transactions registering the same athletes never wait for each other in a circle
                List<java.util.Map.Entry<String, String>> rows = new ArrayList<>(new java.util.TreeMap<>(register).entrySet());
                try (PreparedStatement st = c.prepareStatement("INSERT INTO athlete_organisation (athlete_id, tenant_id) "
                        + "SELECT * FROM unnest(?::varchar[], ?::varchar[]) ON CONFLICT (athlete_id) DO NOTHING")) {
                    st.setArray(1, texts(c, rows, java.util.Map.Entry::getKey));
                    st.setArray(2, texts(c, rows, java.util.Map.Entry::getValue));
                    st.executeUpdate();
                }
            }
            if (athletes.isEmpty()) {
                return organisations;
            }
            try (PreparedStatement st = c.prepareStatement("SELECT athlete_id, tenant_id FROM athlete_organisation "
                    + "WHERE athlete_id = ANY(?::varchar[])")) {
                st.setArray(1, c.createArrayOf("varchar", athletes.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        organisations.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return organisations;
    }

    /**
     * Completions replace what was known of a session (a skip included); a skip never replaces a completion.
     * One statement for the whole batch; returns the sessions that were already stored and have been
     * replaced, the only ones whose volume rows need clearing.
     */
    public SavedSessions saveSessions(List<SessionFact> facts) throws SQLException {
        Set<TenantKey> stored = new HashSet<>();
        Set<TenantKey> replaced = new HashSet<>();
        if (facts.isEmpty()) {
            return new SavedSessions(stored, replaced);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("WITH saved AS (INSERT INTO session_fact (tenant_id, session_id, "
                        + "athlete_id, status, scheduled_date, occurred_at, activity_date, session_rpe, pain_score, pain_area, skip_reason, "
                        + "revision, event_time, event_source, event_id) "
                        + "SELECT t, s, a, st, sd::date, oa::timestamptz, ad::date, rpe::numeric, pain::integer, area, why, "
                        + "rev::integer, et::timestamptz, es, ei "
                        + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                        + "AS u(t, s, a, st, sd, oa, ad, rpe, pain, area, why, rev, et, es, ei) "
                        + "ON CONFLICT (tenant_id, session_id) DO UPDATE SET "
                        + "status = EXCLUDED.status, scheduled_date = EXCLUDED.scheduled_date, "
                        + "occurred_at = EXCLUDED.occurred_at, activity_date = EXCLUDED.activity_date, "
                        + "session_rpe = EXCLUDED.session_rpe, pain_score = EXCLUDED.pain_score, pain_area = EXCLUDED.pain_area, "
                        + "skip_reason = EXCLUDED.skip_reason, revision = EXCLUDED.revision, event_time = EXCLUDED.event_time, "
                        + "event_source = EXCLUDED.event_source, event_id = EXCLUDED.event_id "
                        // a session stays with its athlete for good; of two versions the one that outranks stands
                        // (SessionFact.outranks: completion over skip, revision, event time, source, id)
                        + "WHERE session_fact.athlete_id = EXCLUDED.athlete_id AND (EXCLUDED.status = 'completed', "
                        + "EXCLUDED.revision, EXCLUDED.event_time, EXCLUDED.event_source COLLATE \"C\", "
                        + "EXCLUDED.event_id COLLATE \"C\") > (session_fact.status = 'completed', session_fact.revision, "
                        + "session_fact.event_time, session_fact.event_source COLLATE \"C\", session_fact.event_id COLLATE \"C\") "
                        // a row written by this INSERT has no xmax; one that existed carries the updating transaction's
                        + "RETURNING tenant_id, session_id, status, xmax <> 0 AS existed), "
                        // the schedule keeps whether each session was completed, so that roster reads need not look
                        // it up in session_fact; a completion is never undone (a skip does not replace it)
                        + "marked AS (UPDATE scheduled_session s SET completed = true FROM saved "
                        + "WHERE saved.status = 'completed' AND s.tenant_id = saved.tenant_id "
                        + "AND s.session_id = saved.session_id AND NOT s.completed "
                        + "RETURNING s.tenant_id, s.athlete_id, s.scheduled_date), "
                        // and each athlete's schedule row counts them on their days (only sessions newly marked)
                        + "counted AS (UPDATE athlete_schedule a "
                        + "SET completed = schedule_add_completions(a.days, a.completed, m.done) "
                        + "FROM (SELECT tenant_id, athlete_id, array_agg(scheduled_date) AS done FROM marked "
                        + "GROUP BY tenant_id, athlete_id) m WHERE a.tenant_id = m.tenant_id AND a.athlete_id = m.athlete_id) "
                        + "SELECT tenant_id, session_id, existed FROM saved")) {
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
            st.setArray(11, texts(c, facts, SessionFact::skipReason));
            st.setArray(12, texts(c, facts, SessionFact::revision));
            st.setArray(13, texts(c, facts, SessionFact::eventTime));
            st.setArray(14, texts(c, facts, SessionFact::eventSource));
            st.setArray(15, texts(c, facts, SessionFact::eventId));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    TenantKey key = new TenantKey(rs.getString(1), rs.getString(2));
                    stored.add(key);
                    if (rs.getBoolean(3)) {
                        replaced.add(key);
                    }
                }
            }
        }
        return new SavedSessions(stored, replaced);
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
            // COPY rather than INSERT … SELECT unnest(arrays): a batch's rows (about three per completion) in about
            // two thirds of the time, as nothing is parsed twice. Nothing here can collide with a stored row: the
            // rows of a session stored before were deleted above, and a batch holds one set of rows per session
            // (bench/run ingestion, PostgreSQL's statement log: 55 ms for 2,100 rows with INSERT … ON CONFLICT).
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY exercise_volume (tenant_id, session_id, "
                    + "exercise_id, athlete_id, activity_date, exercise_name, pattern, muscles, sets, reps, hold_seconds) "
                    + "FROM STDIN");
            try {
                StringBuilder chunk = new StringBuilder(64 * 1024);
                for (ExerciseVolumeRow r : rows) {
                    copyField(chunk, r.tenant()).append('\t');
                    copyField(chunk, r.sessionId()).append('\t');
                    copyField(chunk, r.exerciseId()).append('\t');
                    copyField(chunk, r.athleteId()).append('\t');
                    copyField(chunk, r.date() == null ? null : r.date().toString()).append('\t');
                    copyField(chunk, r.name()).append('\t');
                    copyField(chunk, r.pattern()).append('\t');
                    copyField(chunk, r.musclesJson()).append('\t');
                    chunk.append(r.sets()).append('\t').append(r.reps()).append('\t').append(r.holdSeconds()).append('\n');
                    if (chunk.length() > 60 * 1024) {
                        writeCopy(copy, chunk);
                    }
                }
                writeCopy(copy, chunk);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

    /** A value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
    private static StringBuilder copyField(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        // values almost never hold a character to escape: copy the runs between such characters whole, as
        // appending char by char took a tenth of the service's CPU time while ingesting
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            String escaped = switch (value.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                out.append(value, run, i).append(escaped);
                run = i + 1;
            }
        }
        return run == 0 ? out.append(value) : out.append(value, run, value.length());
    }

    private static void writeCopy(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    public void linkCoaches(Set<List<String>> tenantAthleteCoach) throws SQLException {
        if (tenantAthleteCoach.isEmpty()) {
            return;
        }
        List<List<String>> links = new ArrayList<>(tenantAthleteCoach);
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("INSERT INTO athlete_coach (tenant_id, athlete_id, coach_id) "
                        + "SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) ON CONFLICT DO NOTHING")) {
            st.setArray(1, texts(c, links, l -> l.get(0)));
            st.setArray(2, texts(c, links, l -> l.get(1)));
            st.setArray(3, texts(c, links, l -> l.get(2)));
            st.executeUpdate();
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
            if (rows.isEmpty()) {
                return;
            }
            // a session completed before its plan arrived is already in session_fact: the schedule starts out knowing it
            try (PreparedStatement st = c.prepareStatement("INSERT INTO scheduled_session (tenant_id, assignment_id, "
                    + "session_id, athlete_id, scheduled_date, completed) SELECT u.t, u.a, u.s, u.athlete, u.d, "
                    + "EXISTS (SELECT 1 FROM session_fact f WHERE f.tenant_id = u.t AND f.session_id = u.s "
                    + "AND f.status = 'completed') FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
                    + "?::date[]) AS u(t, a, s, athlete, d) ON CONFLICT DO NOTHING")) {
                st.setArray(1, texts(c, rows, ScheduledRow::tenant));
                st.setArray(2, texts(c, rows, ScheduledRow::assignmentId));
                st.setArray(3, texts(c, rows, ScheduledRow::sessionId));
                st.setArray(4, texts(c, rows, ScheduledRow::athleteId));
                st.setArray(5, texts(c, rows, ScheduledRow::date));
                st.executeUpdate();
            }
        }
    }

    /**
     * Rewrites the schedule rows of these athletes from their scheduled sessions (after their schedules were
     * replaced); an athlete with nothing scheduled any more has no row.
     */
    public void rewriteAthleteSchedules(Collection<TenantKey> athletes) throws SQLException {
        if (athletes.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            java.sql.Array tenants = c.createArrayOf("varchar", athletes.stream().map(TenantKey::tenant).toArray());
            java.sql.Array ids = c.createArrayOf("varchar", athletes.stream().map(TenantKey::id).toArray());
            try (PreparedStatement del = c.prepareStatement("DELETE FROM athlete_schedule a USING "
                    + "unnest(?::varchar[], ?::varchar[]) AS k(tenant_id, athlete_id) "
                    + "WHERE a.tenant_id = k.tenant_id AND a.athlete_id = k.athlete_id")) {
                del.setArray(1, tenants);
                del.setArray(2, ids);
                del.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(ATHLETE_SCHEDULE_SELECT
                    + "JOIN unnest(?::varchar[], ?::varchar[]) AS k(tenant_id, athlete_id) "
                    + "ON s.tenant_id = k.tenant_id AND s.athlete_id = k.athlete_id "
                    + "GROUP BY s.tenant_id, s.athlete_id, s.scheduled_date) d GROUP BY tenant_id, athlete_id")) {
                st.setArray(1, tenants);
                st.setArray(2, ids);
                st.executeUpdate();
            }
        }
    }

    /**
     * The head of the statement that writes schedule rows from scheduled sessions (the benchmark's loader,
     * bench DashboardScenario, writes its rows with the same SQL: keep them in step).
     */
    public static final String ATHLETE_SCHEDULE_SELECT = "INSERT INTO athlete_schedule (tenant_id, athlete_id, days, "
            + "scheduled, completed) SELECT tenant_id, athlete_id, array_agg(day ORDER BY day), array_agg(n ORDER BY day), "
            + "array_agg(done ORDER BY day) FROM (SELECT s.tenant_id, s.athlete_id, s.scheduled_date AS day, "
            + "count(*)::integer AS n, (count(*) FILTER (WHERE s.completed))::integer AS done FROM scheduled_session s ";

    /** How many completed sessions an athlete's recent row keeps: the dashboard's trends show six. */
    public static final int RECENT_SESSIONS = 6;
    /** How many days of volume an athlete's recent row keeps, ending today: the current week fits. */
    public static final int RECENT_VOLUME_DAYS = 14;

    /**
     * Rewrites the recent row of these athletes (latest sessions, volume per day since {@code since}) from
     * session_fact and exercise_volume, one statement for all. The benchmark's loader (bench DashboardScenario)
     * writes its rows with the same SQL over every athlete: keep them in step.
     */
    public void rewriteAthleteRecent(Collection<TenantKey> athletes, LocalDate since) throws SQLException {
        if (athletes.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO athlete_recent "
                + "SELECT k.tenant_id, k.athlete_id, r.*, v.* FROM unnest(?::varchar[], ?::varchar[]) AS k(tenant_id, athlete_id) "
                + RECENT_LATERALS + "ON CONFLICT (tenant_id, athlete_id) DO UPDATE SET session_ids = EXCLUDED.session_ids, "
                + "dates = EXCLUDED.dates, completed_at = EXCLUDED.completed_at, rpe = EXCLUDED.rpe, pain = EXCLUDED.pain, "
                + "pain_areas = EXCLUDED.pain_areas, volume_days = EXCLUDED.volume_days, "
                + "volume_sessions = EXCLUDED.volume_sessions, volume_sets = EXCLUDED.volume_sets, "
                + "volume_reps = EXCLUDED.volume_reps, volume_holds = EXCLUDED.volume_holds")) {
            st.setArray(1, c.createArrayOf("varchar", athletes.stream().map(TenantKey::tenant).toArray()));
            st.setArray(2, c.createArrayOf("varchar", athletes.stream().map(TenantKey::id).toArray()));
            st.setObject(3, since);
            st.executeUpdate();
        }
    }

    /** One athlete's volume on one day from the sessions of a batch: sessions with volume, and their totals. */
    public record DayVolumeRow(String tenant, String athleteId, LocalDate date, int sessions, int sets, int reps,
            int holdSeconds) {
    }

    /**
     * Merges a batch's new completions into their athletes' recent rows: the latest sessions of the row and of
     * the batch together, and the batch's volume added to its days, without visiting the facts. Only for
     * sessions stored for the first time: a replaced session's old figures are in the row, so its athlete's
     * row is rewritten from the facts instead ({@link #rewriteAthleteRecent}).
     * <p>
     * Each athlete's arrays are aggregated from rows already in order (an ordered subquery feeding a plain
     * aggregate, which PostgreSQL reads in that order) rather than with {@code ORDER BY} inside each of the
     * eleven aggregates, which sorts once per aggregate: about a fifth less time for the statement that costs
     * ingestion most (a batch of 700 athletes: 60 to 79 ms with eleven sorts, 49 to 54 ms with two).
     */
    public void mergeAthleteRecent(List<SessionFact> completed, List<DayVolumeRow> volumes, LocalDate since)
            throws SQLException {
        if (completed.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("WITH s AS ("
                + "SELECT t, a, array_agg(sid) AS sids, array_agg(d) AS ds, array_agg(at) AS ats, array_agg(rpe) AS rpes, "
                + "array_agg(pain) AS pains, array_agg(area) AS areas FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], "
                + "?::date[], ?::timestamptz[], ?::numeric[], ?::integer[], ?::varchar[]) AS u(t, a, sid, d, at, rpe, pain, area) "
                + "GROUP BY t, a), "
                + "v AS (SELECT t, a, array_agg(day) AS days, array_agg(n) AS ns, array_agg(sets) AS setss, "
                + "array_agg(reps) AS repss, array_agg(holds) AS holdss FROM unnest(?::varchar[], ?::varchar[], ?::date[], "
                + "?::integer[], ?::integer[], ?::integer[], ?::integer[]) AS u(t, a, day, n, sets, reps, holds) GROUP BY t, a) "
                + "INSERT INTO athlete_recent SELECT s.t, s.a, r.*, w.* FROM s "
                + "LEFT JOIN v ON v.t = s.t AND v.a = s.a "
                + "LEFT JOIN athlete_recent o ON o.tenant_id = s.t AND o.athlete_id = s.a "
                + "CROSS JOIN LATERAL (SELECT coalesce(array_agg(x.sid), '{}'), "
                + "coalesce(array_agg(x.d), '{}'), coalesce(array_agg(x.at), '{}'), "
                + "coalesce(array_agg(x.rpe), '{}'), coalesce(array_agg(x.pain), '{}'), "
                + "coalesce(array_agg(x.area), '{}') FROM (SELECT * FROM (SELECT * FROM ("
                + "SELECT * FROM unnest(s.sids, s.ds, s.ats, s.rpes, s.pains, s.areas) AS n(sid, d, at, rpe, pain, area) "
                + "UNION ALL SELECT * FROM unnest(o.session_ids, o.dates, o.completed_at, o.rpe, o.pain, o.pain_areas) "
                + "AS p(sid, d, at, rpe, pain, area) WHERE NOT (p.sid = ANY(s.sids))) y "
                + "ORDER BY y.at DESC, y.sid DESC LIMIT " + RECENT_SESSIONS + ") latest ORDER BY latest.at, latest.sid) x) r "
                + "CROSS JOIN LATERAL (SELECT coalesce(array_agg(z.day), '{}'), "
                + "coalesce(array_agg(z.n), '{}'), coalesce(array_agg(z.sets), '{}'), "
                + "coalesce(array_agg(z.reps), '{}'), coalesce(array_agg(z.holds), '{}') "
                + "FROM (SELECT q.day, sum(q.n)::integer AS n, sum(q.sets)::integer AS sets, sum(q.reps)::integer AS reps, "
                + "sum(q.holds)::integer AS holds FROM (SELECT * FROM unnest(v.days, v.ns, v.setss, v.repss, v.holdss) "
                + "AS b(day, n, sets, reps, holds) UNION ALL SELECT * FROM unnest(o.volume_days, o.volume_sessions, "
                + "o.volume_sets, o.volume_reps, o.volume_holds) AS e(day, n, sets, reps, holds)) q "
                + "WHERE q.day >= ? GROUP BY q.day ORDER BY q.day) z) w "
                + "ON CONFLICT (tenant_id, athlete_id) DO UPDATE SET session_ids = EXCLUDED.session_ids, "
                + "dates = EXCLUDED.dates, completed_at = EXCLUDED.completed_at, rpe = EXCLUDED.rpe, pain = EXCLUDED.pain, "
                + "pain_areas = EXCLUDED.pain_areas, volume_days = EXCLUDED.volume_days, "
                + "volume_sessions = EXCLUDED.volume_sessions, volume_sets = EXCLUDED.volume_sets, "
                + "volume_reps = EXCLUDED.volume_reps, volume_holds = EXCLUDED.volume_holds")) {
            st.setArray(1, texts(c, completed, SessionFact::tenant));
            st.setArray(2, texts(c, completed, SessionFact::athleteId));
            st.setArray(3, texts(c, completed, SessionFact::sessionId));
            st.setArray(4, texts(c, completed, f -> f.occurredAt().toLocalDate()));
            st.setArray(5, texts(c, completed, SessionFact::occurredAt));
            st.setArray(6, texts(c, completed, SessionFact::rpe));
            st.setArray(7, texts(c, completed, SessionFact::pain));
            st.setArray(8, texts(c, completed, SessionFact::painArea));
            st.setArray(9, texts(c, volumes, DayVolumeRow::tenant));
            st.setArray(10, texts(c, volumes, DayVolumeRow::athleteId));
            st.setArray(11, texts(c, volumes, DayVolumeRow::date));
            st.setArray(12, c.createArrayOf("integer", volumes.stream().map(DayVolumeRow::sessions).toArray()));
            st.setArray(13, c.createArrayOf("integer", volumes.stream().map(DayVolumeRow::sets).toArray()));
            st.setArray(14, c.createArrayOf("integer", volumes.stream().map(DayVolumeRow::reps).toArray()));
            st.setArray(15, c.createArrayOf("integer", volumes.stream().map(DayVolumeRow::holdSeconds).toArray()));
            st.setObject(16, since);
            st.executeUpdate();
        }
    }

    /** The latest sessions (one index walk per athlete) and the volume per day since the parameter. */
    static final String RECENT_LATERALS = "CROSS JOIN LATERAL (SELECT "
            + "coalesce(array_agg(f.session_id ORDER BY f.occurred_at, f.session_id), '{}'), "
            + "coalesce(array_agg(f.activity_date ORDER BY f.occurred_at, f.session_id), '{}'), "
            + "coalesce(array_agg(f.occurred_at ORDER BY f.occurred_at, f.session_id), '{}'), "
            + "coalesce(array_agg(f.session_rpe ORDER BY f.occurred_at, f.session_id), '{}'), "
            + "coalesce(array_agg(f.pain_score ORDER BY f.occurred_at, f.session_id), '{}'), "
            + "coalesce(array_agg(f.pain_area ORDER BY f.occurred_at, f.session_id), '{}') "
            + "FROM (SELECT * FROM session_fact s WHERE s.tenant_id = k.tenant_id AND s.athlete_id = k.athlete_id "
            + "AND s.status = 'completed' ORDER BY s.occurred_at DESC, s.session_id DESC LIMIT " + RECENT_SESSIONS + ") f) r "
            + "CROSS JOIN LATERAL (SELECT coalesce(array_agg(d.day ORDER BY d.day), '{}'), "
            + "coalesce(array_agg(d.n ORDER BY d.day), '{}'), coalesce(array_agg(d.sets ORDER BY d.day), '{}'), "
            + "coalesce(array_agg(d.reps ORDER BY d.day), '{}'), coalesce(array_agg(d.holds ORDER BY d.day), '{}') "
            + "FROM (SELECT e.activity_date AS day, count(DISTINCT e.session_id)::integer AS n, sum(e.sets)::integer AS sets, "
            + "sum(e.reps)::integer AS reps, sum(e.hold_seconds)::integer AS holds FROM exercise_volume e "
            + "WHERE e.tenant_id = k.tenant_id AND e.athlete_id = k.athlete_id AND e.activity_date >= ? "
            + "GROUP BY e.activity_date) d) v ";

    /**
     * Records that this transaction changed what dashboards show of these athletes, so that answers kept from
     * before are computed again (see V4__athlete_revision.sql). Rows are taken in key order, as every
     * transaction that calls this does, so that two of them never wait for each other in a circle.
     */
    public void markRevised(Collection<TenantKey> athletes) throws SQLException {
        if (athletes.isEmpty()) {
            return;
        }
        List<TenantKey> keys = new ArrayList<>(new java.util.TreeSet<>(athletes));
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO athlete_revision (tenant_id, athlete_id, revision) SELECT t, a, pg_current_xact_id()::text::bigint "
                        + "FROM unnest(?::varchar[], ?::varchar[]) WITH ORDINALITY AS u(t, a, i) ORDER BY i "
                        + "ON CONFLICT (tenant_id, athlete_id) DO UPDATE SET revision = EXCLUDED.revision")) {
            st.setArray(1, texts(c, keys, TenantKey::tenant));
            st.setArray(2, texts(c, keys, TenantKey::id));
            st.executeUpdate();
        }
    }

    /** The slugs of those of these exercise keys that are catalog ids. */
    public java.util.Map<String, String> slugs(Collection<String> keys) throws SQLException {
        java.util.Map<String, String> slugs = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return slugs;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT exercise_id, slug FROM exercise_ref WHERE exercise_id = ANY(?::varchar[])")) {
            st.setArray(1, c.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    slugs.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return slugs;
    }

    /**
     * Learns a catalog exercise's slug and moves the volume stored under its id to its slug, adding it to volume the
     * same session already has under the slug. Returns the athletes whose rows moved.
     */
    public Set<TenantKey> learnSlug(String exerciseId, String slug) throws SQLException {
        Set<TenantKey> moved = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            // a slug known already (a restart, a republished exercise) has nothing to move: no scan, no lock
            try (PreparedStatement st = c.prepareStatement("INSERT INTO exercise_ref (exercise_id, slug) VALUES (?, ?) "
                    + "ON CONFLICT (exercise_id) DO UPDATE SET slug = EXCLUDED.slug WHERE exercise_ref.slug <> EXCLUDED.slug")) {
                st.setString(1, exerciseId);
                st.setString(2, slug);
                if (st.executeUpdate() == 0 || exerciseId.equals(slug)) {
                    return moved;
                }
            }
            // alone against ingestion's transactions, so that none stores a row under the id after this moves them
            lockScheduleCompletion(true);
            try (PreparedStatement st = c.prepareStatement("WITH old AS (DELETE FROM exercise_volume WHERE exercise_id = ? "
                    + "RETURNING *) INSERT INTO exercise_volume (tenant_id, session_id, exercise_id, athlete_id, activity_date, "
                    + "exercise_name, pattern, muscles, sets, reps, hold_seconds) SELECT tenant_id, session_id, ?, athlete_id, "
                    + "activity_date, exercise_name, pattern, muscles, sets, reps, hold_seconds FROM old "
                    + "ON CONFLICT (tenant_id, session_id, exercise_id) DO UPDATE SET sets = exercise_volume.sets + EXCLUDED.sets, "
                    + "reps = exercise_volume.reps + EXCLUDED.reps, hold_seconds = exercise_volume.hold_seconds + EXCLUDED.hold_seconds "
                    + "RETURNING tenant_id, athlete_id")) {
                st.setString(1, exerciseId);
                st.setString(2, slug);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        moved.add(new TenantKey(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        return moved;
    }

    /** Empties every projection before a rebuild; raised flags stay so that unchanged flags keep their ids. */
    public void truncateProjections() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "TRUNCATE processed_event, athlete_organisation, plan_event, scheduled_session, athlete_schedule, athlete_coach, session_fact, "
                        + "exercise_volume, athlete_recent, athlete_revision")) {
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
