package dev.medius.progress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.kafka.PoisonRecords;
import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;

/**
 * Produces events the way an outside platform does: a plain KafkaProducer, CloudEvents binary mode
 * headers written by hand, JSON data as the value, keyed by athlete id. The subject is the session or
 * assignment the data names, and each new event is a little later than the one before.
 */
public final class RoutineEvents {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    /** The first ce_time: before the fixed clock's noon, so that no event is in the future. */
    static final Instant FIRST_EVENT_TIME = Instant.parse("2026-06-17T08:00:00Z");
    private static final AtomicLong EVENTS = new AtomicLong();
    /** An event sent again under its id is the same event: it keeps the ce_time it was first sent with. */
    private static final Map<String, String> TIMES = new ConcurrentHashMap<>();

    private RoutineEvents() {
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    MediusTestInfrastructure.broker().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Sends one record with the documented headers; returns its ce_id. */
    public static String send(String topic, String tenant, String type, String athlete, Object data) {
        String id = UUID.randomUUID().toString();
        send(topic, athlete, value(data), headers(id, type, tenant, subject(type, data, athlete)));
        return id;
    }

    /** Sends many records without waiting for each, as a busy platform does; returns once all are acknowledged. */
    public static void sendAll(String topic, String tenant, String type, String athlete, List<?> data) {
        List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
        for (Object d : data) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, athlete, value(d));
            headers(UUID.randomUUID().toString(), type, tenant, subject(type, d, athlete))
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            sends.add(producer().send(record));
        }
        producer().flush();
        for (java.util.concurrent.Future<?> send : sends) {
            try {
                send.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Sends the event with the given id: sent again with the same data, it is the same event (a duplicate). */
    public static void sendWithId(String id, String topic, String tenant, String type, String athlete, Object data) {
        send(topic, athlete, value(data), headers(id, type, tenant, subject(type, data, athlete)));
    }

    /** The documented headers; each new id gets a later ce_time, so that a version sent later is the newer one. */
    public static Map<String, String> headers(String id, String type, String tenant, String subject) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", "/outside/platform",
                "ce_time", time(id), "ce_subject", subject, "ce_tenantid", tenant, "content-type",
                "application/json");
    }

    /** The ce_time of the event with this id. */
    public static String time(String id) {
        return TIMES.computeIfAbsent(id, k -> FIRST_EVENT_TIME.plusMillis(EVENTS.incrementAndGet()).toString());
    }

    /** The session, check-in, strength test, assignment or athlete the data names, the subject the contract requires. */
    public static String subject(String type, Object data, String fallback) {
        JsonNode node;
        try {
            node = data instanceof JsonNode n ? n : JSON.readTree(value(data));
        } catch (Exception e) {
            return fallback;
        }
        String field = type.startsWith("plan.") ? "assignmentId" : type.startsWith("athlete.") ? "athleteId"
                : type.startsWith("wellness.") ? "checkInId" : type.startsWith("strength-test.") ? "testId"
                : "sessionId";
        JsonNode named = node == null ? null : node.get(field);
        return named != null && named.isTextual() && !named.asText().isBlank() ? named.asText() : fallback;
    }

