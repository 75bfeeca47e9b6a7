package dev.medius.progress.rest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.events.CloudEventReader;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.progress.service.IngestionService;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/** What an integrator asks before sending events: what Medius would do with each of them, and why. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    /** The most records one check takes: a file of a day's events, not a topic. */
    static final int MAX_CHECKED = 1000;

    @Inject
    IngestionService ingestion;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** What would become of one record of a check. */
    public record CheckedRecord(int index, String topic, String outcome, String category, String reason) {
    }

    @POST
    @Path("/events/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Say what progress-service would do with each of these records, and why, without applying them",
            description = "Takes a JSON array of records, each either a CloudEvent in structured mode (an object with "
                    + "specversion) or a binary-mode record {\"key\", \"headers\": {\"ce_id\": …}, \"value\": {…}}, with an "
                    + "optional \"topic\" (by default the one the type belongs on). Each is checked against the stored "
                    + "facts and the records before it, exactly as ingestion would, and nothing is kept: the outcome is "
                    + "applied, duplicate, erased (an event of an athlete erased since, which is not applied) or dead-lettered "
                    + "with its category and reason. Records of another organisation "
                    + "than the caller's are not checked.")
    public List<CheckedRecord> check(JsonNode records) {
        if (records == null || !records.isArray()) {
            throw new ProblemException(400, "Bad Request", "the body must be a JSON array of records");
        }
        if (records.size() > MAX_CHECKED) {
            throw new ProblemException(400, "Bad Request", "at most " + MAX_CHECKED + " records per check; split the file");
        }
        List<ConsumerRecord<String, byte[]>> checked = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        CheckedRecord[] answers = new CheckedRecord[records.size()];
        long now = clock.millis();
        for (int i = 0; i < records.size(); i++) {
            JsonNode entry = records.get(i);
            ConsumerRecord<String, byte[]> record = record(entry, i, now);
            String tenant = tenantOf(entry);
            if (tenant != null && !tenant.equals(caller.tenant())) {
                answers[i] = new CheckedRecord(i, record.topic(), "not-checked", null,
                        "the record is for organisation " + tenant + "; this check is for " + caller.tenant());
                continue;
            }
            checked.add(record);
            positions.add(i);
        }
        if (!checked.isEmpty()) {
            List<IngestionService.Outcome> outcomes = ingestion.check(checked);
            for (int k = 0; k < outcomes.size(); k++) {
                IngestionService.Outcome o = outcomes.get(k);
                answers[positions.get(k)] = new CheckedRecord(positions.get(k), o.record().topic(), o.wire(),
                        o.rejection() == null ? null : o.rejection().category().wire(),
                        o.rejection() == null ? null : o.rejection().reason());
            }
        }
        return List.of(answers);
    }

    /** A record of the check's body as the consumer would receive it. */
    private static ConsumerRecord<String, byte[]> record(JsonNode entry, int index, long now) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        String type;
        String key = entry.hasNonNull("key") ? entry.get("key").asText() : null;
        if (entry.has("specversion")) {
            headers.add("content-type", CloudEventReader.STRUCTURED.getBytes(StandardCharsets.UTF_8));
            value = entry.toString().getBytes(StandardCharsets.UTF_8);
            type = entry.path("type").asText(null);
            if (key == null && entry.path("data").hasNonNull("athleteId")) {
                key = entry.path("data").get("athleteId").asText();
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("headers").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> h = it.next();
                headers.add(h.getKey(), h.getValue().asText().getBytes(StandardCharsets.UTF_8));
            }
            JsonNode v = entry.get("value");
            value = v == null || v.isNull() ? null
                    : (v.isTextual() ? v.asText() : v.toString()).getBytes(StandardCharsets.UTF_8);
            type = entry.path("headers").path("ce_type").asText(null);
        }
        String topic = entry.hasNonNull("topic") ? entry.get("topic").asText() : topicOf(type);
        return new ConsumerRecord<>(topic, 0, index, now, TimestampType.CREATE_TIME, -1, -1, key, value, headers,
                Optional.empty());
    }

    private static String topicOf(String type) {
        return type != null && (type.startsWith("plan.") || type.equals(EventTypes.ATHLETE_UPDATED)
                || type.equals(EventTypes.ATHLETE_ERASED)) ? Topics.ROUTINE_PLANS
                : Topics.ROUTINE_SESSIONS;
    }

    private static String tenantOf(JsonNode entry) {
        JsonNode tenant = entry.has("specversion") ? entry.get(EventTypes.TENANT_EXTENSION)
                : entry.path("headers").get("ce_" + EventTypes.TENANT_EXTENSION);
        return tenant == null || tenant.isNull() ? null : tenant.asText();
    }
}
