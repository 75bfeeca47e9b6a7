package dev.medius.catalog.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.jpa.HibernateHints;

import dev.medius.catalog.domain.Exercise;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Exercises as one caller sees them: global content plus the caller's own organisation's. */
@ApplicationScoped
public class ExerciseRepository implements PanacheRepositoryBase<Exercise, UUID> {

    @Inject
    EntityManager em;

    public Optional<Exercise> findVisible(UUID id, String tenant) {
        return find("id = ?1 and (tenantId is null or tenantId = ?2)", id, tenant).firstResultOptional();
    }

    /** A tenant's own exercise wins over a global one of the same slug. */
    public Optional<Exercise> findVisibleBySlug(String slug, String tenant) {
        return find("slug = ?1 and (tenantId is null or tenantId = ?2) order by tenantId nulls last", slug, tenant)
                .firstResultOptional();
    }

    /**
     * As {@link #findVisible} and {@link #findVisibleBySlug}, for answers only: read-only, so Hibernate keeps no
     * snapshot of the row (a deep copy of each of its JSON columns) to check for changes.
     */
    public Optional<Exercise> findVisibleToRead(UUID id, String slug, String tenant) {
        return (id != null ? find("id = ?1 and (tenantId is null or tenantId = ?2)", id, tenant)
                : find("slug = ?1 and (tenantId is null or tenantId = ?2) order by tenantId nulls last", slug, tenant))
                .withHint(HibernateHints.HINT_READ_ONLY, true).firstResultOptional();
    }

    public Optional<Exercise> findGlobalBySlug(String slug) {
        return find("slug = ?1 and tenantId is null", slug).firstResultOptional();
    }

    public Optional<Exercise> findByOrigin(String origin, String originRef) {
        return find("origin = ?1 and originRef = ?2", origin, originRef).firstResultOptional();
    }

    /** Checksums of every row imported from one origin, by the origin's own id. */
    public Map<String, String> contentHashesByOriginRef(String origin) {
        Map<String, String> hashes = new HashMap<>();
        List<Object[]> rows = em.createQuery(
                "select e.originRef, e.contentHash from Exercise e where e.origin = ?1 and e.originRef is not null",
                Object[].class).setParameter(1, origin).getResultList();
        for (Object[] row : rows) {
            hashes.put((String) row[0], (String) row[1]);
        }
        return hashes;
    }

    /** Loads exercises keeping the order of the given ids. */
    public List<Exercise> loadInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Exercise> byId = new HashMap<>();
        // read-only: a page is rendered, never changed, so no snapshots of its JSON columns are kept
        for (Exercise exercise : find("id in ?1", ids).withHint(HibernateHints.HINT_READ_ONLY, true).list()) {
            byId.put(exercise.id, exercise);
        }
        List<Exercise> ordered = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Exercise exercise = byId.get(id);
            if (exercise != null) {
                ordered.add(exercise);
            }
        }
        return ordered;
    }
}
