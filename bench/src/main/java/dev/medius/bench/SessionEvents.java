package dev.medius.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.medius.events.EventTypes;
import dev.medius.events.Topics;

/**
 * {@code session.completed.v1} records exactly as routine-service's outbox relay writes them:
 * CloudEvents binary mode (ce_* headers, JSON value), keyed by athlete (docs/events.md).
 */
final class SessionEvents {

    static final String TENANT = "bench-club";
    /** Exercises per session, each with two sets: the volume rows one event adds. */
    static final int EXERCISES = 3;

    private SessionEvents() {
    }

    static String athlete(int number) {
        return "athlete-" + number;
    }

    static String coach(int athleteNumber, int roster) {
        return "coach-" + (athleteNumber / roster);
    }

    /** Publishes {@code count} completions spread over {@code athletes}; returns when the broker has them all. */
    static void publish(String bootstrap, int count, int athletes, int roster) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        Random random = new Random(42);
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        // live traffic: completions of the last six days, so athletes are active and flags reflect a normal week; the
        // latest an hour ago at most, as a completion dated ahead of its record is dead-lettered
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC).minusDays(6).minusHours(1).withNano(0);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                int athleteNumber = i % athletes;
                String athlete = athlete(athleteNumber);
                OffsetDateTime completed = base.plusMinutes((long) i * 6 * 24 * 60 / Math.max(1, count))
                        .plusSeconds(random.nextInt(3600));
                UUID session = new UUID(random.nextLong(), random.nextLong());
                String value = json(session, athlete, coach(athleteNumber, roster), completed, random);
                RecordHeaders headers = new RecordHeaders();
                header(headers, "ce_specversion", "1.0");
                header(headers, "ce_id", new UUID(random.nextLong(), random.nextLong()).toString());
                header(headers, "ce_type", EventTypes.SESSION_COMPLETED);
                header(headers, "ce_source", "/medius/routine-service");
                header(headers, "ce_time", completed.toString());
                header(headers, "ce_subject", session.toString());
                header(headers, "ce_tenantid", TENANT);
                header(headers, "content-type", "application/json");
                producer.send(new ProducerRecord<>(Topics.ROUTINE_SESSIONS, null, athlete,
                        value.getBytes(StandardCharsets.UTF_8), headers), (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
        }
        // a record the broker did not take would leave the run waiting for events that never come
        if (failure.get() != null) {
            throw new IllegalStateException("the broker did not take every completion: " + failure.get().getMessage(),
                    failure.get());
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(UUID session, String athlete, String coach, OffsetDateTime completed, Random random) {
        LocalDate scheduled = completed.toLocalDate();
        StringBuilder exercises = new StringBuilder();
        for (int e = 0; e < EXERCISES; e++) {
            String slug = new String[] {"lateral-band-walk", "side-plank", "single-leg-squat"}[e];
            int reps = 8 + random.nextInt(5);
            exercises.append(e == 0 ? "" : ",").append("{\"exerciseId\":\"").append(slug).append("\",\"slug\":\"")
                    .append(slug).append("\",\"name\":\"").append(slug.replace('-', ' '))
                    .append("\",\"pattern\":\"hip-abduction\",\"muscles\":[\"gluteus-medius\"],\"sets\":[")
                    .append("{\"reps\":").append(reps).append(",\"side\":\"left\",\"rpe\":6},")
                    .append("{\"reps\":").append(reps).append(",\"side\":\"right\",\"rpe\":6}],\"skipped\":false}");
        }
        return "{\"sessionId\":\"" + session + "\",\"planId\":null,\"assignmentId\":null,\"athleteId\":\"" + athlete
                + "\",\"coachId\":\"" + coach + "\",\"teamId\":null,\"scheduledDate\":\"" + scheduled
                + "\",\"startedAt\":\"" + completed.minusMinutes(25) + "\",\"completedAt\":\"" + completed
                + "\",\"durationMinutes\":25,\"sessionRpe\":" + (5 + random.nextInt(3)) + ",\"pain\":{\"score\":"
                + (random.nextDouble() < 0.15 ? 1 + random.nextInt(2) : 0) + ",\"area\":\"knee\"},\"notes\":null,\"exercises\":[" + exercises + "]}";
    }
}
