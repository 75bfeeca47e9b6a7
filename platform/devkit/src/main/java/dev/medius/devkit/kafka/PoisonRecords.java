package dev.medius.devkit.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;

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
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records a consumer must refuse without stopping: random bytes, an empty value, JSON of the wrong
 * shape, nesting deeper than any parser should follow, a value near the broker's size limit, and
 * CloudEvents headers missing or wrong. Each is built from the headers of a valid event, so that it
 * is wrong in exactly one way, and says how the consumer's reason for refusing it begins.
 */
public final class PoisonRecords {

    /** One bad record: its value and headers, and the start of the reason a consumer must give. */
    public record Poison(String name, byte[] value, Map<String, String> headers, String reason) {
    }

    private PoisonRecords() {
    }

    /** The poison records for an event type whose valid headers are {@code valid}. */
    public static List<Poison> forEvent(Map<String, String> valid) {
        byte[] random = new byte[2048];
        new Random(9).nextBytes(random);
        random[0] = (byte) 0xff; // never valid UTF-8, never the start of JSON
        List<Poison> poisons = new ArrayList<>();
        poisons.add(new Poison("random bytes", random, valid, "value is not JSON"));
        poisons.add(new Poison("empty value", new byte[0], valid, "value is not"));
        poisons.add(new Poison("truncated JSON", utf8("{\"sessionId\": \"a"), valid, "value is not JSON"));
        poisons.add(new Poison("JSON array", utf8("[1, 2, 3]"), valid, "value is not a JSON object"));
        poisons.add(new Poison("wrong schema", utf8("{\"hello\": \"world\", \"rpe\": \"high\"}"), valid,
                "schema violations"));
        poisons.add(new Poison("deeply nested", utf8("[".repeat(10_000) + "]".repeat(10_000)), valid,
                "value is not JSON"));
        poisons.add(new Poison("huge value", utf8("{\"padding\": \"" + "x".repeat(900_000) + "\"}"), valid,
                "schema violations"));
        poisons.add(new Poison("no headers", utf8("{}"), Map.of(), "missing header"));
        poisons.add(new Poison("no tenant", utf8("{}"), without(valid, "ce_tenantid"), "missing header ce_tenantid"));
        poisons.add(new Poison("no type", utf8("{}"), without(valid, "ce_type"), "missing header ce_type"));
        poisons.add(new Poison("old spec version", utf8("{}"), with(valid, "ce_specversion", "0.3"),
                "unsupported ce_specversion"));
        poisons.add(new Poison("unknown type", utf8("{}"), with(valid, "ce_type", "dev.example.teleported.v1"),
                "unknown event type"));
        poisons.add(new Poison("not JSON content", utf8("{}"), with(valid, "content-type", "text/plain"),
                "unsupported content-type"));
        poisons.add(new Poison("bad time", utf8("{}"), with(valid, "ce_time", "yesterday"), "ce_time is not"));
        return poisons;
    }

    /** Sends {@code poison} to {@code topic} under {@code key} and waits for the broker. */
    public static void send(String bootstrapServers, String topic, String key, Poison poison) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, poison.value());
            poison.headers().forEach((name, value) -> record.headers().add(name, utf8(value)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + poison.name() + " to " + topic, e);
        }
    }

    /** Every record with {@code key} on {@code topic}, from the beginning, values as bytes. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic, String key) {
        return readAll(bootstrapServers, topic, key, new ByteArrayDeserializer());
    }

    /** Every record with {@code key} on {@code topic}, from the beginning, outside any consumer group. */
    public static <V> List<ConsumerRecord<String, V>> readAll(String bootstrapServers, String topic, String key,
            Deserializer<V> values) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, V>> found = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Checks that {@code dead} holds each poison once, unchanged, with a reason in header
     * {@code reasonHeader} that begins as expected; returns what is wrong.
     */
    public static List<String> deadLettered(List<Poison> poisons, List<ConsumerRecord<String, byte[]>> dead,
            String reasonHeader) {
        List<String> wrong = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> unmatched = new ArrayList<>(dead);
        for (Poison poison : poisons) {
            ConsumerRecord<String, byte[]> match = unmatched.stream()
                    .filter(r -> Arrays.equals(r.value() == null ? new byte[0] : r.value(), poison.value())
                            && eventHeaders(r).equals(poison.headers()))
                    .findFirst().orElse(null);
            if (match == null) {
                wrong.add(poison.name() + ": not on the dead-letter topic unchanged");
                continue;
            }
            unmatched.remove(match);
            String reason = header(match, reasonHeader);
            if (reason == null || !reason.startsWith(poison.reason())) {
                wrong.add(poison.name() + ": reason '" + reason + "', expected it to start with '" + poison.reason() + "'");
            }
        }
        unmatched.forEach(r -> wrong.add("unexpected dead letter: " + header(r, reasonHeader)));
        return wrong;
    }

    /** The record's own headers, without those a dead-letter topic adds. */
    private static Map<String, String> eventHeaders(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith("ce_") || header.key().equals("content-type")) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> without(Map<String, String> headers, String name) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.remove(name);
        return copy;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
