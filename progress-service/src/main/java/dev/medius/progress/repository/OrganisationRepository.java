package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The organisation each athlete belongs to ({@code athlete_organisation}), learnt from their first plan event. */
@ApplicationScoped
public class OrganisationRepository {

    @Inject
    DataSource dataSource;

    /**
     * Registers athletes with the organisation of their first plan event (athlete id to tenant), unless they belong to
     * one already; then returns the organisation of each of the athletes asked about that has one.
     */
    public Map<String, String> organisations(Map<String, String> register, Collection<String> athletes)
            throws SQLException {
        Map<String, String> organisations = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            if (!register.isEmpty()) {
                // sorted, so that two transactions registering the same athletes never wait for each other in a circle
                List<Map.Entry<String, String>> rows = new ArrayList<>(new TreeMap<>(register).entrySet());
                try (PreparedStatement st = c.prepareStatement("INSERT INTO athlete_organisation (athlete_id, tenant_id) "
                        + "SELECT * FROM unnest(?::varchar[], ?::varchar[]) ON CONFLICT (athlete_id) DO NOTHING")) {
                    st.setArray(1, Jdbc.texts(c, rows, Map.Entry::getKey));
                    st.setArray(2, Jdbc.texts(c, rows, Map.Entry::getValue));
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
}
