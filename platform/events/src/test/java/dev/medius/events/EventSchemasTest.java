package dev.medius.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExerciseRetired;
import dev.medius.events.progress.AthleteFlagged;
import dev.medius.events.progress.AthleteUnflagged;
import dev.medius.events.progress.FlagAcknowledged;
import dev.medius.events.routine.AthleteErased;
import dev.medius.events.routine.AthleteUpdated;
import dev.medius.events.routine.PlanAssigned;
import dev.medius.events.routine.PlanCancelled;
import dev.medius.events.routine.PlanChanged;
import dev.medius.events.routine.SessionCompleted;
import dev.medius.events.routine.SessionSkipped;
import dev.medius.events.routine.StrengthTestRecorded;
import dev.medius.events.routine.WellnessCheckedIn;

class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Map<String, Class<?>> RECORDS = Map.ofEntries(
            Map.entry(EventTypes.EXERCISE_PUBLISHED, ExercisePublished.class),
            Map.entry(EventTypes.EXERCISE_RETIRED, ExerciseRetired.class),
            Map.entry(EventTypes.PLAN_ASSIGNED, PlanAssigned.class),
            Map.entry(EventTypes.PLAN_CHANGED, PlanChanged.class),
            Map.entry(EventTypes.PLAN_CANCELLED, PlanCancelled.class),
            Map.entry(EventTypes.SESSION_COMPLETED, SessionCompleted.class),
            Map.entry(EventTypes.SESSION_SKIPPED, SessionSkipped.class),
            Map.entry(EventTypes.ATHLETE_FLAGGED, AthleteFlagged.class),
            Map.entry(EventTypes.ATHLETE_UNFLAGGED, AthleteUnflagged.class),
            Map.entry(EventTypes.ATHLETE_UPDATED, AthleteUpdated.class),
            Map.entry(EventTypes.FLAG_ACKNOWLEDGED, FlagAcknowledged.class),
            Map.entry(EventTypes.ATHLETE_ERASED, AthleteErased.class),
            Map.entry(EventTypes.WELLNESS_CHECKED_IN, WellnessCheckedIn.class),
            Map.entry(EventTypes.STRENGTH_TEST_RECORDED, StrengthTestRecorded.class));

    static java.util.List<String> types() {
        return EventTypes.ALL;
    }

    @ParameterizedTest
    @MethodSource("types")
    void documentedExampleMatchesItsSchema(String type) throws Exception {
        assertThat(EventSchemas.violations(type, example(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void javaRecordWritesWhatTheSchemaAccepts(String type) throws Exception {
        Object record = JSON.treeToValue(example(type), RECORDS.get(type));
        JsonNode written = JSON.valueToTree(record);
        assertThat(EventSchemas.violations(type, written)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void missingRequiredFieldIsAViolation(String type) throws Exception {
        ObjectNode data = (ObjectNode) example(type);
        String required = EventSchemas.schemaDocument(type).get("required").get(0).asText();
        data.remove(required);
        assertThat(EventSchemas.violations(type, data)).anySatisfy(message -> assertThat(message).contains(required));
    }

    @Test
    void painOutOfRangeIsRejected() throws Exception {
        ObjectNode data = (ObjectNode) example(EventTypes.SESSION_COMPLETED);
        ((ObjectNode) data.get("pain")).put("score", 14);
        assertThat(EventSchemas.violations(EventTypes.SESSION_COMPLETED, data)).isNotEmpty();
    }

    @Test
    void unknownTypeIsAViolation() {
        assertThat(EventSchemas.violations("session.teleported.v1", JSON.createObjectNode())).isNotEmpty();
    }

    static JsonNode example(String type) throws Exception {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream("/examples/" + type + ".json")) {
            return JSON.readTree(in);
        }
    }
}
