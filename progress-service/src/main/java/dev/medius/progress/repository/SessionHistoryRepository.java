package dev.medius.progress.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.SessionPoint;
import dev.medius.progress.domain.SkippedSession;

/** Reads an athlete's sessions from the facts ({@code session_fact}): completions over a span, skips and their reasons. */
@ApplicationScoped
public class SessionHistoryRepository {

    @Inject
    DataSource dataSource;

    /**
     * Per athlete, the skips recorded on or after {@code since} that give a reason, oldest first (through the
     * partial index of skipped sessions: skips are rare).
     */
    public Map<String, List<SkippedSession>> skipsWithReasonSince(String tenant, Collection<String> athletes,
            LocalDate since) {
        Map<String, List<SkippedSession>> result = new HashMap<>();
        Jdbc.query(dataSource, "SELECT athlete_id, session_id, scheduled_date, activity_date, skip_reason FROM session_fact "
                + "WHERE tenant_id = ? AND athlete_id = ANY(?) AND status = 'skipped' AND skip_reason IS NOT NULL "
                + "AND activity_date >= ? ORDER BY athlete_id, occurred_at, session_id",
                rs -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new SkippedSession(
                        rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getString(5))), tenant, athletes, since);
        return result;
    }

    /** The latest {@code limit} completed sessions per athlete, oldest first. */
    public Map<String, List<SessionPoint>> recentSessions(String tenant, Collection<String> athletes, int limit) {
        Map<String, List<SessionPoint>> result = new HashMap<>();
        // per athlete, walk the (tenant, athlete, occurred_at) index backwards and stop after `limit` rows,
        // rather than numbering every session each athlete ever did
        Jdbc.query(dataSource, "SELECT a.athlete_id, f.session_id, f.activity_date, f.occurred_at, f.session_rpe, f.pain_score, "
                + "f.pain_area FROM unnest(?::varchar[]) AS a(athlete_id) CROSS JOIN LATERAL ("
                + "SELECT session_id, activity_date, occurred_at, session_rpe, pain_score, pain_area FROM session_fact "
                + "WHERE tenant_id = ? AND athlete_id = a.athlete_id AND status = 'completed' "
                + "ORDER BY occurred_at DESC, session_id DESC LIMIT ?) f "
                + "ORDER BY a.athlete_id, f.occurred_at, f.session_id",
                rs -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Jdbc.sessionPoint(rs, 2)),
                athletes, tenant, limit);
        return result;
    }

    /** Completed sessions per athlete and day within [from, to]. */
    public List<SessionPoint> completedBetween(String tenant, String athlete, LocalDate from, LocalDate to) {
        List<SessionPoint> result = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT session_id, activity_date, occurred_at, session_rpe, pain_score, pain_area FROM session_fact "
                + "WHERE tenant_id = ? AND athlete_id = ? AND status = 'completed' AND activity_date BETWEEN ? AND ? "
                // the day is the one of the completion's own offset: two days either side of it bound the
                // (tenant, athlete, occurred_at) index range, rather than visiting every session the athlete did
                + "AND occurred_at >= ?::date - 2 AND occurred_at < ?::date + 3 "
                + "ORDER BY occurred_at, session_id", rs -> result.add(Jdbc.sessionPoint(rs, 1)),
                tenant, athlete, from, to, from, to);
        return result;
    }

    /** Days on which the athlete skipped a session within [from, to] (a later completion replaces a skip). */
    public List<LocalDate> skippedBetween(String tenant, String athlete, LocalDate from, LocalDate to) {
        List<LocalDate> result = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT coalesce(scheduled_date, activity_date) FROM session_fact WHERE tenant_id = ? AND athlete_id = ? "
                + "AND status = 'skipped' AND coalesce(scheduled_date, activity_date) BETWEEN ? AND ? ORDER BY 1",
                rs -> result.add(rs.getObject(1, LocalDate.class)), tenant, athlete, from, to);
        return result;
    }

    /** What an athlete wrote about a session: a completion's notes or a skip's reason. */
    public record NoteRow(LocalDate date, String sessionId, String status, String text) {
    }

    /** A completion's notes or a skip's reason within [from, to], newest first, at most {@code limit}. */
    public List<NoteRow> notesBetween(String tenant, String athlete, LocalDate from, LocalDate to, int limit) {
        List<NoteRow> result = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT coalesce(scheduled_date, activity_date) AS day, session_id, status, "
                + "CASE WHEN status = 'completed' THEN notes ELSE skip_reason END FROM session_fact "
                + "WHERE tenant_id = ? AND athlete_id = ? AND (notes IS NOT NULL OR skip_reason IS NOT NULL) "
                + "AND coalesce(scheduled_date, activity_date) BETWEEN ? AND ? ORDER BY day DESC, occurred_at DESC LIMIT ?",
                rs -> {
                    if (rs.getString(4) != null) {
                        result.add(new NoteRow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }, tenant, athlete, from, to, limit);
        return result;
    }

    /** A session of the athlete's schedule: its day, the title its plan gives it, and what became of it (null: nothing yet). */
    public record PlannedRow(LocalDate date, String sessionId, String title, String status) {
    }

    /** The athlete's scheduled sessions within [from, to], each with its title and stored status, by day. */
    public List<PlannedRow> plannedBetween(String tenant, String athlete, LocalDate from, LocalDate to) {
        List<PlannedRow> result = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT s.scheduled_date, s.session_id, s.title, f.status FROM scheduled_session s LEFT JOIN session_fact f ON f.tenant_id = s.tenant_id AND f.session_id = s.session_id "
                + "WHERE s.tenant_id = ? AND s.athlete_id = ? AND s.scheduled_date BETWEEN ? AND ? "
                + "ORDER BY s.scheduled_date, s.session_id",
                rs -> result.add(new PlannedRow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getString(4))), tenant, athlete, from, to);
        return result;
    }
}
