package dev.medius.catalog.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Full-text and filtered search over the exercises a tenant sees, tolerant of typos in exercise names. */
@ApplicationScoped
public class ExerciseSearchRepository {

    /** How close a misspelt query must be to an exercise's name or aliases to count as a match. */
    private static final double NAME_SIMILARITY_THRESHOLD = 0.45;

    /**
     * Each typed word that appears in no name the tenant sees becomes the nearest name word (fuzzystrmatch's
     * Levenshtein distance, where a swap of two neighbouring letters counts as one edit): at most one edit away
     * for words of up to four letters, two for longer ones; ties go to the first in alphabetical order.
     */
    private static final String CORRECT_SPELLING = """
            WITH vocabulary AS (
                SELECT DISTINCT w AS word FROM exercise e, regexp_split_to_table(e.names_text, '[^a-z0-9]+') AS w
                WHERE (e.tenant_id IS NULL OR e.tenant_id = :tenant) AND length(w) > 1),
            typed AS (
                SELECT t.word, t.word_no, CASE WHEN length(t.word) <= 4 THEN 1 ELSE 2 END AS allowed
                FROM regexp_split_to_table(lower(:text), '[\\W_]+') WITH ORDINALITY AS t(word, word_no)
                WHERE t.word <> ''),
            spellings AS (
                SELECT word_no, word AS spelling, 0 AS swaps FROM typed
                UNION ALL
                SELECT word_no, substr(word, 1, i - 1) || substr(word, i + 1, 1) || substr(word, i, 1)
                        || substr(word, i + 2), 1
                FROM typed, generate_series(1, length(word) - 1) AS i)
            SELECT coalesce(string_agg(CASE
                    WHEN length(t.word) < 3 OR t.word IN (SELECT word FROM vocabulary) THEN t.word
                    ELSE coalesce((SELECT v.word FROM vocabulary v JOIN spellings s ON s.word_no = t.word_no
                            WHERE abs(length(v.word) - length(t.word)) <= t.allowed
                              AND s.swaps + levenshtein_less_equal(s.spelling, v.word, t.allowed) <= t.allowed
                            ORDER BY s.swaps + levenshtein(s.spelling, v.word), v.word COLLATE "C" LIMIT 1), t.word)
                    END, ' ' ORDER BY t.word_no), '')
            FROM typed t""";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** A page of matching exercise ids in order, and how many match in all. */
    public record Page(List<UUID> ids, long total) {
    }

    /** The text with every word that names no exercise the tenant sees replaced by the nearest word that does. */
    public String correctSpelling(String text, String tenant) {
        return (String) em.createNativeQuery(CORRECT_SPELLING).setParameter("text", text).setParameter("tenant", tenant)
                .getSingleResult();
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
        filter(where, params, "e.pattern", "patterns", query.patterns());
        filter(where, params, "e.level", "levels", query.levels());
        filter(where, params, "e.category", "categories", query.categories());
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

    private static void filter(StringBuilder where, Map<String, Object> params, String column, String name,
            List<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" IN (:").append(name).append(')');
            params.put(name, values);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
