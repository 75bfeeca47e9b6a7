package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.TenantKey;

/** The plan events of every assignment ({@code plan_event}), from which its schedule is derived. */
@ApplicationScoped
public class PlanEventRepository {

    @Inject
    DataSource dataSource;

    /** A plan event as stored, the raw material of the schedule. */
    public record PlanEventRow(String tenant, String eventId, String assignmentId, String athleteId, String coachId,
            String type, LocalDate effectiveFrom, OffsetDateTime time, String sessionsJson) {
    }

    /** The athlete each of these assignments (tenant, assignment id) belongs to, for those with plan events. */
    public Map<TenantKey, String> assignmentOwners(Collection<TenantKey> assignments) throws SQLException {
        return Jdbc.owners(dataSource, assignments, "SELECT DISTINCT p.tenant_id, p.assignment_id, p.athlete_id FROM plan_event p "
                + "JOIN unnest(?::varchar[], ?::varchar[]) AS k(t, a) ON p.tenant_id = k.t AND p.assignment_id = k.a");
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
            Jdbc.bindKeys(st, c, assignments);
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

    private static void setDate(PreparedStatement st, int index, LocalDate date) throws SQLException {
        if (date == null) {
            st.setNull(index, Types.DATE);
        } else {
            st.setObject(index, date);
        }
    }
}
