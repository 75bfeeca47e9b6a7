package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.TenantKey;

/** Writes the sessions each schedule expects ({@code scheduled_session}) and each athlete's schedule row ({@code athlete_schedule}). */
@ApplicationScoped
public class ScheduleRepository {

    @Inject
    DataSource dataSource;

    /** A session the schedule expects on a day, with the title its plan gives it. */
    public record ScheduledRow(String tenant, String assignmentId, String sessionId, String athleteId, LocalDate date,
            String title) {
    }

    public void replaceSchedules(Collection<TenantKey> assignments, List<ScheduledRow> rows) throws SQLException {
        if (assignments.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM scheduled_session s USING "
                    + "unnest(?::varchar[], ?::varchar[]) AS k(tenant_id, assignment_id) "
                    + "WHERE s.tenant_id = k.tenant_id AND s.assignment_id = k.assignment_id")) {
                Jdbc.bindKeys(del, c, assignments);
                del.executeUpdate();
            }
            if (rows.isEmpty()) {
                return;
            }
            // a session completed before its plan arrived is already in session_fact: the schedule starts out knowing it
            try (PreparedStatement st = c.prepareStatement("INSERT INTO scheduled_session (tenant_id, assignment_id, "
                    + "session_id, athlete_id, scheduled_date, title, completed) SELECT u.t, u.a, u.s, u.athlete, u.d, "
                    + "u.title, EXISTS (SELECT 1 FROM session_fact f WHERE f.tenant_id = u.t AND f.session_id = u.s "
                    + "AND f.status = 'completed') FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
                    + "?::date[], ?::varchar[]) AS u(t, a, s, athlete, d, title) ON CONFLICT DO NOTHING")) {
                Jdbc.bindTexts(st, c, rows, ScheduledRow::tenant, ScheduledRow::assignmentId, ScheduledRow::sessionId,
                        ScheduledRow::athleteId, ScheduledRow::date, ScheduledRow::title);
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
            try (PreparedStatement del = c.prepareStatement("DELETE FROM athlete_schedule a USING "
                    + "unnest(?::varchar[], ?::varchar[]) AS k(tenant_id, athlete_id) "
                    + "WHERE a.tenant_id = k.tenant_id AND a.athlete_id = k.athlete_id")) {
                Jdbc.bindKeys(del, c, athletes);
                del.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(ATHLETE_SCHEDULE_SELECT
                    + "JOIN unnest(?::varchar[], ?::varchar[]) AS k(tenant_id, athlete_id) "
                    + "ON s.tenant_id = k.tenant_id AND s.athlete_id = k.athlete_id "
                    + "GROUP BY s.tenant_id, s.athlete_id, s.scheduled_date) d GROUP BY tenant_id, athlete_id")) {
                Jdbc.bindKeys(st, c, athletes);
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
}
