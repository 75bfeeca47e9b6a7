package dev.medius.routine.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.medius.routine.domain.Assignment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public Optional<Assignment> findInTenant(UUID id, String tenant) {
        return find("id = ?1 and tenantId = ?2", id, tenant).firstResultOptional();
    }

    public List<Assignment> activeOfTemplate(UUID templateId) {
        return list("templateId = ?1 and status = ?2 order by createdAt, id", templateId, Assignment.ACTIVE);
    }

    /** Whether the coach ever assigned the athlete a plan, whatever became of it since. */
    public boolean assignedBy(String tenant, String coachId, String athleteId) {
        return count("tenantId = ?1 and coachId = ?2 and athleteId = ?3", tenant, coachId, athleteId) > 0;
    }

    public List<Assignment> ofAthlete(String tenant, String athleteId) {
        return list("tenantId = ?1 and athleteId = ?2 order by startDate, createdAt, id", tenant, athleteId);
    }
}
