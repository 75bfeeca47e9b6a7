package dev.medius.progress.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.medius.progress.config.KafkaConfig;

/**
 * The Kafka clients this service opens besides its channels: the dead-letter producer, and the readers and writers
 * of a rebuild and of a replay of the dead letters. Records are raw: string keys, byte values, headers as sent.
 */
@ApplicationScoped
public class KafkaClients {

    /** How long the broker has to acknowledge a record sent or to answer a question about partitions. */
    public static final Duration BROKER_WAIT = Duration.ofSeconds(30);

    @Inject
    KafkaConfig kafka;

    /** A producer that waits for every in-sync replica and never writes a record twice. */
    public KafkaProducer<String, byte[]> producer(String clientId) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, clientId), new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer outside every consumer group, which commits nothing: its caller assigns and seeks. */
    public KafkaConsumer<String, byte[]> reader(String clientId, Map<String, Object> settings) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.putAll(settings);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Every partition of the topics. */
    public static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo p : consumer.partitionsFor(topic, BROKER_WAIT)) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        return partitions;
    }

    /** Whether the consumer has read every partition up to the given end. */
    public static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Waits until the broker has acknowledged every send; {@code what} names them in the failure. */
    public static void acknowledged(List<Future<RecordMetadata>> sends, String what) {
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(BROKER_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending " + what, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the broker did not acknowledge " + what + ": " + e.getMessage(), e);
            }
        }
    }

    /** The last value of a header as text, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
