package dev.medius.catalog.repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.jpa.HibernateHints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.catalog.domain.Exercise;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Exercises as one caller sees them: global content plus the caller's own organisation's. */
@ApplicationScoped
public class ExerciseRepository implements PanacheRepositoryBase<Exercise, UUID> {

    /** How close a misspelt query must be to an exercise's name or aliases to count as a match. */
    private static final double NAME_SIMILARITY_THRESHOLD = 0.45;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** A page of matching exercise ids in order, and how many match in all. */
    public record Page(List<UUID> ids, long total) {
    }

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

    public Page search(ExerciseQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" FROM exercise e WHERE (e.tenant_id IS NULL OR e.tenant_id = :tenant)");
        params.put("tenant", query.tenant());
        where.append(" AND e.status IN (:statuses)");
        params.put("statuses", query.statuses());
        if (!query.muscles().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM exercise_muscle m WHERE m.exercise_id = e.id AND m.muscle IN (:muscles))");
            params.put("muscles", query.muscles());
        }
        if (!query.conditions().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM exercise_condition c WHERE c.exercise_id = e.id AND c.condition IN (:conditions))");
            params.put("conditions", query.conditions());
        }
        if (!query.patterns().isEmpty()) {
            where.append(" AND e.pattern IN (:patterns)");
            params.put("patterns", query.patterns());
        }
        if (!query.levels().isEmpty()) {
            where.append(" AND e.level IN (:levels)");
            params.put("levels", query.levels());
        }
        if (!query.categories().isEmpty()) {
            where.append(" AND e.category IN (:categories)");
            params.put("categories", query.categories());
        }
        if (query.availableEquipment() != null) {
            // everything the exercise needs must be among what the athlete has
            where.append(" AND e.equipment <@ CAST(:equipment AS jsonb)");
            params.put("equipment", toJson(query.availableEquipment()));
        }
        boolean text = query.text() != null && !query.text().isBlank();
        if (text) {
            where.append(" AND (e.search @@ plainto_tsquery('english', :text)"
                    + " OR word_similarity(:text, e.names_text) >= " + NAME_SIMILARITY_THRESHOLD + ")");
            params.put("text", query.text());
        }

        Query count = em.createNativeQuery("SELECT count(*)" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();

        String order = switch (query.sort()) {
            case "relevance" -> text
                    ? "ts_rank(e.search, plainto_tsquery('english', :text)) + 2 * similarity(:text, lower(e.name))"
                            + " + word_similarity(:text, e.names_text) DESC, e.name ASC"
                    : "e.name ASC";
            case "-name" -> "e.name DESC";
            case "updated" -> "e.updated_at ASC";
            case "-updated" -> "e.updated_at DESC";
            default -> "e.name ASC";
        };
        Query page = em.createNativeQuery("SELECT CAST(e.id AS text)" + where + " ORDER BY " + order + ", e.id"
                + " LIMIT :limit OFFSET :offset");
        params.forEach(page::setParameter);
        page.setParameter("limit", query.size());
        page.setParameter("offset", (long) query.page() * query.size());
        List<UUID> ids = new ArrayList<>();
        for (Object id : page.getResultList()) {
            ids.add(UUID.fromString(id.toString()));
        }
        return new Page(ids, total);
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

    /** Every word of the names and aliases a tenant can see: the dictionary that typos are corrected against. */
    @SuppressWarnings("unchecked")
    public List<String> nameVocabulary(String tenant) {
        return em.createNativeQuery("SELECT DISTINCT w FROM exercise e,"
                + " regexp_split_to_table(e.names_text, '[^a-z0-9]+') AS w"
                + " WHERE (e.tenant_id IS NULL OR e.tenant_id = :tenant) AND length(w) > 1")
                .setParameter("tenant", tenant).getResultList();
    }

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
        Comparator<Row> order = Comparator.comparingInt((Row r) -> levelRank(r.level())).thenComparing(Row::name);
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
        return ladder("SELECT CAST(l.easier_id AS text) FROM exercise_ladder l WHERE l.harder_id = :id", id, tenant);
    }

    /** The visible exercises one rung harder than this one. */
    public List<Exercise> harderThan(UUID id, String tenant) {
        return ladder("SELECT CAST(l.harder_id AS text) FROM exercise_ladder l WHERE l.easier_id = :id", id, tenant);
    }

    private List<Exercise> ladder(String sql, UUID id, String tenant) {
        List<UUID> ids = new ArrayList<>();
        for (Object row : em.createNativeQuery(sql).setParameter("id", id).getResultList()) {
            ids.add(UUID.fromString(row.toString()));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("id in ?1 and (tenantId is null or tenantId = ?2) order by level, name", ids, tenant).stream()
                .sorted(java.util.Comparator.comparingInt((Exercise e) -> levelRank(e.level)).thenComparing(e -> e.name))
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
    public void replaceLadder(UUID id, List<UUID> easier, List<UUID> harder) {
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

    static int levelRank(String level) {
        return switch (level) {
            case "beginner" -> 0;
            case "intermediate" -> 1;
            default -> 2;
        };
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
