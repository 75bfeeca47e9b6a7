package dev.medius.routine.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.medius.events.catalog.ExercisePublished;

/** The shipped gluteus medius library as published catalog events (test fixture catalog/exercise-library.json). */
public final class ExerciseLibrary {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    public static final OffsetDateTime PUBLISHED_AT = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    private static List<ExercisePublished> exercises;
    private static Set<String> seedSlugs;

    private ExerciseLibrary() {
    }

    public static synchronized List<ExercisePublished> exercises() {
        if (exercises == null) {
            load();
        }
        return exercises;
    }

    /** The exercises of the founding article. */
    public static synchronized Set<String> seedSlugs() {
        if (seedSlugs == null) {
            load();
        }
        return seedSlugs;
    }

    public static ExercisePublished bySlug(String slug) {
        return exercises().stream().filter(e -> e.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no exercise " + slug));
    }

    /** A copy of an exercise under another id, tenant and revision, for tests that need their own. */
    public static ExercisePublished variant(ExercisePublished e, UUID id, String tenant, String slug, String name,
            int revision) {
        return new ExercisePublished(id, tenant, slug, name, e.summary(), e.category(), e.pattern(), e.level(),
                e.equipment(), e.laterality(), e.prescription(), e.muscles(), e.conditions(), e.contraindications(),
                e.painAreasToAvoid(), e.easier(), e.harder(), e.evidence(), e.sourceKeys(), revision, PUBLISHED_AT,
                e.contraindicationRules(), e.findings());
    }

    private static void load() {
        try (InputStream in = ExerciseLibrary.class.getResourceAsStream("/catalog/exercise-library.json")) {
            JsonNode root = JSON.readTree(in);
            List<ExercisePublished> list = new ArrayList<>();
            for (JsonNode node : root.get("exercises")) {
                ExercisePublished parsed = JSON.treeToValue(node, ExercisePublished.class);
                list.add(variant(parsed, parsed.exerciseId(), null, parsed.slug(), parsed.name(), 1));
            }
            exercises = List.copyOf(list);
            List<String> seeds = new ArrayList<>();
            root.get("exercises").forEach(node -> {
                if (node.path("seed").asBoolean()) {
                    seeds.add(node.get("slug").asText());
                }
            });
            seedSlugs = seeds.stream().collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
