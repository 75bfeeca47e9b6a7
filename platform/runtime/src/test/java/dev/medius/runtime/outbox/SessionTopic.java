package dev.medius.runtime.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.runtime.outbox.Outbox.Envelope;

/**
 * The topic the tests publish training-session events to through the outbox, read back with a plain
 * Kafka consumer from the beginning.
 */
public final class SessionTopic implements AutoCloseable {

    public static final String NAME = "runtime.test.sessions";
    static final String TENANT = "org-riverside";
    static final String TYPE = "dev.medius.test.session-completed";
    static final String SOURCE = "/medius/runtime-test";
    static final OffsetDateTime MORNING = OffsetDateTime.of(2026, 3, 2, 7, 30, 0, 0, ZoneOffset.UTC);

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private SessionTopic(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    static SessionTopic open() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, MediusTestInfrastructure.broker().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "runtime-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(NAME));
        return new SessionTopic(consumer);
    }

    /** A session of {@code athlete} completed at a fixed time, numbered {@code n} in the data. */
    static Envelope session(String athlete, int n) {
        return new Envelope(UUID.randomUUID(), TENANT, NAME, athlete, TYPE, SOURCE, "session-" + n, MORNING,
                Map.of("athlete", athlete, "session", n), Map.of());
    }

    /** Like {@link #session}, but over the producer's max.request.size of the test configuration (10 KiB). */
    static Envelope oversized(String athlete, int n) {
        return new Envelope(UUID.randomUUID(), TENANT, NAME, athlete, TYPE, SOURCE, "session-" + n, MORNING,
                Map.of("athlete", athlete, "notes", "x".repeat(20_000)), Map.of());
    }

    /** Reads until {@code done} holds for the records of {@code key} seen so far; returns them in topic order. */
    List<ConsumerRecord<String, String>> readUntil(String key, Predicate<List<ConsumerRecord<String, String>>> done) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return done.test(of(key));
        });
        return of(key);
    }

    /** Reads until {@code count} records of {@code key} arrived. */
    List<ConsumerRecord<String, String>> read(String key, int count) {
        return readUntil(key, records -> records.size() >= count);
    }

    private List<ConsumerRecord<String, String>> of(String key) {
        return seen.stream().filter(record -> key.equals(record.key())).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(header -> headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
