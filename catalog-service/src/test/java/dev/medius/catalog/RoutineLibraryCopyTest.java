package dev.medius.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.catalog.service.ContentLibrary;
import dev.medius.events.catalog.ExercisePublished;

/**
 * routine-service's tests build plans from a copy of the shipped library as published events; the copy must
 * not drift from the library. Run with {@code -Dmedius.routine-copy.write=true} to write it afresh.
 */
class RoutineLibraryCopyTest {

    private static final Path COPY = Path.of("../routine-service/src/test/resources/catalog/exercise-library.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final List<String> PUBLISHED_AS_WRITTEN = List.of("conditions", "contraindications",
            "painAreasToAvoid", "easier", "harder", "evidence", "sourceKeys", "contraindicationRules", "findings", "seed");

    /** One shipped exercise as exercise.published.v1 carries it, plus the seed flag the routine tests read. */
    static ObjectNode published(JsonNode e) {
        ObjectNode out = JSON.createObjectNode();
        out.put("exerciseId", ContentLibrary.exerciseId(e.path("slug").asText()).toString());
        for (String field : List.of("slug", "name", "summary", "category", "pattern", "level", "equipment", "laterality")) {
            out.set(field, e.path(field));
        }
        ObjectNode prescription = e.path("prescription").deepCopy();
        prescription.put("perSide", "per-side".equals(e.path("laterality").asText()));
        out.set("prescription", prescription);
        ArrayNode muscles = out.putArray("muscles");
        for (JsonNode m : e.path("muscles")) {
            muscles.addObject().put("muscle", m.path("muscle").asText()).put("role", m.path("role").asText())
                    .set("activationMvicPercent", m.path("activationMvicPercent"));
        }
        for (String field : PUBLISHED_AS_WRITTEN) {
            out.set(field, e.path(field));
        }
        return out;
    }

    @Test
    void routineCopyMatchesTheShippedLibrary() throws IOException {
        JsonNode library;
        try (InputStream in = RoutineLibraryCopyTest.class.getResourceAsStream("/content/medius-library.json")) {
            library = JSON.readTree(in);
        }
        ArrayNode expected = JSON.createArrayNode();
        library.path("exercises").forEach(e -> expected.add(published(e)));
        JsonNode copy = JSON.readTree(COPY.toFile());
        if (Boolean.getBoolean("medius.routine-copy.write")) {
            ((ObjectNode) copy).set("exercises", expected);
            Files.writeString(COPY, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(copy));
        }
        assertThat(copy.path("exercises")).isEqualTo(expected);
        for (JsonNode node : copy.path("exercises")) {
            ExercisePublished event = JSON.treeToValue(node, ExercisePublished.class);
            assertThat(event.contraindicationRules()).as(event.slug()).isNotEmpty();
        }
    }
}
