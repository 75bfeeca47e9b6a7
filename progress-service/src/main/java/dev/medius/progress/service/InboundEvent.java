package dev.medius.progress.service;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.events.CloudEventReader;
import dev.medius.progress.domain.EventIdentity;

/**
 * A CloudEvent read from a Kafka record whose envelope and data passed every check. Its identity is
 * {@code source} + {@code id}, as CloudEvents defines it; {@code digest} stands for its content, so that the same
 * identity sent again can be told apart from an identity reused for something else.
 */
public record InboundEvent(String id, String type, String source, String tenant, String subject, OffsetDateTime time,
        CloudEventReader.Mode mode, String digest, JsonNode data) {

    public EventIdentity identity() {
        return new EventIdentity(source, id);
    }
}
