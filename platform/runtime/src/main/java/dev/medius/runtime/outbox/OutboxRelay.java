package dev.medius.runtime.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Moves committed outbox events to Kafka. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several replicas relay side by side without sending a row twice; a row is marked published only
 * after the broker acknowledged it. Consumers still deduplicate on the event id, because a crash
 * between the acknowledgement and the commit sends that batch again.
 *
 * <p>The relay wakes as soon as a transaction that recorded events commits, and otherwise polls, so
 * events written by another replica or left by a failed send are picked up too.
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
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    Emitter<String> emitter;

    @ConfigProperty(name = "medius.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "medius.outbox.poll-interval", defaultValue = "PT0.5S")
    Duration pollInterval;

    @ConfigProperty(name = "medius.outbox.send-timeout", defaultValue = "PT40S")
    Duration sendTimeout;

    @ConfigProperty(name = "medius.outbox.enabled", defaultValue = "true")
    boolean enabled;

    private final Semaphore wakeups = new Semaphore(0);
    private final Counter relayed;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;

    @Inject
    public OutboxRelay(MeterRegistry registry) {
        this.relayed = Counter.builder("medius.outbox.relayed").description("events moved from the outbox to Kafka")
                .register(registry);
        this.failures = Counter.builder("medius.outbox.failures")
                .description("outbox sends the broker did not acknowledge").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeups.release();
        if (worker != null) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a transaction that recorded events committed. */
    void wake() {
        wakeups.release();
    }

    private void run() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                int sent = QuarkusTransaction.requiringNew().timeout(120).call(this::relayBatch);
                if (sent == batchSize) {
                    continue;
                }
                backoff = pollInterval;
                wakeups.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("outbox relay paused: %s", e.getMessage());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
                try {
                    TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
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
        List<UUID> published = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                acks.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                published.add(event.id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while relaying", e);
            } catch (Exception e) {
                event.attempts++;
                event.lastError = String.valueOf(e.getCause() == null ? e : e.getCause());
                failures.increment();
            }
        }
        // one statement for the whole batch rather than an UPDATE per event: at a steady few hundred events
        // a second, row-by-row marking was most of the relay's time in the database
        int acknowledged = published.size();
        if (acknowledged > 0) {
            entityManager.createNativeQuery("UPDATE outbox_event SET published_at = :now, last_error = NULL"
                    + " WHERE id = ANY(CAST(:ids AS uuid[]))")
                    .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                    .setParameter("ids", published.stream().map(UUID::toString).toArray(String[]::new))
                    .executeUpdate();
        }
        relayed.increment(acknowledged);
        if (acknowledged < batch.size()) {
            throw new IllegalStateException((batch.size() - acknowledged) + " of " + batch.size()
                    + " events not acknowledged by the broker; they stay queued");
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
            LOG.warnf("outbox event %s has unreadable headers; sending without them", event.id);
            return Map.of();
        }
    }
}
