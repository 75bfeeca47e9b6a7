package dev.medius.routine.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.medius.routine.domain.SessionRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SessionRecordRepository implements PanacheRepositoryBase<SessionRecord, UUID> {

    public Optional<SessionRecord> byIdempotencyKey(String tenant, String athleteId, String key) {
        return find("tenantId = ?1 and athleteId = ?2 and idempotencyKey = ?3", tenant, athleteId, key)
                .firstResultOptional();
    }

    /** Every report recorded for the athlete in the organisation, oldest first. */
    public List<SessionRecord> ofAthlete(String tenant, String athleteId) {
        return list("tenantId = ?1 and athleteId = ?2 order by recordedAt, id", tenant, athleteId);
    }

    /** Completed records of an assignment's sessions before {@code ordinal}, the latest first. */
    public List<SessionRecord> completedBefore(UUID assignmentId, int ordinal) {
        return getEntityManager().createQuery("select r from SessionRecord r, ScheduledSession s where r.sessionId = s.id"
                + " and s.assignmentId = ?1 and s.ordinal < ?2 and r.kind = 'completed' order by s.ordinal desc",
                SessionRecord.class).setParameter(1, assignmentId).setParameter(2, ordinal).setMaxResults(20)
                .getResultList();
    }
}
