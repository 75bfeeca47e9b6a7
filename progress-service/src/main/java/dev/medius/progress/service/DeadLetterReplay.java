package dev.medius.progress.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import dev.medius.events.Topics;
import dev.medius.progress.events.KafkaClients;
import dev.medius.progress.repository.ReplayPositionRepository;
import dev.medius.runtime.problem.ProblemException;

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

    @Inject
    KafkaClients kafka;

    @Inject
    ReplayPositionRepository positions;

    /** One replay at a time: two would both read the same position and send the same records. */
    private final ReentrantLock replaying = new ReentrantLock();

    /** What a replay sent back, and what it could not (a record whose origin is not one of the input topics). */
    public record Report(long replayed, long skipped, Map<String, Long> byTopic) {
    }

    public Report replay() {
        if (!replaying.tryLock()) {
            throw new ProblemException(409, "Conflict", "a replay is already running");
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
        try (KafkaConsumer<String, byte[]> consumer = kafka.reader("progress-service-dlq-replay",
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
                KafkaProducer<String, byte[]> producer = kafka.producer("progress-service-dlq-replay")) {
            List<TopicPartition> partitions = KafkaClients.partitions(consumer, List.of(Topics.ROUTINE_SESSIONS_DLQ));
            consumer.assign(partitions);
            Map<Integer, Long> from = positions.positions();
            for (TopicPartition partition : partitions) {
                Long next = from.get(partition.partition());
                if (next == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, next);
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KafkaClients.BROKER_WAIT);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!KafkaClients.reachedEnd(consumer, end)) {
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
                    String origin = KafkaClients.header(dead, "medius-dlq-topic");
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
                KafkaClients.acknowledged(sends, "a replayed record");
                positions.save(next);
            }
        }
        LOG.infof("replayed %d dead-lettered records (%d without an input topic to go back to)", replayed, skipped);
        return new Report(replayed, skipped, byTopic);
    }
}
