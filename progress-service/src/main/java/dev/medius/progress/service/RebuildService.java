package dev.medius.progress.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.medius.events.Topics;
import dev.medius.progress.repository.FactRepository;
import dev.medius.progress.repository.ProgressRepository;
import dev.medius.progress.rest.ProgressViews.RebuildReport;
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

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    FactRepository facts;

    @Inject
    ProgressRepository progress;

    @Inject
    IngestionService ingestion;

    @Inject
    FlagSchedule flagSchedule;

    @Inject
    IngestionGate gate;

    public RebuildReport rebuild() {
        long started = System.nanoTime();
        long read = 0;
        long applied = 0;
        gate.enterAlone();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    facts.truncateProjections();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("could not empty the projections: " + e.getMessage(), e);
                }
            });
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "progress-service-rebuild");
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(Topics.ROUTINE_PLANS, Topics.ROUTINE_SESSIONS)) {
                    for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                        partitions.add(new TopicPartition(p.topic(), p.partition()));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
                long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                while (!reachedEnd(consumer, end)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("rebuild did not reach the end of the topics in time");
                    }
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> r : records) {
                        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                        if (r.offset() < end.getOrDefault(tp, 0L)) {
                            batch.add(r);
                        }
                    }
                    read += batch.size();
                    if (!batch.isEmpty()) {
                        applied += ingestion.ingest(batch, IngestionService.Mode.REPLAY);
                    }
                }
            }
            flagSchedule.evaluate(progress.allAthletes());
        } finally {
            gate.leaveAlone();
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.infof("rebuilt projections from %d records (%d events) in %d ms", read, applied, millis);
        return new RebuildReport(read, applied, millis);
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
