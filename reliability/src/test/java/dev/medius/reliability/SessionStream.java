package dev.medius.reliability;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.medius.events.EventTypes;
import dev.medius.events.Prescription;
import dev.medius.events.Topics;
import dev.medius.events.routine.SessionCompleted;

/**
 * A steady stream of {@code session.completed.v1} events on {@code routine.sessions}, written as
 * routine-service's outbox relay writes them (CloudEvents binary mode headers, JSON data, keyed by
 * athlete), sent in the background at a fixed pace. Every acknowledged event is remembered with the
 * partition and offset it got, to be checked against what progress-service stored.
 */
final class SessionStream implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int ATHLETES_PER_TENANT = 40;
    private static final int REPS_PER_SET = 10;

    /** One event the broker acknowledged: its id, what it adds to the projections, and where it landed. */
    record Sent(String id, String tenant, String sessionId, double rpe, int reps, int partition, long offset) {
    }

    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "session-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> tenants;
    private final int total;
    private final AtomicInteger queued = new AtomicInteger();
    private final List<Sent> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    /**
     * {@code total} events, {@code perTick} of them every 100 ms. The producer retries for minutes, so events sent
     * while the broker is away are delivered once it is back.
     */
    SessionStream(String bootstrapServers, String tenantPrefix, int total) {
        this.total = total;
        this.tenants = List.of(tenantPrefix + "-north", tenantPrefix + "-south");
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000),
                new StringSerializer(), new StringSerializer());
    }

    /** Starts sending, {@code perTick} events every 100 ms until all are sent. */
    SessionStream start(int perTick) {
        pacer.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick && queued.get() < total; i++) {
                send(queued.getAndIncrement());
            }
            if (queued.get() >= total) {
                producer.flush();
                pacer.shutdown();
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        return this;
    }

    List<String> tenants() {
        return tenants;
    }

    int total() {
        return total;
    }

    /** Events the broker acknowledged so far; a failed send fails the test. */
    List<Sent> acknowledged() {
        if (failure.get() != null) {
            throw new AssertionError("an event was not delivered", failure.get());
        }
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    /** The data of event {@code n}: one exercise of two sets of ten reps, effort 1 to 10. */
    SessionCompleted event(int n) {
        String tenant = tenants.get(n % tenants.size());
        // athlete ids are global (docs/events.md): each organisation has its own athletes
        String athlete = tenant + "-athlete-" + (n / tenants.size()) % ATHLETES_PER_TENANT;
        OffsetDateTime completedAt = day.atTime(6, 0).atOffset(ZoneOffset.UTC).plusSeconds(n);
        var set = new SessionCompleted.PerformedSet(REPS_PER_SET, null, "both", null, null, 6.0, 2);
        var exercise = new SessionCompleted.ExerciseDone("glute-bridge", "glute-bridge", "Glute bridge", "hip-extension",
                List.of("gluteus-maximus"), new Prescription(2, 8, 12, null, 60, null, null, false), List.of(set, set),
                false, null);
        return new SessionCompleted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), athlete, "coach-" + tenant,
                null, day, completedAt.minusMinutes(25), completedAt, 25, 1.0 + n % 10, new SessionCompleted.Pain(n % 3,
                        n % 3 == 0 ? null : "knee"), null, List.of(exercise));
    }

    private void send(int n) {
        SessionCompleted data = event(n);
        String tenant = tenants.get(n % tenants.size());
        String id = UUID.randomUUID().toString();
        String value;
        try {
            value = JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ROUTINE_SESSIONS, data.athleteId(), value);
        headers(id, tenant, data.sessionId().toString(), data.completedAt())
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        int reps = data.exercises().stream().mapToInt(e -> e.sets().size() * REPS_PER_SET).sum();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            } else {
                acknowledged.add(new Sent(id, tenant, data.sessionId().toString(), data.sessionRpe(), reps,
                        metadata.partition(), metadata.offset()));
            }
        });
    }

    /** The headers the outbox relay writes (SmallRye CloudEvents, binary mode). */
    static Map<String, String> headers(String id, String tenant, String subject, OffsetDateTime time) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", EventTypes.SESSION_COMPLETED, "ce_source",
                "/medius/routine-service", "ce_time", time.toString(), "ce_subject", subject, "ce_tenantid", tenant,
                "content-type", "application/json");
    }

    JsonNode asJson(SessionCompleted data) {
        return JSON.valueToTree(data);
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
