package dev.medius.progress.messaging;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvent read from a Kafka record whose headers and data passed every check. */
public record InboundEvent(String id, String type, String source, String tenant, String subject, OffsetDateTime time,
        JsonNode data) {
}
