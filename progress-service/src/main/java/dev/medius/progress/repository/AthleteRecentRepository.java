package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.SessionFact;
import dev.medius.progress.domain.SessionPoint;
import dev.medius.progress.domain.TenantKey;

/**
 * Each athlete's recent row ({@code athlete_recent}): their latest completed sessions and their volume per day, kept
 * at ingestion so that a roster read does not visit the facts.
 */
@ApplicationScoped
public class AthleteRecentRepository {

    @Inject
    DataSource dataSource;

    /** Ends an insert of recent rows: a row already there is replaced whole. */
    private static final String REPLACE_ROW = "ON CONFLICT (tenant_id, athlete_id) DO UPDATE SET "
            + "session_ids = EXCLUDED.session_ids, dates = EXCLUDED.dates, completed_at = EXCLUDED.completed_at, "
            + "rpe = EXCLUDED.rpe, pain = EXCLUDED.pain, pain_areas = EXCLUDED.pain_areas, volume_days = EXCLUDED.volume_days, "
            + "volume_sessions = EXCLUDED.volume_sessions, volume_sets = EXCLUDED.volume_sets, "
            + "volume_reps = EXCLUDED.volume_reps, volume_holds = EXCLUDED.volume_holds";

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
                + RECENT_LATERALS + REPLACE_ROW)) {
            Jdbc.bindKeys(st, c, athletes);
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
     * eleven aggregates, which sorts once per aggregate: this is the statement that costs ingestion most.
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
                + REPLACE_ROW)) {
            int next = Jdbc.bindTexts(st, c, completed, SessionFact::tenant, SessionFact::athleteId, SessionFact::sessionId,
                    f -> f.occurredAt().toLocalDate(), SessionFact::occurredAt, SessionFact::rpe, SessionFact::pain,
                    SessionFact::painArea);
            next = Jdbc.bindTexts(st, next, c, volumes, DayVolumeRow::tenant, DayVolumeRow::athleteId, DayVolumeRow::date);
            next = Jdbc.bindInts(st, next, c, volumes, DayVolumeRow::sessions, DayVolumeRow::sets, DayVolumeRow::reps,
                    DayVolumeRow::holdSeconds);
            st.setObject(next, since);
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

    /** The latest completed sessions per athlete (oldest first), from their recent row kept at ingestion. */
    public Map<String, List<SessionPoint>> recentFromRollup(String tenant, Collection<String> athletes) {
        Map<String, List<SessionPoint>> result = new HashMap<>();
        Jdbc.query(dataSource, "SELECT a.athlete_id, u.session_id, u.day, u.at, u.rpe, u.pain, u.area FROM athlete_recent a, "
                + "unnest(a.session_ids, a.dates, a.completed_at, a.rpe, a.pain, a.pain_areas) WITH ORDINALITY "
                + "AS u(session_id, day, at, rpe, pain, area, i) WHERE a.tenant_id = ? AND a.athlete_id = ANY(?) "
                + "ORDER BY a.athlete_id, u.i",
                rs -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Jdbc.sessionPoint(rs, 2)),
                tenant, athletes);
        return result;
    }

    /** Sessions, sets, reps and hold seconds per athlete over [from, to], from their recent row kept at ingestion. */
    public Map<String, int[]> volumeFromRollup(String tenant, Collection<String> athletes, LocalDate from, LocalDate to) {
        Map<String, int[]> result = new HashMap<>();
        Jdbc.query(dataSource, "SELECT a.athlete_id, coalesce(sum(v.n), 0), coalesce(sum(v.sets), 0), coalesce(sum(v.reps), 0), "
                + "coalesce(sum(v.holds), 0) FROM athlete_recent a, unnest(a.volume_days, a.volume_sessions, a.volume_sets, "
                + "a.volume_reps, a.volume_holds) AS v(day, n, sets, reps, holds) WHERE a.tenant_id = ? "
                + "AND a.athlete_id = ANY(?) AND v.day BETWEEN ? AND ? GROUP BY a.athlete_id",
                rs -> result.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5) }),
                tenant, athletes, from, to);
        return result;
    }
}
