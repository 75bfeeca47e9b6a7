package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.TenantKey;

/**
 * Each athlete's revision ({@code athlete_revision}, see V4__athlete_revision.sql): a new one in every transaction
 * that changes what dashboards show of them, so that answers kept from before are computed again.
 */
@ApplicationScoped
public class RevisionRepository {

    /** A coach's athletes, each with their revision (null for none). */
    private static final String COACHED = "SELECT c.athlete_id, r.revision FROM athlete_coach c LEFT JOIN athlete_revision r "
            + "ON r.tenant_id = c.tenant_id AND r.athlete_id = c.athlete_id WHERE c.tenant_id = ? AND c.coach_id = ? ";

    @Inject
    DataSource dataSource;

    /**
     * Records that this transaction changed what dashboards show of these athletes. Rows are taken in key order, as
     * every transaction that calls this does, so that two of them never wait for each other in a circle.
     */
    public void markRevised(Collection<TenantKey> athletes) throws SQLException {
        if (athletes.isEmpty()) {
            return;
        }
        List<TenantKey> keys = new ArrayList<>(new TreeSet<>(athletes));
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO athlete_revision (tenant_id, athlete_id, revision) SELECT t, a, pg_current_xact_id()::text::bigint "
                        + "FROM unnest(?::varchar[], ?::varchar[]) WITH ORDINALITY AS u(t, a, i) ORDER BY i "
                        + "ON CONFLICT (tenant_id, athlete_id) DO UPDATE SET revision = EXCLUDED.revision")) {
            Jdbc.bindTexts(st, c, keys, TenantKey::tenant, TenantKey::id);
            st.executeUpdate();
        }
    }

    /**
     * A coach's athletes with each one's revision (null for an athlete without one), ordered by athlete: what a
     * kept roster answer is checked against.
     */
    public Map<String, Long> rosterRevisions(String tenant, String coach) {
        return revisions(new LinkedHashMap<>(), COACHED + "ORDER BY c.athlete_id", tenant, coach);
    }

    /** The athlete with their revision (null for none) if the coach looks after them; else nothing. */
    public Map<String, Long> coachedRevision(String tenant, String coach, String athlete) {
        return revisions(new HashMap<>(), COACHED + "AND c.athlete_id = ?", tenant, coach, athlete);
    }

    /** The athlete's revision, or null when they have none. */
    public Long revision(String tenant, String athlete) {
        List<Long> result = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT revision FROM athlete_revision WHERE tenant_id = ? AND athlete_id = ?",
                rs -> result.add(rs.getLong(1)), tenant, athlete);
        return result.isEmpty() ? null : result.get(0);
    }

    private Map<String, Long> revisions(Map<String, Long> result, String sql, Object... params) {
        Jdbc.query(dataSource, sql, rs -> result.put(rs.getString(1), (Long) rs.getObject(2)), params);
        return result;
    }
}
