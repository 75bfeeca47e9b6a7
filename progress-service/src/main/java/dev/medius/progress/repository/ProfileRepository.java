package dev.medius.progress.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Athletes' names, teams and sports ({@code athlete_profile}), as routine-service last published them. */
@ApplicationScoped
public class ProfileRepository {

    @Inject
    DataSource dataSource;

    public record ProfileRow(String tenant, String athleteId, String displayName, String teamId, String teamName,
            String sport, long revision, OffsetDateTime updatedAt) {
    }

    /** Keeps each profile unless a higher revision is already stored; returns whether it was stored. */
    public boolean save(ProfileRow row) {
        List<String> stored = Jdbc.strings(dataSource, "INSERT INTO athlete_profile (tenant_id, athlete_id, display_name, "
                + "team_id, team_name, sport, revision, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (tenant_id, athlete_id) DO UPDATE SET display_name = EXCLUDED.display_name, "
                + "team_id = EXCLUDED.team_id, team_name = EXCLUDED.team_name, sport = EXCLUDED.sport, "
                + "revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at "
                + "WHERE athlete_profile.revision < EXCLUDED.revision RETURNING athlete_id", row.tenant(), row.athleteId(),
                row.displayName(), row.teamId(), row.teamName(), row.sport(), row.revision(), row.updatedAt());
        return !stored.isEmpty();
    }

    public Map<String, ProfileRow> profiles(String tenant, Collection<String> athletes) {
        Map<String, ProfileRow> result = new HashMap<>();
        Jdbc.query(dataSource, "SELECT athlete_id, display_name, team_id, team_name, sport, revision, updated_at "
                + "FROM athlete_profile WHERE tenant_id = ? AND athlete_id = ANY(?)",
                rs -> result.put(rs.getString(1), new ProfileRow(tenant, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), Jdbc.utc(rs.getObject(7, OffsetDateTime.class)))),
                tenant, athletes);
        return result;
    }
}
