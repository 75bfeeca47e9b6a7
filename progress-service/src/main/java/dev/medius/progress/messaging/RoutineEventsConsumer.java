package dev.medius.progress.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.medius.progress.service.IngestionService;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes {@code routine.sessions} and {@code routine.plans} in batches of raw records, so the exact
 * CloudEvents headers an outside producer sends are what is checked, and a batch costs one transaction.
 */
@ApplicationScoped
public class RoutineEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RoutineEventsConsumer.class);
    private static final int MAX_ATTEMPTS = 30;

    @Inject
    IngestionService ingestion;

    @Inject
    IngestionTraces traces;

    @Incoming("routine-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        // bad records never fail a batch (they are dead-lettered); what fails here is the database or the
        // broker being away: wait for them rather than skip events or stop consuming
        long backoff = 500;
        java.util.concurrent.atomic.AtomicBoolean rejectedSent = new java.util.concurrent.atomic.AtomicBoolean();
        for (int attempt = 1;; attempt++) {
            try {
                ingestion.ingest(batch, IngestionService.Mode.LIVE, rejectedSent);
                traces.ingested(batch);
                return;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("ingestion of %d records failed (attempt %d): %s", batch.size(), attempt, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 15_000);
            }
        }
    }
}
