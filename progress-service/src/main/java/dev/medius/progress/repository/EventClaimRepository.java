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

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.EventIdentity;

/** The identities of the events applied ({@code processed_event}), each claimed once. */
@ApplicationScoped
public class EventClaimRepository {

    @Inject
    DataSource dataSource;

    /** An event to claim: its identity, the organisation it names, its type and the digest of its content. */
    public record EventClaim(EventIdentity identity, String tenant, String type, String digest) {
    }

    /**
     * Claims events by their identity. Returns, for every identity claimed before, the digest it was claimed with
     * ("" when unknown); the identities missing from the answer are new and now claimed.
     */
    public Map<EventIdentity, String> claimEvents(Collection<EventClaim> claims) throws SQLException {
        Map<EventIdentity, String> seen = new HashMap<>();
        if (claims.isEmpty()) {
            return seen;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("WITH u AS (SELECT * FROM unnest(?::varchar[], ?::varchar[], "
                        + "?::varchar[], ?::varchar[], ?::varchar[]) AS u(source, id, tenant, type, digest)), "
                        + "claimed AS (INSERT INTO processed_event (source, event_id, tenant_id, event_type, digest) "
                        + "SELECT * FROM u ON CONFLICT (source, event_id) DO NOTHING RETURNING source, event_id) "
                        + "SELECT u.source, u.id, p.digest FROM u LEFT JOIN claimed k ON k.source = u.source AND k.event_id = u.id "
                        + "LEFT JOIN processed_event p ON p.source = u.source AND p.event_id = u.id WHERE k.event_id IS NULL")) {
            Jdbc.bindTexts(st, c, claims, e -> e.identity().source(), e -> e.identity().id(), EventClaim::tenant,
                    EventClaim::type, EventClaim::digest);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    // claimed by a transaction that committed during this statement: its digest is read below
                    seen.put(new EventIdentity(rs.getString(1), rs.getString(2)), rs.getString(3) == null ? "" : rs.getString(3));
                }
            }
            List<EventIdentity> unknown = seen.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                    .toList();
            if (!unknown.isEmpty()) {
                try (PreparedStatement again = c.prepareStatement("SELECT p.source, p.event_id, p.digest FROM processed_event p "
                        + "JOIN unnest(?::varchar[], ?::varchar[]) AS u(source, id) ON p.source = u.source AND p.event_id = u.id")) {
                    Jdbc.bindTexts(again, c, unknown, EventIdentity::source, EventIdentity::id);
                    try (ResultSet rs = again.executeQuery()) {
                        while (rs.next()) {
                            seen.put(new EventIdentity(rs.getString(1), rs.getString(2)),
                                    rs.getString(3) == null ? "" : rs.getString(3));
                        }
                    }
                }
            }
        }
        return seen;
    }

    /** Releases claims of events this transaction dead-letters, so that they can be applied once fixed. */
    public void unclaim(Collection<EventIdentity> identities) throws SQLException {
        if (identities.isEmpty()) {
            return;
        }
        List<EventIdentity> keys = new ArrayList<>(identities);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("DELETE FROM processed_event p "
                + "USING unnest(?::varchar[], ?::varchar[]) AS u(source, id) WHERE p.source = u.source AND p.event_id = u.id")) {
            Jdbc.bindTexts(st, c, keys, EventIdentity::source, EventIdentity::id);
            st.executeUpdate();
        }
    }
}
