package dev.medius.catalog.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.catalog.domain.Checksum;
import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseStatus;
import dev.medius.catalog.repository.ExerciseRepository;
import dev.medius.runtime.problem.ProblemException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Maps the public-domain free-exercise-db format onto the Medius model. Entries become global drafts that
 * editors review before publishing; an entry is matched by its free-exercise-db id, so importing the
 * same file again changes nothing.
 */
@ApplicationScoped
public class FreeExerciseDbImport {

    @Inject
    ExerciseRepository exercises;

    @Inject
    FreeExerciseDbEntries mapping;

    @Inject
    Revisions revisions;

    @Inject
    Clock clock;

    /** Tells the replica's rendered reads that content changed, once this transaction commits. */
    @Inject
    Event<CatalogChanged> changed;

    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ImportReport importAll(JsonNode entries, String author) {
        changed.fire(new CatalogChanged("free-exercise-db imported"));
        if (entries == null || !entries.isArray()) {
            throw ProblemException.invalidField("body", "expected a JSON array of free-exercise-db exercises");
        }
        Map<String, String> known = exercises.contentHashesByOriginRef(Exercise.ORIGIN_FREE_EXERCISE_DB);
        Set<String> seenIds = new LinkedHashSet<>();
        Map<String, Integer> defaultedFields = new TreeMap<>();
        Map<String, Integer> mapped = new TreeMap<>();
        Map<String, Integer> unmapped = new TreeMap<>();
        List<ImportReport.Rejection> rejections = new ArrayList<>();
        int imported = 0;
        int updated = 0;
        int unchanged = 0;
        int defaulted = 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int index = 0; index < entries.size(); index++) {
            JsonNode entry = entries.get(index);
            String id = entry.path("id").isTextual() ? entry.path("id").asText() : null;
            ImportReport.Rejection rejection = FreeExerciseDbEntries.check(index, id, entry);
            if (rejection == null && !seenIds.add(id)) {
                rejection = new ImportReport.Rejection(index, id, "id", "appears more than once in this file");
            }
            if (rejection != null) {
                rejections.add(rejection);
                continue;
            }
            String hash = Checksum.of(entry.toString().getBytes(StandardCharsets.UTF_8));
            Set<String> defaults = new LinkedHashSet<>();
            Exercise exercise;
            if (known.containsKey(id)) {
                if (hash.equals(known.get(id))) {
                    unchanged++;
                    continue;
                }
                exercise = exercises.findByOrigin(Exercise.ORIGIN_FREE_EXERCISE_DB, id).orElseThrow();
                mapping.map(entry, exercise, defaults, mapped, unmapped);
                exercise.contentHash = hash;
                exercise.revision++;
                exercise.updatedAt = now;
                revisions.record(exercise, "re-imported from free-exercise-db", author);
                updated++;
            } else {
                exercise = Exercise.firstRevision(UUID.nameUUIDFromBytes(("free-exercise-db:" + id).getBytes(StandardCharsets.UTF_8)),
                        Exercise.ORIGIN_FREE_EXERCISE_DB, ExerciseStatus.DRAFT, now);
                exercise.originRef = id;
                exercise.contentHash = hash;
                mapping.map(entry, exercise, defaults, mapped, unmapped);
                exercise.slug = freeSlug(FreeExerciseDbEntries.slugOf(entry.path("name").asText()));
                exercises.persist(exercise);
                // new imports have no ladder yet: skip the lookups a full view would make
                revisions.recordWithoutLadder(exercise, "imported from free-exercise-db", author);
                imported++;
            }
            if (!defaults.isEmpty()) {
                defaulted++;
                defaults.forEach(field -> defaultedFields.merge(field, 1, Integer::sum));
            }
            if ((imported + updated) % 100 == 0) {
                exercises.flush();
                exercises.getEntityManager().clear();
            }
        }
        return new ImportReport("free-exercise-db", entries.size(), imported, updated, unchanged, rejections.size(),
                defaulted, defaultedFields, mapped, unmapped, rejections);
    }

    /** Their names make our slugs; one that a Medius exercise already holds gets a suffix. */
    private String freeSlug(String base) {
        String slug = base;
        if (exercises.findGlobalBySlug(slug).isPresent()) {
            slug = base + "-fedb";
        }
        return slug;
    }
}
