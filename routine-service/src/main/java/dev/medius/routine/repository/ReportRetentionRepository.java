package dev.medius.routine.repository;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Removes what athletes reported ({@code session_record}), their check-ins ({@code readiness_check_in}) and test
 * results ({@code strength_test}) once older than their organisation's retention.
 */
@ApplicationScoped
public class ReportRetentionRepository {

    @Inject
    EntityManager entityManager;

    /**
     * Removes up to {@code limit} reports recorded before {@code today} less their organisation's days, those of
     * {@code days} or else {@code defaultDays}; returns how many went (0 once none is left).
     */
    /** The tables retention applies to; each has an {@code id} and a {@code recorded_at}. */
    public enum Kept {
        SESSION_REPORTS("session_record"), CHECK_INS("readiness_check_in"), STRENGTH_TESTS("strength_test");

        private final String table;

        Kept(String table) {
            this.table = table;
        }
    }

    public int removeExpired(Kept kept, LocalDate today, int defaultDays, Map<String, Integer> days, int limit) {
        String[] tenants = days.keySet().toArray(String[]::new);
        Integer[] counts = days.keySet().stream().map(days::get).toArray(Integer[]::new);
        return entityManager.createNativeQuery("DELETE FROM " + kept.table + " WHERE id IN (SELECT r.id FROM " + kept.table + " r"
                + " LEFT JOIN unnest(CAST(:tenants AS text[]), CAST(:days AS integer[])) AS o(tenant_id, days)"
                + " ON o.tenant_id = r.tenant_id"
                + " WHERE r.recorded_at < CAST(:today AS date) - coalesce(o.days, :defaultDays) LIMIT :limit)")
                .setParameter("tenants", tenants).setParameter("days", counts).setParameter("today", today)
                .setParameter("defaultDays", defaultDays).setParameter("limit", limit).executeUpdate();
    }
}
