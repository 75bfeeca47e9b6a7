package dev.medius.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.events.EventTypes;
import dev.medius.events.Topics;

/**
 * routine-service keeps its copy of the catalog through a PostgreSQL outage. catalog-service and routine-service run
 * as processes on a private PostgreSQL; an exercise published on catalog.exercises while it is stopped reaches
 * routine-service's copy once it is started again, and nothing is parked on catalog.exercises.dlq: the record was
 * sound, only its database was away.
 */
class CatalogOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration OUTAGE = Duration.ofSeconds(65);
    private static final int DOWN = 503;
    private static final String ROUTINE_CATALOG_GROUP = "routine-service-catalog";

    private Platform platform;

    @BeforeEach
    void startCatalogAndRoutine() {
        platform = Platform.start("catalog-outage", true);
        platform.launch("catalog", "routine");
    }

    @AfterEach
    void stopEverything() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anExercisePublishedWhileTheDatabaseIsAwayIsAppliedOnceItIsBackAndNothingIsDeadLettered() throws Exception {
        // catalog-service's first start imports its library and publishes every exercise of it; routine-service
        // applies them one at a time, in order, so the record sent below waits behind none of them
        await("routine-service holds the catalog's library").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> exercisesInRoutine("%") > 0
                        && platform.lag(ROUTINE_CATALOG_GROUP, List.of(Topics.CATALOG_EXERCISES)) == 0);
        ConsumerRecord<String, byte[]> published = aPublication();
        UUID id = UUID.randomUUID();
        String slug = "outage-" + id.toString().substring(0, 8);
        String eventId = UUID.randomUUID().toString();

        platform.postgres().stopKeepingData();
        send(variant(published, id, slug, eventId));
        await("routine-service waits for its database with the record").atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !platform.logsContaining("catalog record " + eventId + " at").isEmpty());
        // longer than the 60 s after which the Kafka connector would close a consumer whose record waits
        await("readiness stays DOWN for the whole outage").during(OUTAGE).atMost(OUTAGE.plus(WAIT))
                .pollInterval(Duration.ofSeconds(3)).until(() -> platform.readiness("routine") == DOWN);
        platform.postgres().startAgain();

        await("the exercise reaches routine-service's copy").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> exercisesInRoutine(slug) == 1);
        assertThat(deadLetters()).as("records on %s", Topics.CATALOG_EXERCISES_DLQ).isZero();
        assertThat(platform.logsContaining("catalog record " + eventId + " at")).containsExactly(
                "catalog-outage-routine-service.log");
        assertThat(platform.logsContaining("not applied")).isEmpty();
    }

    private int exercisesInRoutine(String slugPattern) throws Exception {
        try (Connection db = platform.database("routine");
                PreparedStatement count = db.prepareStatement(
                        "SELECT count(*) FROM catalog_exercise WHERE available AND slug LIKE ?")) {
            count.setString(1, slugPattern);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** One exercise.published record catalog-service wrote, as it wrote it. */
    private ConsumerRecord<String, byte[]> aPublication() {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-outage-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CATALOG_EXERCISES));
            await("a publication on " + Topics.CATALOG_EXERCISES).atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && EventTypes.EXERCISE_PUBLISHED.equals(header(record, "ce_type"))) {
                        found.add(record);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    /** The same publication about another exercise, under a new event id: data and headers as catalog-service writes them. */
    private static ProducerRecord<String, byte[]> variant(ConsumerRecord<String, byte[]> published, UUID id, String slug,
            String eventId) throws Exception {
        ObjectNode data = (ObjectNode) JSON.readTree(published.value());
        data.put("exerciseId", id.toString());
        data.put("slug", slug);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CATALOG_EXERCISES, id.toString(),
                JSON.writeValueAsBytes(data));
        for (Header header : published.headers()) {
            String value = switch (header.key()) {
                case "ce_id" -> eventId;
                case "ce_subject" -> id.toString();
                default -> null;
            };
            record.headers().add(header.key(), value == null ? header.value() : value.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    /** Records on the dead-letter topic, from the end offsets of its partitions. */
    private long deadLetters() throws Exception {
        try (Admin admin = platform.admin()) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(List.of(Topics.CATALOG_EXERCISES_DLQ)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values().forEach(topic -> topic.partitions().forEach(
                            p -> ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
