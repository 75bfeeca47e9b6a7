package dev.medius.runtime.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * Records events for publication. Must be called inside the transaction that changes the state the
 * event describes: both commit or neither does ("save then send" loses events when the send fails).
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    @Inject
    OutboxRelay relay;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    /**
     * What to publish: the CloudEvent attributes, the Kafka topic and key, and the data. A {@code time} of
     * null means the moment the event is recorded.
     */
    public record Envelope(UUID id, String tenant, String topic, String key, String type, String source,
            String subject, OffsetDateTime time, Object data, Map<String, String> headers) {

        /** An event that happened now: its time is taken from the clock when it is recorded. */
        public static Envelope of(String tenant, String topic, String key, String type, String source, String subject,
                Object data) {
            return new Envelope(UUID.randomUUID(), tenant, topic, key, type, source, subject, null, data, Map.of());
        }

        public Envelope withHeaders(Map<String, String> extra) {
            return new Envelope(id, tenant, topic, key, type, source, subject, time, data, Map.copyOf(extra));
        }
    }

    @Transactional(TxType.MANDATORY)
    public UUID record(Envelope envelope) {
        OutboxEvent event = new OutboxEvent();
        event.id = envelope.id();
        event.tenantId = envelope.tenant();
        event.topic = envelope.topic();
        event.messageKey = envelope.key();
        event.eventType = envelope.type();
        event.source = envelope.source();
        event.subject = envelope.subject();
        OffsetDateTime now = OffsetDateTime.now(clock);
        event.occurredAt = envelope.time() == null ? now : envelope.time();
        event.createdAt = now;
        Map<String, String> headers = new TreeMap<>(envelope.headers());
        // the trace of the request that caused the event continues wherever the event is consumed
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, (carrier, key, value) -> carrier.put(key, value));
        try {
            event.payload = json.writeValueAsString(envelope.data());
            event.headers = headers.isEmpty() ? null : json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        event.persist();
        // wake the relay once this transaction commits, so events leave without waiting for a poll
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return event.id;
    }
}
