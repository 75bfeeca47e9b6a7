package dev.medius.routine.repository;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Removes every row this service holds about one athlete of one organisation, and keeps the record that it did.
 * Native statements: the rows go in the order their references need, whatever entities map them.
 */
@ApplicationScoped
public class ErasureRepository {

    @Inject
    EntityManager entityManager;

    /** Whether the athlete, named by their digest, was erased at or after {@code since}. */
    public boolean erasedSince(String tenant, String athleteDigest, OffsetDateTime since) {
        return !entityManager.createNativeQuery("SELECT 1 FROM athlete_erasure WHERE tenant_id = :t"
                + " AND athlete_digest = :d AND erased_at >= :since LIMIT 1")
                .setParameter("t", tenant).setParameter("d", athleteDigest).setParameter("since", since)
                .getResultList().isEmpty();
    }

    /** Whether the organisation holds anything about the athlete. */
    public boolean holds(String tenant, String athleteId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM athlete WHERE tenant_id = :t AND athlete_id = :a"
                + " UNION ALL SELECT 1 FROM assignment WHERE tenant_id = :t AND athlete_id = :a"
                + " UNION ALL SELECT 1 FROM session_record WHERE tenant_id = :t AND athlete_id = :a"
                + " UNION ALL SELECT 1 FROM readiness_check_in WHERE tenant_id = :t AND athlete_id = :a LIMIT 1")
                .setParameter("t", tenant).setParameter("a", athleteId).getResultList().isEmpty();
    }

    /**
     * Deletes the athlete's reports, check-ins, tests and criteria, sessions and their adjustments, assignments and profile, the templates generated for them alone (a
     * generated template carries their pain in its limits), and every event about them still in the outbox, published
     * or not. Returns how many rows of each kind went.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Integer> remove(String tenant, String athleteId) {
        Map<String, Integer> removed = new LinkedHashMap<>();
        List<Object> templates = entityManager.createNativeQuery(
                "SELECT DISTINCT template_id FROM assignment WHERE tenant_id = :t AND athlete_id = :a")
                .setParameter("t", tenant).setParameter("a", athleteId).getResultList();
        removed.put("sessionRecords", delete("DELETE FROM session_record WHERE tenant_id = :t AND athlete_id = :a",
                tenant, athleteId));
        removed.put("checkIns", delete("DELETE FROM readiness_check_in WHERE tenant_id = :t AND athlete_id = :a",
                tenant, athleteId));
        removed.put("strengthTests", delete("DELETE FROM strength_test WHERE tenant_id = :t AND athlete_id = :a",
                tenant, athleteId));
        removed.put("returnToPlayCriteria", delete(
                "DELETE FROM return_to_play WHERE tenant_id = :t AND athlete_id = :a", tenant, athleteId));
        removed.put("sessionAdjustments", delete(
                "DELETE FROM session_adjustment WHERE tenant_id = :t AND athlete_id = :a", tenant, athleteId));
        removed.put("scheduledSessions", delete(
                "DELETE FROM scheduled_session WHERE tenant_id = :t AND athlete_id = :a", tenant, athleteId));
        removed.put("assignments", delete("DELETE FROM assignment WHERE tenant_id = :t AND athlete_id = :a",
                tenant, athleteId));
        int generated = 0;
        if (!templates.isEmpty()) {
            generated = entityManager.createNativeQuery("DELETE FROM plan_template p WHERE p.tenant_id = :t"
                    + " AND p.id IN (:ids) AND jsonb_typeof(p.plan -> 'limits') = 'object'"
                    + " AND NOT EXISTS (SELECT 1 FROM assignment x WHERE x.template_id = p.id)")
                    .setParameter("t", tenant).setParameter("ids", templates).executeUpdate();
        }
        removed.put("generatedTemplates", generated);
        removed.put("profiles", delete("DELETE FROM athlete WHERE tenant_id = :t AND athlete_id = :a", tenant, athleteId));
        // what the topics still hold about the athlete was sealed with this key: without it, no one reads it
        removed.put("keys", delete("DELETE FROM athlete_key WHERE tenant_id = :t AND athlete_id = :a", tenant, athleteId));
        removed.put("outboxEvents", delete("DELETE FROM outbox_event WHERE tenant_id = :t AND message_key = :a",
                tenant, athleteId));
        return removed;
    }

    public void record(UUID id, String tenant, String athleteDigest, OffsetDateTime erasedAt, String erasedBy,
            String reason, String removedJson) {
        entityManager.createNativeQuery("INSERT INTO athlete_erasure (id, tenant_id, athlete_digest, erased_at,"
                + " erased_by, reason, removed) VALUES (:id, :t, :d, :at, :by, :reason, CAST(:removed AS jsonb))")
                .setParameter("id", id).setParameter("t", tenant).setParameter("d", athleteDigest)
                .setParameter("at", erasedAt).setParameter("by", erasedBy).setParameter("reason", reason)
                .setParameter("removed", removedJson).executeUpdate();
    }

    private int delete(String statement, String tenant, String athleteId) {
        return entityManager.createNativeQuery(statement).setParameter("t", tenant).setParameter("a", athleteId)
                .executeUpdate();
    }
}
