package dev.medius.routine.repository;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Removes athletes' session reports ({@code session_record}) older than their organisation's retention. */
@ApplicationScoped
public class ReportRetentionRepository {

    @Inject
    EntityManager entityManager;

    /**
     * Removes up to {@code limit} reports recorded before {@code today} less their organisation's days, those of
     * {@code days} or else {@code defaultDays}; returns how many went (0 once none is left).
     */
    public int removeExpired(LocalDate today, int defaultDays, Map<String, Integer> days, int limit) {
        String[] tenants = days.keySet().toArray(String[]::new);
        Integer[] counts = days.keySet().stream().map(days::get).toArray(Integer[]::new);
        return entityManager.createNativeQuery("DELETE FROM session_record WHERE id IN (SELECT r.id FROM session_record r"
                + " LEFT JOIN unnest(CAST(:tenants AS text[]), CAST(:days AS integer[])) AS o(tenant_id, days)"
                + " ON o.tenant_id = r.tenant_id"
                + " WHERE r.recorded_at < CAST(:today AS date) - coalesce(o.days, :defaultDays) LIMIT :limit)")
                .setParameter("tenants", tenants).setParameter("days", counts).setParameter("today", today)
                .setParameter("defaultDays", defaultDays).setParameter("limit", limit).executeUpdate();
    }
}
