package dev.medius.progress.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.medius.progress.service.IngestionService;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes {@code routine.sessions} and {@code routine.plans} in batches of raw records, so the exact
 * CloudEvents headers an outside producer sends are what is checked, and a batch costs one transaction.
 */
@ApplicationScoped
public class RoutineEventsConsumer {

    @Inject
    IngestionService ingestion;

    @Incoming("routine-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        ingestion.ingest(batch, IngestionService.Mode.LIVE);
    }
}
