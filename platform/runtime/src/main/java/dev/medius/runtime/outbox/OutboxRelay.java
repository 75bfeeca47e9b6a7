package dev.medius.runtime.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.runtime.config.OutboxConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * events written by another replica or left by a failed send are picked up too. An event the broker
 * refuses stays queued with its attempts and last error, without holding back the rest of its batch.
 *
 * <p>It works on two connections of its own (datasource {@code outbox}), not the service's pool: under load every
 * connection of that pool is taken by requests, and events committed long ago would wait in their queue.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** The relay's own connections: requests that keep the service's pool busy never hold an event back. */
    public static final String DATASOURCE = "outbox";

    @Inject
    @io.quarkus.agroal.DataSource(DATASOURCE)
    DataSource database;

    @Inject
    ObjectMapper json;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    Emitter<String> emitter;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    @Inject
    Instance<OutboxSealer> sealer;

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
        if (!config.enabled()) {
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
        Duration backoff = config.pollInterval();
        try {
            while (running) {
                Round round;
                try {
                    round = relayBatch();
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    LOG.warnf("outbox relay paused: %s", e.getMessage());
                    backoff = pause(backoff);
                    continue;
                }
                if (round.refused() > 0) {
                    LOG.warnf("outbox relay paused: %d of %d events not acknowledged by the broker; they stay queued",
                            round.refused(), round.claimed());
                    backoff = pause(backoff);
                } else if (round.claimed() < config.batchSize()) {
                    backoff = config.pollInterval();
                    wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits twice as long as last time, at most ten seconds; returns the wait. */
    private Duration pause(Duration previous) throws InterruptedException {
        Duration backoff = previous.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                : previous.multipliedBy(2);
        TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
        return backoff;
    }

    /** What one round did: rows claimed, and how many of them the broker acknowledged. */
    record Round(int claimed, int acknowledged) {

        int refused() {
            return claimed - acknowledged;
        }
    }

    /**
     * Relays one batch in one transaction of the relay's own connection: acknowledged events are marked published,
     * refused ones keep their attempt and error.
     */
    Round relayBatch() {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Round round = relayBatch(connection);
                connection.commit();
                return round;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox unreachable: " + e.getMessage(), e);
        }
    }

    private Round relayBatch(Connection connection) throws SQLException {
        List<OutboxEvent> batch = claim(connection);
        if (batch.isEmpty()) {
            return new Round(0, 0);
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(send(event));
        }
        List<UUID> published = new ArrayList<>(batch.size());
        List<OutboxEvent> refused = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                published.add(event.id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while relaying", e);
            } catch (Exception e) {
                event.lastError = String.valueOf(e.getCause() == null ? e : e.getCause());
                refused.add(event);
                failures.increment();
            }
        }
        // one statement for the whole batch: an UPDATE per event was most of the relay's database time
        if (!published.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_event SET published_at = ?, "
                    + "last_error = NULL WHERE id = ANY(?)")) {
                update.setObject(1, OffsetDateTime.now(clock));
                update.setArray(2, connection.createArrayOf("uuid", published.toArray()));
                update.executeUpdate();
            }
        }
        if (!refused.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_event SET attempts = attempts + 1, "
                    + "last_error = ? WHERE id = ?")) {
                for (OutboxEvent event : refused) {
                    update.setString(1, event.lastError);
                    update.setObject(2, event.id);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        relayed.increment(published.size());
        return new Round(batch.size(), published.size());
    }

    /** The oldest unpublished events no other replica is relaying, locked until this round commits. */
    private List<OutboxEvent> claim(Connection connection) throws SQLException {
        List<OutboxEvent> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, seq, tenant_id, topic, message_key, "
                + "event_type, source, subject, occurred_at, payload::text, headers::text, attempts FROM outbox_event "
                + "WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OutboxEvent event = new OutboxEvent();
                    event.id = rows.getObject(1, UUID.class);
                    event.seq = rows.getLong(2);
                    event.tenantId = rows.getString(3);
                    event.topic = rows.getString(4);
                    event.messageKey = rows.getString(5);
                    event.eventType = rows.getString(6);
                    event.source = rows.getString(7);
                    event.subject = rows.getString(8);
                    event.occurredAt = rows.getObject(9, OffsetDateTime.class);
                    event.payload = rows.getString(10);
                    event.headers = rows.getString(11);
                    event.attempts = rows.getInt(12);
                    batch.add(event);
                }
            }
        }
        return batch;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        String payload;
        try {
            payload = sealer.isResolvable() ? sealer.get().payload(event) : event.payload;
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
            return ack;
        }
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
        Message<String> message = Message.of(payload)
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
