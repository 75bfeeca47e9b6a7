package dev.medius.routine.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.medius.routine.domain.SessionAdjustment;

@ApplicationScoped
public class SessionAdjustmentRepository implements PanacheRepositoryBase<SessionAdjustment, UUID> {

    /** Every adjusted session of the athlete in the organisation. */
    public List<SessionAdjustment> ofAthlete(String tenant, String athleteId) {
        return list("tenantId = ?1 and athleteId = ?2", tenant, athleteId);
    }
}
