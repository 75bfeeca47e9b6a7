package dev.medius.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.events.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ExerciseEventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, MediusTestInfrastructure.broker().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of("catalog.exercises"));
        return consumer;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Reads the topic until every wanted key has a record of the wanted type. */
    private static Map<String, ConsumerRecord<String, String>> readUntil(KafkaConsumer<String, String> consumer,
            Set<String> keys, String type) {
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                if (keys.contains(record.key()) && type.equals(header(record, "ce_type"))) {
                    found.put(record.key(), record);
                }
            }
            return found.keySet().containsAll(keys);
        });
        return found;
    }

    private static void assertValidCloudEvent(ConsumerRecord<String, String> record, String type, String tenant)
            throws Exception {
        assertThat(header(record, "ce_type")).isEqualTo(type);
        assertThat(header(record, "ce_source")).isEqualTo("/medius/catalog-service");
        assertThat(header(record, "ce_subject")).isEqualTo(record.key());
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "ce_tenantid")).isEqualTo(tenant);
        JsonNode data = JSON.readTree(record.value());
        assertThat(EventSchemas.violations(type, data)).isEmpty();
        assertThat(data.path("exerciseId").asText()).isEqualTo(record.key());
    }

    @Test
    void publishAndRetirePutSchemaValidCloudEventsOnTopic() throws Exception {
        String tenant = CatalogFixtures.unique("club");
        String editor = CatalogFixtures.editor(tenant);
        String slug = CatalogFixtures.unique("drill");
        try (KafkaConsumer<String, String> consumer = consumer()) {
            String id = given().auth().oauth2(editor).contentType(ContentType.JSON)
                    .body(CatalogFixtures.customExercise(slug)).when().post("/api/v1/exercises")
                    .then().statusCode(201).extract().path("id");
            given().auth().oauth2(editor).when().post("/api/v1/exercises/" + id + "/publish").then().statusCode(200);

            ConsumerRecord<String, String> published = readUntil(consumer, Set.of(id), "exercise.published.v1").get(id);
            assertValidCloudEvent(published, "exercise.published.v1", tenant);
            JsonNode data = JSON.readTree(published.value());
            assertThat(data.path("slug").asText()).isEqualTo(slug);
            assertThat(data.path("tenant").asText()).isEqualTo(tenant);
            assertThat(data.path("revision").asInt()).isEqualTo(2);
            assertThat(data.path("prescription").path("perSide").asBoolean()).isTrue();
            assertThat(data.path("prescription").path("bandPlacement").asText()).isEqualTo("knees");
            assertThat(data.path("muscles").get(0).path("muscle").asText()).isEqualTo("gluteus-medius");
            assertThat(data.path("harder").get(0).asText()).isEqualTo("lateral-band-walk");
            assertThat(data.path("contraindicationRules").get(0).path("area").asText()).isEqualTo("hip");
            assertThat(data.path("contraindicationRules").get(0).path("position").asText()).isEqualTo("single-leg-loading");
            assertThat(data.path("findings").isArray()).isTrue();

            given().auth().oauth2(editor).when().post("/api/v1/exercises/" + id + "/retire")
                    .then().statusCode(200).body("status", equalTo("retired"));
            ConsumerRecord<String, String> retired = readUntil(consumer, Set.of(id), "exercise.retired.v1").get(id);
            assertValidCloudEvent(retired, "exercise.retired.v1", tenant);
            assertThat(JSON.readTree(retired.value()).path("revision").asInt()).isEqualTo(3);
            assertThat(retired.partition()).isEqualTo(published.partition());
        }
    }

    @Test
    void shippedLibraryIsPublishedOnTopicOncePerExercise() throws Exception {
        String reader = CatalogFixtures.reader(CatalogFixtures.unique("club"));
        List<String> ids = given().auth().oauth2(reader).queryParam("size", 100)
                .queryParam("status", "published")
                .when().get("/api/v1/exercises")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.tenant == null && it.origin == 'medius' }.id", String.class);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(42);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<String, ConsumerRecord<String, String>> events = readUntil(consumer, new HashSet<>(ids),
                    "exercise.published.v1");
            List<String> slugs = new ArrayList<>();
            Map<String, JsonNode> bySlug = new HashMap<>();
            for (ConsumerRecord<String, String> record : events.values()) {
                assertValidCloudEvent(record, "exercise.published.v1", "global");
                JsonNode data = JSON.readTree(record.value());
                assertThat(data.path("tenant").isNull()).isTrue();
                assertThat(data.path("contraindicationRules")).as(data.path("slug").asText()).isNotEmpty();
                slugs.add(data.path("slug").asText());
                bySlug.put(data.path("slug").asText(), data);
            }
            // routine reads the rules and findings as published, in English
            JsonNode sideLying = bySlug.get("side-lying-hip-abduction");
            assertThat(sideLying.path("contraindicationRules")).anyMatch(r -> r.path("area").asText().equals("lateral-hip")
                    && r.path("position").asText().equals("lying-on-side") && r.path("note").asText().startsWith("pain on"));
            assertThat(sideLying.path("findings")).anyMatch(f -> f.path("sourceKey").asText().equals("distefano-2009")
                    && f.path("value").asDouble() == 81);
            assertThat(slugs).contains("lateral-band-walk", "banded-glute-bridge-abduction", "squat-with-lateral-leg-raise");
            // ids are derived from slugs, so every database agrees on them
            assertThat(events).containsKey(UUID.nameUUIDFromBytes("medius:exercise:lateral-band-walk"
                    .getBytes(StandardCharsets.UTF_8)).toString());
        }
    }
}
