package dev.medius.routine.repository;

import java.util.List;
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

    /**
     * The organisation's templates assigned to this athlete and to no one else: made for them, as a template generated
     * from their profile is.
     */
    public List<PlanTemplate> onlyFor(String tenant, String athleteId) {
        return list("from PlanTemplate t where t.tenantId = ?1 and t.id in (select a.templateId from Assignment a"
                + " where a.tenantId = ?1 and a.athleteId = ?2) and not exists (select 1 from Assignment o"
                + " where o.templateId = t.id and o.athleteId <> ?2) order by t.createdAt, t.id", tenant, athleteId);
    }
}
