package dev.medius.routine.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.medius.routine.domain.PlanTemplate;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TemplateRepository implements PanacheRepositoryBase<PlanTemplate, UUID> {

    public Optional<PlanTemplate> findInTenant(UUID id, String tenant) {
        return find("id = ?1 and tenantId = ?2", id, tenant).firstResultOptional();
    }
}
