package dev.medius.routine.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExerciseRetired;
import dev.medius.routine.service.CatalogReadModel;
import io.smallrye.common.annotation.Blocking;

/**
 * Keeps the catalog read model in step with catalog.exercises (CloudEvents in Kafka binary mode). A
 * record that breaks the contract (headers, JSON, schema) or cannot be applied is refused: the
 * channel's failure strategy copies it to {@code catalog.exercises.dlq} with the reason, and the
 * records after it are applied as usual.
 */
@ApplicationScoped
public class CatalogExerciseConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogExerciseConsumer.class);
    private static final List<String> REQUIRED_HEADERS = List.of("ce_specversion", "ce_id", "ce_type", "ce_source",
            "ce_tenantid");
    private static final Set<String> TYPES = Set.of(EventTypes.EXERCISE_PUBLISHED, EventTypes.EXERCISE_RETIRED);

    /** Why a record was not applied; the message becomes the dead letter's reason. */
    static final class RejectedRecord extends RuntimeException {

        RejectedRecord(String reason) {
            super(reason.length() > 900 ? reason.substring(0, 900) : reason, null, false, false);
        }
    }

    @Inject
    CatalogReadModel readModel;

    @Inject
    ObjectMapper json;

    @Incoming("catalog-exercises")
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: compaction has removed the exercise, retirement already told us
        }
        String type = check(record);
        JsonNode data = data(record.value());
        List<String> violations = EventSchemas.violations(type, data);
        if (!violations.isEmpty()) {
            throw new RejectedRecord("schema violations: " + String.join("; ", violations));
        }
        try {
            if (EventTypes.EXERCISE_PUBLISHED.equals(type)) {
                readModel.published(json.treeToValue(data, ExercisePublished.class));
            } else {
                readModel.retired(json.treeToValue(data, ExerciseRetired.class));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("catalog record %s at %s-%d@%d not applied: %s", header(record, "ce_id"), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            throw new RejectedRecord("not applied: " + e.getMessage());
        }
    }

    /** The record's event type, once its CloudEvents headers follow the contract. */
    private static String check(ConsumerRecord<String, byte[]> record) {
        for (String name : REQUIRED_HEADERS) {
            String value = header(record, name);
            if (value == null || value.isBlank()) {
                throw new RejectedRecord("missing header " + name);
            }
        }
        if (!"1.0".equals(header(record, "ce_specversion"))) {
            throw new RejectedRecord("unsupported ce_specversion " + header(record, "ce_specversion"));
        }
        String contentType = header(record, "content-type");
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new RejectedRecord("unsupported content-type " + contentType);
        }
        String type = header(record, "ce_type");
        if (!TYPES.contains(type)) {
            throw new RejectedRecord("unknown event type " + type + " on " + record.topic());
        }
        String time = header(record, "ce_time");
        if (time != null) {
            try {
                OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                throw new RejectedRecord("ce_time is not an RFC 3339 timestamp: " + time);
            }
        }
        return type;
    }

    private JsonNode data(byte[] value) {
        JsonNode data;
        try {
            data = json.readTree(value);
        } catch (IOException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new RejectedRecord("value is not JSON: " + message);
        }
        if (data == null || !data.isObject()) {
            throw new RejectedRecord("value is not a JSON object");
        }
        return data;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
