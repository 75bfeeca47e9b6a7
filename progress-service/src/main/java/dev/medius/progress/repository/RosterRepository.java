package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.TenantKey;

/** Which coaches look after which athletes ({@code athlete_coach}), and who an organisation's athletes are. */
@ApplicationScoped
public class RosterRepository {

    @Inject
    DataSource dataSource;

    public void linkCoaches(Set<List<String>> tenantAthleteCoach) throws SQLException {
        if (tenantAthleteCoach.isEmpty()) {
            return;
        }
        List<List<String>> links = new ArrayList<>(tenantAthleteCoach);
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("INSERT INTO athlete_coach (tenant_id, athlete_id, coach_id) "
                        + "SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) ON CONFLICT DO NOTHING")) {
            st.setArray(1, Jdbc.texts(c, links, l -> l.get(0)));
            st.setArray(2, Jdbc.texts(c, links, l -> l.get(1)));
            st.setArray(3, Jdbc.texts(c, links, l -> l.get(2)));
            st.executeUpdate();
        }
    }

    /** Athletes a coach looks after. */
    public List<String> athletesOfCoach(String tenant, String coach) {
        return Jdbc.strings(dataSource, "SELECT athlete_id FROM athlete_coach WHERE tenant_id = ? AND coach_id = ? ORDER BY athlete_id",
                tenant, coach);
    }

    /** Every athlete the tenant has facts about. */
    public List<String> athletesOfTenant(String tenant) {
        return Jdbc.strings(dataSource, "SELECT athlete_id FROM athlete_coach WHERE tenant_id = ? UNION "
                + "SELECT athlete_id FROM session_fact WHERE tenant_id = ? UNION "
                + "SELECT athlete_id FROM scheduled_session WHERE tenant_id = ? ORDER BY 1", tenant, tenant, tenant);
    }

    public boolean athleteExists(String tenant, String athlete) {
        return !Jdbc.strings(dataSource, "SELECT athlete_id FROM athlete_coach WHERE tenant_id = ? AND athlete_id = ? UNION "
                + "SELECT athlete_id FROM session_fact WHERE tenant_id = ? AND athlete_id = ? UNION "
                + "SELECT athlete_id FROM scheduled_session WHERE tenant_id = ? AND athlete_id = ?",
                tenant, athlete, tenant, athlete, tenant, athlete).isEmpty();
    }

    public boolean coachesAthlete(String tenant, String coach, String athlete) {
        return !Jdbc.strings(dataSource, "SELECT athlete_id FROM athlete_coach WHERE tenant_id = ? AND coach_id = ? AND athlete_id = ?",
                tenant, coach, athlete).isEmpty();
    }

    /** Coaches per athlete, sorted. */
    public Map<String, List<String>> coaches(String tenant, Collection<String> athletes) {
        Map<String, List<String>> result = new HashMap<>();
        Jdbc.query(dataSource, "SELECT athlete_id, coach_id FROM athlete_coach WHERE tenant_id = ? AND athlete_id = ANY(?) "
                + "ORDER BY athlete_id, coach_id", rs -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)), tenant, athletes);
        return result;
    }

    /** The coach named by the athlete's most recent plan event, else any coach linked to them. */
    public String primaryCoach(String tenant, String athlete) {
        List<String> fromPlans = Jdbc.strings(dataSource, "SELECT coach_id FROM plan_event WHERE tenant_id = ? AND athlete_id = ? "
                + "ORDER BY event_time DESC NULLS LAST, event_id DESC LIMIT 1", tenant, athlete);
        if (!fromPlans.isEmpty()) {
            return fromPlans.get(0);
        }
        List<String> linked = Jdbc.strings(dataSource, "SELECT coach_id FROM athlete_coach WHERE tenant_id = ? AND athlete_id = ? "
                + "ORDER BY coach_id LIMIT 1", tenant, athlete);
        return linked.isEmpty() ? null : linked.get(0);
    }

    /** Every (tenant, athlete) with facts, for the periodic evaluation and after a rebuild. */
    public List<TenantKey> allAthletes() {
        List<TenantKey> result = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT tenant_id, athlete_id FROM athlete_coach UNION SELECT tenant_id, athlete_id FROM session_fact "
                + "UNION SELECT tenant_id, athlete_id FROM scheduled_session UNION "
                + "SELECT tenant_id, athlete_id FROM athlete_flag ORDER BY 1, 2",
                rs -> result.add(new TenantKey(rs.getString(1), rs.getString(2))));
        return result;
    }
}
