package dev.medius.routine.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.events.CloudEventReader;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;

/**
 * Publishes catalog events the way catalog-service does: CloudEvents keyed by exercise id, in Kafka binary mode,
 * or in structured mode as an integrator may.
 */
public final class CatalogFeed {

    private static boolean libraryPublished;

    private CatalogFeed() {
    }

    /** The shipped library, published once per test JVM. */
    public static synchronized void publishLibrary() {
        if (libraryPublished) {
            return;
        }
        ExerciseLibrary.exercises().forEach(e -> send(EventTypes.EXERCISE_PUBLISHED, e.exerciseId(), e.tenant(), e));
        libraryPublished = true;
    }

    /** An event in binary mode: attributes as {@code ce_*} headers, the data as the value. */
    public static void send(String type, UUID exerciseId, String tenant, Object data) {
        publish(exerciseId.toString(), headers(type, exerciseId, tenant), json(data));
    }

    /** An event in structured mode: the whole event, data included, as the value. */
    public static void sendStructured(String type, UUID exerciseId, String tenant, Object data) {
        publish(exerciseId.toString(), Map.of("content-type", CloudEventReader.STRUCTURED),
                envelope(type, exerciseId, tenant, data).toString());
    }

    /** The binary-mode headers of a valid event about {@code exerciseId}. */
    public static Map<String, String> headers(String type, UUID exerciseId, String tenant) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", type);
        headers.put("ce_source", "/medius/catalog-service");
        headers.put("ce_subject", exerciseId.toString());
        headers.put("ce_time", ExerciseLibrary.PUBLISHED_AT.toString());
        headers.put("ce_tenantid", tenant == null ? "global" : tenant);
        headers.put("content-type", "application/json");
        return headers;
    }

    /** A valid structured-mode event about {@code exerciseId}: its attributes and its data. */
    public static ObjectNode envelope(String type, UUID exerciseId, String tenant, Object data) {
        ObjectNode event = ExerciseLibrary.JSON.createObjectNode();
        headers(type, exerciseId, tenant).forEach((name, value) -> {
            if (name.startsWith("ce_")) {
                event.put(name.substring("ce_".length()), value);
            }
        });
        event.put("datacontenttype", "application/json");
        event.set("data", ExerciseLibrary.JSON.valueToTree(data));
        return event;
    }

    public static String json(Object data) {
        try {
            return ExerciseLibrary.JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalArgumentException("not serialisable: " + data, e);
        }
    }

    private static void publish(String key, Map<String, String> headers, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MediusTestInfrastructure.broker().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CATALOG_EXERCISES, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.CATALOG_EXERCISES, e);
        }
    }
}
