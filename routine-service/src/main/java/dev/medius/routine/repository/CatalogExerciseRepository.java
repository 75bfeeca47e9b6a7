package dev.medius.routine.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.medius.routine.domain.CatalogExercise;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CatalogExerciseRepository implements PanacheRepositoryBase<CatalogExercise, UUID> {

    /** Published exercises an organisation may use: the global library and its own. */
    public List<CatalogExercise> usableBy(String tenant) {
        return list("available = true and (tenantId is null or tenantId = ?1) order by slug, id", tenant);
    }

    /**
     * Applies a catalog change unless a newer revision is already here (records may arrive twice or out
     * of order); one statement, so concurrent consumers cannot interleave.
     */
    public int upsertIfNewer(UUID id, String tenant, String slug, int revision, boolean available, String content,
            boolean sameRevisionWins) {
        String guard = sameRevisionWins ? "catalog_exercise.revision <= EXCLUDED.revision"
                : "catalog_exercise.revision < EXCLUDED.revision";
        return getEntityManager().createNativeQuery("""
                INSERT INTO catalog_exercise (id, tenant_id, slug, revision, available, content, updated_at)
                VALUES (:id, :tenant, :slug, :revision, :available, CAST(:content AS jsonb), now())
                ON CONFLICT (id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, slug = EXCLUDED.slug,
                    revision = EXCLUDED.revision, available = EXCLUDED.available,
                    content = COALESCE(EXCLUDED.content, catalog_exercise.content), updated_at = now()
                """ + " WHERE " + guard)
                .setParameter("id", id)
                .setParameter("tenant", tenant)
                .setParameter("slug", slug)
                .setParameter("revision", revision)
                .setParameter("available", available)
                .setParameter("content", content)
                .executeUpdate();
    }
}
