package dev.medius.progress.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import dev.medius.progress.events.KafkaClients;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Continues the trace each event carries (its {@code traceparent} header, written by the producer's
 * outbox) with an ingestion span, so a session recorded over HTTP can be followed into the dashboard.
 */
@ApplicationScoped
public class IngestionTraces {

    private static final Logger LOG = Logger.getLogger(IngestionTraces.class);

    private static final TextMapGetter<ConsumerRecord<String, byte[]>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<String, byte[]> record) {
            return () -> java.util.Arrays.stream(record.headers().toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(ConsumerRecord<String, byte[]> record, String key) {
            return KafkaClients.header(record, key);
        }
    };

    @Inject
    Tracer tracer;

    /** Records an ingestion span, child of the producer's context, for each traced record of a stored batch. */
    void ingested(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (KafkaClients.header(record, "traceparent") == null) {
                continue;
            }
            Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), record, HEADERS);
            String type = KafkaClients.header(record, "ce_type");
            Span span = tracer.spanBuilder("ingest " + type).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.message.id", String.valueOf(KafkaClients.header(record, "ce_id")))
                    .startSpan();
            String traceId = span.getSpanContext().getTraceId();
            try (Scope ignored = span.makeCurrent()) {
                MDC.put("traceId", traceId);
                LOG.infof("ingested %s %s for athlete %s traceId=%s", type, KafkaClients.header(record, "ce_subject"),
                        record.key(), traceId);
            } finally {
                MDC.remove("traceId");
                span.end();
            }
        }
    }
}
