package dev.medius.routine.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.events.CloudEventReader;

/** Reads what reached a topic, from the beginning, as CloudEvents with their data. */
public final class EventTap implements AutoCloseable {

    /**
     * One record: key, CloudEvent id, type, tenant, subject and data, and why a consumer would refuse its envelope
     * (null when it is a valid CloudEvent).
     */
    public record Event(String key, String id, String type, String tenant, String subject, JsonNode data,
            String refusal) {
    }

    private static final CloudEventReader READER = new CloudEventReader(ExerciseLibrary.JSON);

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    public EventTap(String topic) {
        this(topic, MediusTestInfrastructure.broker().bootstrapServers());
    }

    public EventTap(String topic, String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "tap-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything read so far with this key (an athlete id), after polling for what is new. */
    public synchronized List<Event> withKey(String key) {
        poll();
        return seen.stream().filter(e -> key.equals(e.key())).collect(Collectors.toList());
    }

    public synchronized List<Event> ofType(String key, String type) {
        return withKey(key).stream().filter(e -> type.equals(e.type())).collect(Collectors.toList());
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
            try {
                String refusal = READER.read(name -> header(record, name),
                        record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8)).rejection();
                seen.add(new Event(record.key(), header(record, "ce_id"), header(record, "ce_type"),
                        header(record, "ce_tenantid"), header(record, "ce_subject"),
                        ExerciseLibrary.JSON.readTree(record.value()), refusal));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
