package dev.medius.routine.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.medius.routine.domain.ReturnToPlay;
import dev.medius.routine.domain.StrengthTest;

@ApplicationScoped
public class StrengthTestRepository implements PanacheRepositoryBase<StrengthTest, UUID> {

    public Optional<StrengthTest> byIdempotencyKey(String tenant, String athleteId, String key) {
        return find("tenantId = ?1 and athleteId = ?2 and idempotencyKey = ?3", tenant, athleteId, key)
                .firstResultOptional();
    }

    /** Every test of the athlete in the organisation, oldest first. */
    public List<StrengthTest> ofAthlete(String tenant, String athleteId) {
        return list("tenantId = ?1 and athleteId = ?2 order by testedOn, recordedAt, id", tenant, athleteId);
    }

    public Optional<ReturnToPlay> criteria(String tenant, String athleteId) {
        return Optional.ofNullable(getEntityManager().find(ReturnToPlay.class, new ReturnToPlay.Key(tenant, athleteId)));
    }

    public void keep(ReturnToPlay criteria) {
        getEntityManager().persist(criteria);
    }
}
