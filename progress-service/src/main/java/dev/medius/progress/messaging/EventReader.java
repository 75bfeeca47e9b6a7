package dev.medius.progress.messaging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;

/**
 * Reads CloudEvents 1.0 in Kafka binary mode (ce_* headers, JSON data as the value), exactly as the
 * published contract describes, and says why when a record does not follow it.
 */
public final class EventReader {

    /** The types each input topic carries; anything else on a topic is rejected. */
    private static final Map<String, Set<String>> TYPES_BY_TOPIC = Map.of(
            Topics.ROUTINE_SESSIONS, Set.of(EventTypes.SESSION_COMPLETED, EventTypes.SESSION_SKIPPED),
            Topics.ROUTINE_PLANS, Set.of(EventTypes.PLAN_ASSIGNED, EventTypes.PLAN_CHANGED, EventTypes.PLAN_CANCELLED));

    private static final List<String> REQUIRED_HEADERS = List.of("ce_specversion", "ce_id", "ce_type", "ce_source",
            "ce_tenantid");

    /** Either an event or the reason the record cannot be one. */
    public record Result(InboundEvent event, String rejection) {

        static Result rejected(String reason) {
            return new Result(null, reason.length() > 900 ? reason.substring(0, 900) : reason);
        }
    }

    private final ObjectMapper json;

    public EventReader(ObjectMapper json) {
        this.json = json;
    }

    public Result read(ConsumerRecord<String, byte[]> record) {
        for (String name : REQUIRED_HEADERS) {
            String value = header(record, name);
            if (value == null || value.isBlank()) {
                return Result.rejected("missing header " + name);
            }
        }
        if (!"1.0".equals(header(record, "ce_specversion"))) {
            return Result.rejected("unsupported ce_specversion " + header(record, "ce_specversion"));
        }
        String contentType = header(record, "content-type");
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            return Result.rejected("unsupported content-type " + contentType);
        }
        String type = header(record, "ce_type");
        Set<String> accepted = TYPES_BY_TOPIC.getOrDefault(record.topic(), Set.of());
        if (!accepted.contains(type)) {
            return Result.rejected("unknown event type " + type + " on " + record.topic());
        }
        OffsetDateTime time = null;
        String timeHeader = header(record, "ce_time");
        if (timeHeader != null) {
            try {
                time = OffsetDateTime.parse(timeHeader);
            } catch (DateTimeParseException e) {
                return Result.rejected("ce_time is not an RFC 3339 timestamp: " + timeHeader);
            }
        }
        if (record.value() == null) {
            return Result.rejected("record has no value");
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (java.io.IOException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return Result.rejected("value is not JSON: " + message);
        }
        if (data == null || !data.isObject()) {
            return Result.rejected("value is not a JSON object");
        }
        List<String> violations = EventSchemas.violations(type, data);
        if (!violations.isEmpty()) {
            return Result.rejected("schema violations: " + String.join("; ", violations));
        }
        return new Result(new InboundEvent(header(record, "ce_id"), type, header(record, "ce_source"),
                header(record, "ce_tenantid"), header(record, "ce_subject"), time, data), null);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
