package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.SessionFact;
import dev.medius.progress.domain.TenantKey;

/** Stores the sessions completed or skipped ({@code session_fact}), each with its athlete for good. */
@ApplicationScoped
public class SessionFactRepository {

    @Inject
    DataSource dataSource;

    /** What saving a batch's sessions did: the sessions written, and those of them that replaced a stored version. */
    public record SavedSessions(Set<TenantKey> stored, Set<TenantKey> replaced) {
    }

    /** The athlete each of these sessions (tenant, session id) is stored for, for those stored. */
    public Map<TenantKey, String> sessionOwners(Collection<TenantKey> sessions) throws SQLException {
        return Jdbc.owners(dataSource, sessions, "SELECT f.tenant_id, f.session_id, f.athlete_id FROM session_fact f "
                + "JOIN unnest(?::varchar[], ?::varchar[]) AS k(t, s) ON f.tenant_id = k.t AND f.session_id = k.s");
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
                        + "notes, duration_minutes, revision, event_time, event_source, event_id) "
                        + "SELECT t, s, a, st, sd::date, oa::timestamptz, ad::date, rpe::numeric, pain::integer, area, why, "
                        + "note, mins::integer, rev::integer, et::timestamptz, es, ei "
                        + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[]) AS u(t, s, a, st, sd, oa, ad, rpe, pain, area, why, note, mins, rev, et, es, ei) "
                        + "ON CONFLICT (tenant_id, session_id) DO UPDATE SET "
                        + "status = EXCLUDED.status, scheduled_date = EXCLUDED.scheduled_date, "
                        + "occurred_at = EXCLUDED.occurred_at, activity_date = EXCLUDED.activity_date, "
                        + "session_rpe = EXCLUDED.session_rpe, pain_score = EXCLUDED.pain_score, pain_area = EXCLUDED.pain_area, "
                        + "skip_reason = EXCLUDED.skip_reason, notes = EXCLUDED.notes, "
                        + "duration_minutes = EXCLUDED.duration_minutes, revision = EXCLUDED.revision, "
                        + "event_time = EXCLUDED.event_time, "
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
            Jdbc.bindTexts(st, c, facts, SessionFact::tenant, SessionFact::sessionId, SessionFact::athleteId,
                    SessionFact::status, SessionFact::scheduledDate, SessionFact::occurredAt,
                    f -> f.occurredAt().toLocalDate(), SessionFact::rpe, SessionFact::pain, SessionFact::painArea,
                    SessionFact::skipReason, SessionFact::notes, SessionFact::durationMinutes, SessionFact::revision,
                    SessionFact::eventTime, SessionFact::eventSource, SessionFact::eventId);
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
}
