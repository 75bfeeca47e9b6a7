package dev.medius.progress.service;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.medius.events.Topics;

/**
 * Sends the records of {@code routine.sessions.dlq} back to the topics they came from, once each: after a fix they
 * go through ingestion again like any record, and are applied, recognised as duplicates or dead-lettered anew. Where
 * the replay has got to is kept per partition of the dead-letter topic, and moved on only once the broker has
 * acknowledged the records before it, so that a second replay, or one after a crash, sends nothing twice that
 * ingestion would not see as a duplicate.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    private static final Set<String> ORIGINS = Set.of(Topics.ROUTINE_SESSIONS, Topics.ROUTINE_PLANS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    /** One replay at a time: two would both read the same position and send the same records. */
    private final ReentrantLock replaying = new ReentrantLock();

    /** What a replay sent back, and what it could not (a record whose origin is not one of the input topics). */
    public record Report(long replayed, long skipped, Map<String, Long> byTopic) {
    }

    public Report replay() {
        if (!replaying.tryLock()) {
            throw new IllegalStateException("a replay is already running");
        }
        try {
            return replayLocked();
        } finally {
            replaying.unlock();
        }
    }

    private Report replayLocked() {
        long replayed = 0;
        long skipped = 0;
        Map<String, Long> byTopic = new HashMap<>();
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "progress-service-dlq-replay");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "progress-service-dlq-replay");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                        new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(Topics.ROUTINE_SESSIONS_DLQ, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(partitions);
            Map<Integer, Long> from = positions();
            for (TopicPartition partition : partitions) {
                Long next = from.get(partition.partition());
                if (next == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, next);
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replay did not reach the end of the dead-letter topic in time");
                }
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                Map<Integer, Long> next = new HashMap<>();
                for (ConsumerRecord<String, byte[]> dead : consumer.poll(Duration.ofMillis(500))) {
                    if (dead.offset() >= end.get(new TopicPartition(dead.topic(), dead.partition()))) {
                        continue;
                    }
                    next.put(dead.partition(), dead.offset() + 1);
                    String origin = header(dead, "medius-dlq-topic");
                    if (origin == null || !ORIGINS.contains(origin)) {
                        skipped++;
                        continue;
                    }
                    ProducerRecord<String, byte[]> again = new ProducerRecord<>(origin, null, dead.key(), dead.value());
                    for (Header h : dead.headers()) {
                        if (!h.key().startsWith("medius-dlq-")) {
                            again.headers().add(h.key(), h.value());
                        }
                    }
                    again.headers().add("medius-replayed-from", (dead.topic() + "-" + dead.partition() + "@" + dead.offset())
                            .getBytes(StandardCharsets.UTF_8));
                    sends.add(producer.send(again));
                    byTopic.merge(origin, 1L, Long::sum);
                    replayed++;
                }
                for (Future<RecordMetadata> send : sends) {
                    try {
                        send.get(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while replaying", e);
                    } catch (Exception e) {
                        throw new IllegalStateException("the broker did not acknowledge a replayed record: " + e.getMessage(), e);
                    }
                }
                savePositions(next);
            }
        }
        LOG.infof("replayed %d dead-lettered records (%d without an input topic to go back to)", replayed, skipped);
        return new Report(replayed, skipped, byTopic);
    }

    private Map<Integer, Long> positions() {
        Map<Integer, Long> positions = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT dlq_partition, next_offset FROM dead_letter_replay");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                positions.put(rs.getInt(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read where the replay got to: " + e.getMessage(), e);
        }
        return positions;
    }

    private void savePositions(Map<Integer, Long> next) {
        if (next.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO "
                + "dead_letter_replay (dlq_partition, next_offset) VALUES (?, ?) ON CONFLICT (dlq_partition) "
                + "DO UPDATE SET next_offset = GREATEST(dead_letter_replay.next_offset, EXCLUDED.next_offset)")) {
            for (Map.Entry<Integer, Long> e : next.entrySet()) {
                st.setInt(1, e.getKey());
                st.setLong(2, e.getValue());
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record where the replay got to: " + e.getMessage(), e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
