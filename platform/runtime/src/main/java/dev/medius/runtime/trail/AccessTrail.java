package dev.medius.runtime.trail;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The access trail ({@code access_trail}): one entry per answered read of athletes' health data. Entries are only
 * added; the table refuses changes and removals (a trigger) but for the purge of entries past their keeping period.
 */
@ApplicationScoped
@IfBuildProperty(name = "medius.access-trail.enabled", stringValue = "true")
public class AccessTrail {

    /** One read: who, when, what, which athletes, and the rule that allowed it. */
    public record Entry(UUID id, OffsetDateTime readAt, String reader, List<String> readerRoles, String what,
            String operation, List<String> athletes, String allowedAs) {
    }

    /** What an admin asks of the trail; null members do not narrow it. */
    public record Query(String athleteId, String reader, OffsetDateTime from, OffsetDateTime to, int page, int size) {
    }

    // the one statement allowed to remove entries, and only those past the keeping period
    private static final String PURGE = "DELETE FROM access_trail WHERE id IN (SELECT id FROM access_trail "
            + "WHERE read_at < ? ORDER BY read_at LIMIT ?)";
    static final int BATCH = 5_000;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    public void record(String tenant, Entry entry) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO access_trail (id, tenant_id, read_at, reader, reader_roles, what, operation, athletes, "
                        + "allowed_as) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setObject(1, entry.id());
            st.setString(2, tenant);
            st.setObject(3, entry.readAt());
            st.setString(4, entry.reader());
            st.setArray(5, c.createArrayOf("text", entry.readerRoles().toArray()));
            st.setString(6, entry.what());
            st.setString(7, entry.operation());
            st.setArray(8, c.createArrayOf("text", entry.athletes().toArray()));
            st.setString(9, entry.allowedAs());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the access trail refused an entry: " + e.getMessage(), e);
        }
    }

    /** The organisation's entries, newest first. */
    public List<Entry> entries(String tenant, Query query) {
        StringBuilder sql = new StringBuilder("SELECT id, read_at, reader, reader_roles, what, operation, athletes, "
                + "allowed_as FROM access_trail WHERE tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant));
        if (query.athleteId() != null) {
            sql.append(" AND ? = ANY (athletes)");
            params.add(query.athleteId());
        }
        if (query.reader() != null) {
            sql.append(" AND reader = ?");
            params.add(query.reader());
        }
        if (query.from() != null) {
            sql.append(" AND read_at >= ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND read_at < ?");
            params.add(query.to());
        }
        sql.append(" ORDER BY read_at DESC, id LIMIT ? OFFSET ?");
        params.add(query.size());
        params.add((long) query.page() * query.size());
        List<Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class),
                            rs.getString(3), texts(rs.getArray(4)), rs.getString(5), rs.getString(6),
                            texts(rs.getArray(7)), rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the access trail could not be read: " + e.getMessage(), e);
        }
        return entries;
    }

    /**
     * Replaces an erased athlete's id in the organisation's entries by their digest, among the athletes read and as the
     * reader of their own data, in the caller's transaction: the trail still answers who read their data, without
     * naming them. Returns the entries changed.
     */
    public int pseudonymise(String tenant, String athleteId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement allow = c.prepareStatement("SELECT set_config('medius.access_trail_erasure', 'on', true)");
                PreparedStatement st = c.prepareStatement("UPDATE access_trail SET athletes = array_replace(athletes, ?, ?), "
                        + "reader = CASE WHEN reader = ? THEN ? ELSE reader END "
                        + "WHERE tenant_id = ? AND (? = ANY (athletes) OR reader = ?)");
                PreparedStatement done = c.prepareStatement("SELECT set_config('medius.access_trail_erasure', 'off', true)")) {
            allow.execute();
            String digest = AthleteDigest.of(tenant, athleteId);
            st.setString(1, athleteId);
            st.setString(2, digest);
            st.setString(3, athleteId);
            st.setString(4, digest);
            st.setString(5, tenant);
            st.setString(6, athleteId);
            st.setString(7, athleteId);
            int changed = st.executeUpdate();
            done.execute();
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("the access trail could not forget an erased athlete: " + e.getMessage(), e);
        }
    }

    /** Removes entries older than the keeping period, in bounded batches; returns how many went. */
    public long purge(java.time.Duration keep) {
        OffsetDateTime before = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(keep);
        long removed = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement allow = c.prepareStatement("SELECT set_config('medius.access_trail_purge', 'on', true)");
                    PreparedStatement st = c.prepareStatement(PURGE)) {
                int batch;
                do {
                    allow.execute();
                    st.setObject(1, before);
                    st.setInt(2, BATCH);
                    batch = st.executeUpdate();
                    c.commit();
                    removed += batch;
                } while (batch == BATCH);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("access trail purge failed: " + e.getMessage(), e);
        }
        return removed;
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
