package dev.medius.progress.service;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import dev.medius.events.Topics;
import dev.medius.progress.events.KafkaClients;
import dev.medius.progress.repository.Projections;
import dev.medius.progress.repository.RosterRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds every projection from the input topics: empties the facts, reads both topics from the first
 * offset to the end seen at the start with a consumer outside the live consumer group, applies the
 * records through the same ingestion code, then evaluates flags once on the complete facts. Live
 * ingestion waits meanwhile, so nothing is applied twice or lost.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    @Inject
    KafkaClients kafka;

    @Inject
    Projections projections;

    @Inject
    RosterRepository roster;

    @Inject
    IngestionService ingestion;

    @Inject
    FlagSchedule flagSchedule;

    @Inject
    IngestionGate gate;

    @Schema(description = "Outcome of a rebuild from the topics.")
    public record RebuildReport(long recordsRead, long eventsApplied, long millis) {
    }

    public RebuildReport rebuild() {
        long started = System.nanoTime();
        long read = 0;
        long applied = 0;
        gate.enterAlone();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    projections.truncate();
                } catch (SQLException e) {
                    throw new IllegalStateException("could not empty the projections: " + e.getMessage(), e);
                }
            });
            try (KafkaConsumer<String, byte[]> consumer = kafka.reader("progress-service-rebuild",
                    Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000))) {
                List<TopicPartition> partitions = KafkaClients.partitions(consumer,
                        List.of(Topics.ROUTINE_PLANS, Topics.ROUTINE_SESSIONS));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KafkaClients.BROKER_WAIT);
                long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                while (!KafkaClients.reachedEnd(consumer, end)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("rebuild did not reach the end of the topics in time");
                    }
                    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() < end.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L)) {
                            batch.add(r);
                        }
                    }
                    read += batch.size();
                    if (!batch.isEmpty()) {
                        applied += ingestion.replay(batch);
                    }
                }
            }
            flagSchedule.evaluate(roster.allAthletes());
        } finally {
            gate.leaveAlone();
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.infof("rebuilt projections from %d records (%d events) in %d ms", read, applied, millis);
        return new RebuildReport(read, applied, millis);
    }
}
