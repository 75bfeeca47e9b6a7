package dev.medius.bench;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Sends events as routine-service's outbox relay writes them (docs/events.md): CloudEvents binary mode,
 * the attributes as ce_* headers, the data record as JSON, of the bench's organisation.
 */
final class CloudEventProducer implements AutoCloseable {

    static final String SOURCE = "/medius/routine-service";

    /**
     * ISO dates and times, as the services write event data; members that are null are left out (the contract
     * reads them alike), which keeps a completion the size the ingestion benchmark has always sent.
     */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setDefaultPropertyInclusion(Include.NON_NULL);

    /** Fresh producers a flush tries before it gives up on events the broker has not taken. */
    private static final int ATTEMPTS = 3;

    private final String bootstrapServers;
    private final Queue<ProducerRecord<String, byte[]>> refused = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private KafkaProducer<String, byte[]> producer;
    private long sent;

    CloudEventProducer(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = producer();
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        // the services drop a repeated event by its id, so the harness needs no producer id from the broker
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        // a broker that stalls for a while on a busy machine delays the run; a producer stuck that long is replaced
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Queues one event; {@link #flush()} tells whether the broker took it. */
    void send(String topic, String key, String type, UUID id, String subject, OffsetDateTime time, Object data) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", id.toString());
        header(headers, "ce_type", type);
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        header(headers, "ce_subject", subject);
        header(headers, "ce_tenantid", SessionEvents.TENANT);
        header(headers, "content-type", "application/json");
        send(new ProducerRecord<>(topic, null, key, json(data), headers));
        sent++;
    }

    private void send(ProducerRecord<String, byte[]> record) {
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failure.set(error);
                refused.add(record);
            }
        });
    }

    /** Events queued so far. */
    long sent() {
        return sent;
    }

    /** Returns when the broker has every event sent so far; fails if it refused any. */
    void flush() {
        producer.flush();
        for (int attempt = 1; !refused.isEmpty() && attempt < ATTEMPTS; attempt++) {
            List<ProducerRecord<String, byte[]>> again = new ArrayList<>();
            for (ProducerRecord<String, byte[]> record; (record = refused.poll()) != null;) {
                again.add(record);
            }
            Bench.log("the broker did not take " + again.size() + " events (" + failure.get().getMessage()
                    + "): sending them again with a new producer");
            producer.close(Duration.ZERO);
            producer = producer();
            again.forEach(this::send);
            producer.flush();
        }
        // a record the broker did not take would leave the run waiting for events that never come
        if (!refused.isEmpty()) {
            throw new IllegalStateException("the broker did not take " + refused.size() + " events: "
                    + failure.get().getMessage(), failure.get());
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close();
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(Object data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
