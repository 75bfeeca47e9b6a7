package dev.medius.routine.repository;

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

    public Optional<SessionRecord> ofSession(UUID sessionId) {
        return find("sessionId", sessionId).firstResultOptional();
    }
}
