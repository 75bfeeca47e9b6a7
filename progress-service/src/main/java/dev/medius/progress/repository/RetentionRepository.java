package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.TenantKey;

/**
 * Each organisation's retention of raw session facts, and the removal of facts, readiness check-ins and strength tests
 * past it, a bounded batch at a time.
 */
@ApplicationScoped
public class RetentionRepository {

    // the cutoff of a fact's organisation: its own days, else the default (parameter 2) before today (parameter 1)
    private static final String PAST = "?::date - coalesce((SELECT r.facts_days FROM organisation_retention r "
            + "WHERE r.tenant_id = x.tenant_id), ?)";

    @Inject
    DataSource dataSource;

    public Optional<Integer> factsDays(String tenant) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT facts_days FROM organisation_retention WHERE tenant_id = ?")) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every organisation that chose its own retention, with its days. */
    public Map<String, Integer> chosen() {
        Map<String, Integer> chosen = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT tenant_id, facts_days FROM organisation_retention");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                chosen.put(rs.getString(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return chosen;
    }

    public void setFactsDays(String tenant, int days, String by, OffsetDateTime at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO organisation_retention (tenant_id, facts_days, updated_by, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET facts_days = EXCLUDED.facts_days, "
                        + "updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at")) {
            st.setString(1, tenant);
            st.setInt(2, days);
            st.setString(3, by);
            st.setObject(4, at);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Removes up to {@code limit} session facts older than their organisation's retention, with the volume rows of
     * the same sessions; returns each removed fact's athlete (empty once none is left).
     */
    public List<TenantKey> removeExpiredFacts(LocalDate today, int defaultDays, int limit) throws SQLException {
        List<TenantKey> athletes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "WITH expired AS (SELECT x.tenant_id, x.session_id FROM session_fact x WHERE x.occurred_at < " + PAST
                        + " LIMIT ?), "
                        + "volume AS (DELETE FROM exercise_volume v USING expired e "
                        + "WHERE v.tenant_id = e.tenant_id AND v.session_id = e.session_id) "
                        + "DELETE FROM session_fact f USING expired e WHERE f.tenant_id = e.tenant_id "
                        + "AND f.session_id = e.session_id RETURNING f.tenant_id, f.athlete_id")) {
            st.setObject(1, today);
            st.setInt(2, defaultDays);
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    athletes.add(new TenantKey(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return athletes;
    }

    /** Removes up to {@code limit} check-ins recorded before their organisation's cutoff; returns each one's athlete. */
    public List<TenantKey> removeExpiredCheckIns(LocalDate today, int defaultDays, int limit) throws SQLException {
        return removeExpired("readiness_check_in", "check_in_id", today, defaultDays, limit);
    }

    /** Removes up to {@code limit} strength tests recorded before their organisation's cutoff; returns each one's athlete. */
    public List<TenantKey> removeExpiredStrengthTests(LocalDate today, int defaultDays, int limit) throws SQLException {
        return removeExpired("strength_test", "test_id", today, defaultDays, limit);
    }

    /** The rows of an athlete's record table (keyed by tenant and {@code id}) recorded before the cutoff. */
    private List<TenantKey> removeExpired(String table, String id, LocalDate today, int defaultDays, int limit)
            throws SQLException {
        List<TenantKey> athletes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "WITH expired AS (SELECT x.tenant_id, x." + id + " FROM " + table + " x WHERE x.recorded_at < "
                        + PAST + " LIMIT ?) DELETE FROM " + table + " r USING expired e WHERE r.tenant_id = e.tenant_id "
                        + "AND r." + id + " = e." + id + " RETURNING r.tenant_id, r.athlete_id")) {
            st.setObject(1, today);
            st.setInt(2, defaultDays);
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    athletes.add(new TenantKey(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return athletes;
    }
}
