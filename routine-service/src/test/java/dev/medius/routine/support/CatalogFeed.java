package dev.medius.routine.support;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;

/** Publishes catalog events the way catalog-service does: CloudEvents in Kafka binary mode, keyed by exercise id. */
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

    public static void send(String type, UUID exerciseId, String tenant, Object data) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MediusTestInfrastructure.broker().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CATALOG_EXERCISES, exerciseId.toString(),
                    ExerciseLibrary.JSON.writeValueAsString(data));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", type);
            header(record, "ce_source", "/medius/catalog-service");
            header(record, "ce_subject", exerciseId.toString());
            header(record, "ce_time", ExerciseLibrary.PUBLISHED_AT.toString());
            header(record, "ce_tenantid", tenant == null ? "global" : tenant);
            header(record, "content-type", "application/json");
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.CATALOG_EXERCISES, e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
