package dev.medius.progress.events;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.Topics;
import dev.medius.progress.client.AthleteKeys;
import dev.medius.progress.domain.TenantKey;
import dev.medius.runtime.outbox.OutboxEvent;
import dev.medius.runtime.outbox.OutboxSealer;
import dev.medius.runtime.seal.SealedData;

/**
 * Seals the data of every event on {@code progress.alerts} with the athlete's key as the relay sends it, as
 * routine-service seals its own: flag reasons quote pain and effort, and an erasure must leave them unreadable in the
 * topic. Sealing at the relay keeps flag evaluation and acknowledgements free of calls to routine-service; while it
 * cannot be asked, the alerts wait in the outbox.
 */
@ApplicationScoped
public class AlertSealer implements OutboxSealer {

    @Inject
    AthleteKeys keys;

    @Inject
    ObjectMapper json;

    @Override
    public String payload(OutboxEvent event) {
        if (!Topics.PROGRESS_ALERTS.equals(event.topic)) {
            return event.payload;
        }
        String sealed = keys.seal(new TenantKey(event.tenantId, event.messageKey), event.occurredAt, event.payload)
                .orElseThrow(() -> new IllegalStateException(
                        "the athlete was erased after this event was recorded; it waits for the erasure to remove it"));
        try {
            return json.writeValueAsString(Map.of(SealedData.MEMBER, sealed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed data could not be written", e);
        }
    }
}
