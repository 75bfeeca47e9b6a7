package dev.medius.catalog.repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseLevel;

/** The rungs of exercise ladders: an easier variation leads to a harder one. */
@ApplicationScoped
public class LadderRepository {

    @Inject
    EntityManager em;

    @Inject
    ExerciseRepository exercises;

    /** The slugs one rung easier and one rung harder than an exercise, each list by level, then name. */
    public record Neighbours(List<String> easier, List<String> harder) {
        static final Neighbours NONE = new Neighbours(List.of(), List.of());
    }

    /**
     * The ladder neighbours of many exercises in one statement, instead of two ladder queries and two entity
     * loads per exercise. A global exercise's ladder shows only global neighbours, a custom one its own
     * tenant's too.
     */
    public Map<UUID, Neighbours> neighboursOf(List<Exercise> subjects) {
        if (subjects.isEmpty()) {
            return Map.of();
        }
        record Row(String direction, String slug, String level, String name) {
        }
        Map<UUID, String> tenantOf = new HashMap<>();
        subjects.forEach(e -> tenantOf.put(e.id, e.tenantId));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(l.harder_id AS text), 'easier', n.slug, n.level, n.name,"
                + " n.tenant_id FROM exercise_ladder l JOIN exercise n ON n.id = l.easier_id WHERE l.harder_id IN (:ids)"
                + " UNION ALL"
                + " SELECT CAST(l.easier_id AS text), 'harder', n.slug, n.level, n.name,"
                + " n.tenant_id FROM exercise_ladder l JOIN exercise n ON n.id = l.harder_id WHERE l.easier_id IN (:ids)")
                .setParameter("ids", List.copyOf(tenantOf.keySet())).getResultList();
        Map<UUID, List<Row>> bySubject = new HashMap<>();
        for (Object[] row : rows) {
            UUID subject = UUID.fromString(row[0].toString());
            String neighbourTenant = (String) row[5];
            // the subject's tenant, not the caller's, decides: a tenant's custom exercise may hang on a
            // global ladder, and only that tenant's own exercises show it
            if (neighbourTenant == null || neighbourTenant.equals(tenantOf.get(subject))) {
                bySubject.computeIfAbsent(subject, k -> new ArrayList<>())
                        .add(new Row((String) row[1], (String) row[2], (String) row[3], (String) row[4]));
            }
        }
        // sorted here rather than in SQL, so names compare as Java strings, as the rungs of a ladder do
        Comparator<Row> order = Comparator.comparingInt((Row r) -> ExerciseLevel.rank(r.level())).thenComparing(Row::name);
        Map<UUID, Neighbours> neighbours = new HashMap<>();
        for (UUID id : tenantOf.keySet()) {
            List<Row> found = bySubject.getOrDefault(id, List.of());
            if (found.isEmpty()) {
                neighbours.put(id, Neighbours.NONE);
                continue;
            }
            List<Row> sorted = found.stream().sorted(order).toList();
            neighbours.put(id, new Neighbours(
                    sorted.stream().filter(r -> "easier".equals(r.direction())).map(Row::slug).toList(),
                    sorted.stream().filter(r -> "harder".equals(r.direction())).map(Row::slug).toList()));
        }
        return neighbours;
    }

    /** The visible exercises one rung easier than this one. */
    public List<Exercise> easierThan(UUID id, String tenant) {
        return rung("SELECT CAST(l.easier_id AS text) FROM exercise_ladder l WHERE l.harder_id = :id", id, tenant);
    }

    /** The visible exercises one rung harder than this one. */
    public List<Exercise> harderThan(UUID id, String tenant) {
        return rung("SELECT CAST(l.harder_id AS text) FROM exercise_ladder l WHERE l.easier_id = :id", id, tenant);
    }

    private List<Exercise> rung(String sql, UUID id, String tenant) {
        List<UUID> ids = new ArrayList<>();
        for (Object row : em.createNativeQuery(sql).setParameter("id", id).getResultList()) {
            ids.add(UUID.fromString(row.toString()));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return exercises.list("id in ?1 and (tenantId is null or tenantId = ?2)", ids, tenant).stream()
                .sorted(Comparator.comparingInt((Exercise e) -> ExerciseLevel.rank(e.level)).thenComparing(e -> e.name))
                .toList();
    }

    /** Every ladder rung as (easier id, harder id). */
    public List<UUID[]> allLinks() {
        List<UUID[]> links = new ArrayList<>();
        for (Object row : em.createNativeQuery(
                "SELECT CAST(easier_id AS text) || ' ' || CAST(harder_id AS text) FROM exercise_ladder").getResultList()) {
            String[] ids = row.toString().split(" ");
            links.add(new UUID[] { UUID.fromString(ids[0]), UUID.fromString(ids[1]) });
        }
        return links;
    }

    /** Replaces this exercise's rungs: the given easier ones lead to it, it leads to the given harder ones. */
    public void replace(UUID id, List<UUID> easier, List<UUID> harder) {
        em.createNativeQuery("DELETE FROM exercise_ladder WHERE easier_id = :id OR harder_id = :id")
                .setParameter("id", id).executeUpdate();
        for (UUID lower : easier) {
            link(lower, id);
        }
        for (UUID upper : harder) {
            link(id, upper);
        }
    }

    /** Removes the rungs between this shipped exercise and other shipped ones; organisations' rungs stay. */
    public void unlinkShipped(UUID id) {
        em.createNativeQuery("DELETE FROM exercise_ladder l WHERE (l.easier_id = :id OR l.harder_id = :id)"
                + " AND NOT EXISTS (SELECT 1 FROM exercise n WHERE n.id IN (l.easier_id, l.harder_id)"
                + " AND (n.tenant_id IS NOT NULL OR n.origin <> 'medius'))")
                .setParameter("id", id).executeUpdate();
    }

    public void link(UUID easier, UUID harder) {
        em.createNativeQuery("INSERT INTO exercise_ladder (easier_id, harder_id) VALUES (:easier, :harder)"
                + " ON CONFLICT DO NOTHING")
                .setParameter("easier", easier).setParameter("harder", harder).executeUpdate();
    }
}
