package dev.medius.progress.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import dev.medius.events.Topics;
import dev.medius.progress.domain.Rejection;
import dev.medius.progress.repository.DatabaseAvailability;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends records that cannot be processed to {@code routine.sessions.dlq} unchanged (key, value and
 * headers) with the reason and origin in {@code medius-dlq-*} headers, and waits for the broker, so
 * that the consumer's offset moves on only once the record is safe. A record the database failed to
 * store is dead-lettered only while the database answers: during an outage every record fails, and
 * the batch waits for the database instead.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** Records by what became of them: applied, duplicate, or dead-lettered with its category. */
    public static final String OUTCOMES = "medius.progress.records";

    @Inject
    KafkaClients kafka;

    @Inject
    MeterRegistry metrics;

    @Inject
    DatabaseAvailability database;

    private volatile KafkaProducer<String, byte[]> producer;

    /** A rejected record and why. */
    public record Rejected(ConsumerRecord<String, byte[]> record, Rejection rejection) {

        public String reason() {
            return rejection.reason();
        }
    }

    public void send(List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        if (rejected.stream().anyMatch(r -> r.rejection().category() == Rejection.Category.PROCESSING) && !database.answers()) {
            // the event is not at fault when the database is away: fail the batch so that it is retried
            // once the database is back, instead of parking good events on the dead-letter topic
            throw new IllegalStateException("database unavailable; " + rejected.size()
                    + " records kept for a retry instead of dead-lettering them");
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (Rejected r : rejected) {
            ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.ROUTINE_SESSIONS_DLQ, null,
                    r.record().key(), r.record().value());
            for (Header h : r.record().headers()) {
                out.headers().add(h.key(), h.value());
            }
            Map.of("medius-dlq-reason", r.reason(), "medius-dlq-category", r.rejection().category().wire(),
                    "medius-dlq-topic", r.record().topic(), "medius-dlq-partition", String.valueOf(r.record().partition()),
                    "medius-dlq-offset", String.valueOf(r.record().offset()))
                    .forEach((k, v) -> out.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            LOG.warnf("dead-lettering %s-%d@%d: %s", r.record().topic(), r.record().partition(), r.record().offset(),
                    r.reason());
            sends.add(producer().send(out));
        }
        KafkaClients.acknowledged(sends, "a dead letter");
        metrics.counter("medius.progress.dead.lettered").increment(rejected.size());
        for (Rejected r : rejected) {
            metrics.counter(OUTCOMES, "outcome", "dead-lettered", "category", r.rejection().category().wire()).increment();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = kafka.producer("progress-service-dlq");
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
