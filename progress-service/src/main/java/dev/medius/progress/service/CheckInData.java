package dev.medius.progress.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.medius.progress.domain.ReadinessCheckIn;

/**
 * A checked wellness.checked-in.v1 as the row progress-service keeps: only the members the contract names, so that
 * whatever else a producer adds to pain or adjustments (the schema allows it) is not kept about the athlete.
 */
final class CheckInData {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CheckInData() {
    }

    static ReadinessCheckIn of(InboundEvent event, int revision, OffsetDateTime eventTime) {
        JsonNode d = event.data();
        ArrayNode pain = NODES.arrayNode();
        d.get("pain").forEach(p -> pain.addObject().put("area", p.get("area").asText()).put("score", p.get("score").asInt()));
        ArrayNode redFlags = null;
        if (d.hasNonNull("redFlags")) {
            redFlags = NODES.arrayNode();
            d.get("redFlags").forEach(redFlags::add);
        }
        ArrayNode adjustments = null;
        if (d.hasNonNull("adjustments")) {
            adjustments = NODES.arrayNode();
            for (JsonNode a : d.get("adjustments")) {
                adjustments.addObject().put("sessionId", a.get("sessionId").asText()).put("kind", a.get("kind").asText())
                        .put("reason", a.get("reason").asText());
            }
        }
        return new ReadinessCheckIn(event.tenant(), d.get("checkInId").asText(), d.get("athleteId").asText(),
                LocalDate.parse(d.get("date").asText()),
                OffsetDateTime.parse(d.get("recordedAt").asText()).withOffsetSameInstant(ZoneOffset.UTC),
                answer(d, "sleepQuality"), answer(d, "energy"), answer(d, "soreness"), answer(d, "stress"),
                answer(d, "mood"), d.hasNonNull("sleepHours") ? d.get("sleepHours").asDouble() : null, pain.toString(),
                redFlags == null ? null : redFlags.toString(), adjustments == null ? null : adjustments.toString(),
                revision, eventTime, event.source(), event.id());
    }

    private static Integer answer(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asInt() : null;
    }
}
