package dev.medius.progress;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;

/** Events as an outside platform writes them by hand, in either CloudEvents mode, from a plain KafkaProducer. */
final class OutsidePlatform {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE = "/acme/mobile-app";
    private static KafkaProducer<String, byte[]> producer;

    private OutsidePlatform() {
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    MediusTestInfrastructure.broker().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** A record of the check file's binary form: key, headers, value. */
    static ObjectNode binary(String tenant, String type, String subject, String time, ObjectNode data) {
        ObjectNode record = JSON.createObjectNode().put("key", data.get("athleteId").asText());
        ObjectNode headers = record.putObject("headers");
        headers.put("ce_specversion", "1.0").put("ce_id", UUID.randomUUID().toString()).put("ce_type", type)
                .put("ce_source", SOURCE).put("ce_time", time).put("ce_subject", subject).put("ce_tenantid", tenant)
                .put("content-type", "application/json");
        record.set("value", data);
        return record;
    }

    /** A structured-mode event. */
    static ObjectNode structured(String tenant, String type, String subject, String time, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("type", type).put("source", SOURCE).put("subject", subject).put("time", time).put("tenantid", tenant)
                .put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    /** Publishes a record of either form to the topic its type belongs on; waits for the broker. */
    static void publish(ObjectNode record) {
        boolean structured = record.has("specversion");
        String type = structured ? record.get("type").asText() : record.get("headers").get("ce_type").asText();
        String topic = type.startsWith("plan.") ? Topics.ROUTINE_PLANS : Topics.ROUTINE_SESSIONS;
        String key = structured ? record.get("data").get("athleteId").asText() : record.get("key").asText();
        String value = structured ? record.toString() : record.get("value").toString();
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        if (structured) {
            headers.put("content-type", "application/cloudevents+json");
        } else {
            record.get("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        }
        headers.forEach((k, v) -> out.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(out).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode plan(String assignment, String athlete, String coach) {
        ObjectNode plan = JSON.createObjectNode().put("assignmentId", assignment).put("planId", UUID.randomUUID().toString())
                .put("athleteId", athlete).put("coachId", coach).put("title", "Hip stability")
                .put("startDate", "2026-06-22").put("endDate", "2026-06-26");
        plan.putArray("sessions").addObject().put("sessionId", UUID.randomUUID().toString())
                .put("scheduledDate", "2026-06-22").put("title", "Session");
        return plan;
    }

    static ObjectNode planRecord(String tenant, String athlete, String coach) {
        String assignment = UUID.randomUUID().toString();
        return binary(tenant, EventTypes.PLAN_ASSIGNED, assignment, "2026-06-14T08:00:00Z", plan(assignment, athlete, coach));
    }

    static ObjectNode completion(String session, String athlete, String completedAt, int pain) {
        ObjectNode d = JSON.createObjectNode().put("sessionId", session).put("athleteId", athlete)
                .put("scheduledDate", completedAt.substring(0, 10)).put("completedAt", completedAt).put("sessionRpe", 6);
        d.putObject("pain").put("score", pain).put("area", "knee");
        ObjectNode ex = d.putArray("exercises").addObject().put("exerciseId", "clamshell").put("slug", "clamshell")
                .put("name", "Clamshell");
        ex.putArray("sets").addObject().put("reps", 15);
        return d;
    }
}