    public static void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(Object data) {
        try {
            return data instanceof String s ? s : JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** plan.assigned.v1 with one session on each date, or none from today; returns the data, session ids in order. */
    public static ObjectNode planAssigned(String assignment, String athlete, String coach, LocalDate... dates) {
        LocalDate start = dates.length == 0 ? FixedClock.TODAY : dates[0];
        LocalDate end = dates.length == 0 ? FixedClock.TODAY : dates[dates.length - 1];
        ObjectNode d = JSON.createObjectNode();
        d.put("assignmentId", assignment).put("planId", uuid()).put("athleteId", athlete).put("coachId", coach)
                .put("title", "Hip stability").put("startDate", start.toString()).put("endDate", end.toString());
        d.set("sessions", sessions(dates));
        return d;
    }

    /** Sends a plan of a session on each date (or none), since only a plan puts an athlete on a coach's roster. */
    public static ObjectNode enrol(String tenant, String athlete, String coach, LocalDate... dates) {
        ObjectNode plan = planAssigned(uuid(), athlete, coach, dates);
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.PLAN_ASSIGNED, athlete, plan);
        return plan;
    }

    public static ArrayNode sessions(LocalDate... dates) {
        ArrayNode sessions = JSON.createArrayNode();
        for (LocalDate date : dates) {
            sessions.addObject().put("sessionId", uuid()).put("scheduledDate", date.toString()).put("title", "Session");
        }
        return sessions;
    }

    public static String sessionId(ObjectNode plan, int index) {
        return plan.get("sessions").get(index).get("sessionId").asText();
    }

    /** session.completed.v1 without exercises; add them with {@link #exercise}. */
    public static ObjectNode completed(String sessionId, String athlete, String coach, LocalDate day, Double rpe,
            Integer pain) {
        ObjectNode d = JSON.createObjectNode();
        d.put("sessionId", sessionId).put("athleteId", athlete).put("coachId", coach)
                .put("scheduledDate", day.toString()).put("completedAt", day + "T10:00:00Z");
        if (rpe != null) {
            d.put("sessionRpe", rpe);
        }
        if (pain != null) {
            d.putObject("pain").put("score", pain).put("area", "knee");
        }
        d.putArray("exercises");
        return d;
    }

    /** Adds an exercise done as {@code sets} sets of {@code reps} reps, or of {@code hold} seconds when reps is null. */
    public static ObjectNode exercise(ObjectNode completed, String exerciseId, String pattern, List<String> muscles,
            int sets, Integer reps, Integer hold) {
        ObjectNode ex = ((ArrayNode) completed.get("exercises")).addObject();
        ex.put("exerciseId", exerciseId).put("name", exerciseId).put("pattern", pattern);
        ArrayNode m = ex.putArray("muscles");
        muscles.forEach(m::add);
        ArrayNode s = ex.putArray("sets");
        for (int i = 0; i < sets; i++) {
            ObjectNode set = s.addObject();
            if (reps != null) {
                set.put("reps", reps);
            }
            if (hold != null) {
                set.put("holdSeconds", hold);
            }
        }
        ex.put("skipped", false);
        return completed;
    }

    /** wellness.checked-in.v1 of the morning of {@code day}: middling answers, knee pain 3, no adjustments. */
    public static ObjectNode checkIn(String checkInId, String athlete, LocalDate day) {
        ObjectNode d = JSON.createObjectNode();
        d.put("checkInId", checkInId).put("athleteId", athlete).put("date", day.toString())
                .put("recordedAt", day + "T06:30:00Z").put("sleepQuality", 3).put("energy", 4).put("soreness", 2)
                .put("stress", 3).put("mood", 4).put("sleepHours", 7.5);
        d.putArray("pain").addObject().put("area", "knee").put("score", 3);
        d.putArray("redFlags");
        return d;
    }

    /** strength-test.recorded.v1 of {@code day}, recorded before noon: hip abduction, the right side at 86 % of the left. */
    public static ObjectNode strengthTest(String testId, String athlete, LocalDate day) {
        ObjectNode d = JSON.createObjectNode();
        d.put("testId", testId).put("athleteId", athlete).put("kind", "hip-abduction").put("testedOn", day.toString())
                .put("recordedAt", day + "T09:05:00Z").put("left", 1.68).put("right", 1.44).put("unit", "N·m/kg")
                .put("symmetryPercent", 85.7).put("involvedSide", "right").put("pain", 1).putNull("leftRating")
                .putNull("rightRating");
        d.putArray("faults");
        d.putArray("findings").add("limb symmetry 86 % (right side against the other)");
        return d;
    }

    public static ObjectNode skipped(String sessionId, String athlete, String coach, LocalDate day) {
        ObjectNode d = JSON.createObjectNode();
        d.put("sessionId", sessionId).put("athleteId", athlete).put("coachId", coach)
                .put("scheduledDate", day.toString()).put("reason", "exam week").put("recordedAt", day + "T11:00:00Z");
        return d;
    }

    /** Every record on the topic whose key is {@code key}, read from the beginning. */
    /** The topic's records with the key; alerts, which are always sealed, with their data opened. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, String key) {
        List<ConsumerRecord<String, String>> records = PoisonRecords.readAll(
                MediusTestInfrastructure.broker().bootstrapServers(), topic, key, new StringDeserializer());
        if (!Topics.PROGRESS_ALERTS.equals(topic)) {
            return records;
        }
        return records.stream().map(r -> new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(),
                r.timestampType(), r.serializedKeySize(), r.serializedValueSize(), r.key(), RoutineStandIn.open(r.value()),
                r.headers(), r.leaderEpoch())).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
