package dev.medius.runtime.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Moves committed outbox events to Kafka. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several replicas relay side by side without sending a row twice; a row is marked published only
 * after the broker acknowledged it. Consumers still deduplicate on the event id, because a crash
 * between the acknowledgement and the commit sends that batch again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;

    @ConfigProperty(name = "medius.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "medius.outbox.send-timeout", defaultValue = "PT40S")
    java.time.Duration sendTimeout;

    private final Counter relayed;
    private final Counter failures;

    @Inject
    public OutboxRelay(MeterRegistry registry) {
        this.relayed = Counter.builder("medius.outbox.relayed").description("events moved from the outbox to Kafka")
                .register(registry);
        this.failures = Counter.builder("medius.outbox.failures").description("outbox sends the broker did not acknowledge")
                .register(registry);
    }

    @Scheduled(every = "${medius.outbox.poll-interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().timeout(120).call(this::relayBatch);
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused: %s", e.getMessage());
        }
    }

    /** Relays one batch; returns how many events the broker acknowledged. */
    @SuppressWarnings("unchecked")
    int relayBatch() {
        List<OutboxEvent> batch = entityManager.createNativeQuery(
                "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED",
                OutboxEvent.class)
                .setParameter("limit", batchSize)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(send(event));
        }
        int acknowledged = 0;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                acks.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                event.publishedAt = now;
                event.lastError = null;
                acknowledged++;
            } catch (Exception e) {
                event.attempts++;
                event.lastError = String.valueOf(e.getCause() == null ? e : e.getCause());
                failures.increment();
            }
        }
        relayed.increment(acknowledged);
        if (acknowledged < batch.size()) {
            LOG.warnf("outbox: %d of %d events not acknowledged by the broker; they stay queued",
                    batch.size() - acknowledged, batch.size());
        }
        return acknowledged;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        extraHeaders(event).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.id.toString())
                .withSource(URI.create(event.source))
                .withType(event.eventType)
                .withSubject(event.subject)
                .withTimestamp(event.occurredAt.toZonedDateTime())
                .withDataContentType("application/json")
                .withExtension("tenantid", event.tenantId)
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.messageKey)
                .withHeaders(headers)
                .build();
        Message<String> message = Message.of(event.payload)
                .addMetadata(cloudEvent)
                .addMetadata(kafka)
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private Map<String, String> extraHeaders(OutboxEvent event) {
        if (event.headers == null || event.headers.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(event.headers, new TypeReference<Map<String, String>>() {
            });
        } catch (Exception e) {
            return Map.of();
        }
    }
}
