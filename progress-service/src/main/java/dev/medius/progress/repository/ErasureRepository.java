package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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
import dev.medius.runtime.trail.AthleteDigest;

/**
 * Erased athletes ({@code athlete_erasure}, naming each by digest) and the removal of everything this service holds about one of them.
 */
@ApplicationScoped
public class ErasureRepository {

    /** Every table with rows about an athlete, by organisation and athlete id; the outbox keys its events by athlete. */
    private static final List<String> REMOVALS = List.of(
            "DELETE FROM flag_acknowledgement WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM athlete_flag WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM exercise_volume WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM session_fact WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM readiness_check_in WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM strength_test WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM athlete_recent WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM scheduled_session WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM athlete_schedule WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM plan_event WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM athlete_coach WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM athlete_profile WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM athlete_revision WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM athlete_organisation WHERE tenant_id = ? AND athlete_id = ?",
            "DELETE FROM outbox_event WHERE tenant_id = ? AND message_key = ?");

    @Inject
    DataSource dataSource;

    /** When each of these athletes was last erased, for those who were. */
    public Map<TenantKey, OffsetDateTime> erasedAt(Collection<TenantKey> athletes) throws SQLException {
        Map<TenantKey, OffsetDateTime> erased = new HashMap<>();
        if (athletes.isEmpty()) {
            return erased;
        }
        // the register names athletes by digest: each athlete asked about is looked up by theirs
        Map<TenantKey, TenantKey> byDigest = new HashMap<>();
        for (TenantKey athlete : new TreeSet<>(athletes)) {
            byDigest.put(new TenantKey(athlete.tenant(), AthleteDigest.of(athlete.tenant(), athlete.id())), athlete);
        }
        List<TenantKey> digests = new ArrayList<>(byDigest.keySet());
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT e.tenant_id, e.athlete_digest, e.erased_at FROM athlete_erasure e JOIN unnest(?::varchar[], "
                        + "?::varchar[]) AS u(t, d) ON e.tenant_id = u.t AND e.athlete_digest = u.d")) {
            Jdbc.bindTexts(st, c, digests, TenantKey::tenant, TenantKey::id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    erased.put(byDigest.get(new TenantKey(rs.getString(1), rs.getString(2))),
                            rs.getObject(3, OffsetDateTime.class));
                }
            }
        }
        return erased;
    }

    /**
     * Removes every row about the athlete and records the erasure. An erasure already recorded (read again by a
     * rebuild, or delivered twice) removes nothing: what is held now came after it. Returns the rows removed per table.
     */
    public Map<String, Integer> erase(String tenant, String athleteId, OffsetDateTime erasedAt) throws SQLException {
        Map<String, Integer> removed = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            String digest = AthleteDigest.of(tenant, athleteId);
            try (PreparedStatement st = c.prepareStatement("SELECT erased_at FROM athlete_erasure "
                    + "WHERE tenant_id = ? AND athlete_digest = ? FOR UPDATE")) {
                st.setString(1, tenant);
                st.setString(2, digest);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && !rs.getObject(1, OffsetDateTime.class).isBefore(erasedAt)) {
                        return removed;
                    }
                }
            }
            for (String statement : REMOVALS) {
                try (PreparedStatement st = c.prepareStatement(statement)) {
                    st.setString(1, tenant);
                    st.setString(2, athleteId);
                    removed.put(statement.split(" ")[2], st.executeUpdate());
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO athlete_erasure (tenant_id, athlete_digest, "
                    + "erased_at) VALUES (?, ?, ?) ON CONFLICT (tenant_id, athlete_digest) "
                    + "DO UPDATE SET erased_at = GREATEST(athlete_erasure.erased_at, EXCLUDED.erased_at)")) {
                st.setString(1, tenant);
                st.setString(2, digest);
                st.setObject(3, erasedAt);
                st.executeUpdate();
            }
        }
        return removed;
    }
}
