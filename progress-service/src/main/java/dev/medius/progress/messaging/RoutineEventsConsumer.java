package dev.medius.progress.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
    /** Retries come quickly at first, then every few seconds for as long as the outage lasts. */
    private static final long MAX_BACKOFF_MILLIS = 5_000;

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
        // broker being away: wait for them however long it takes rather than skip events or stop consuming.
        // A failed (nacked) batch would stop the channel for good, and nothing commits offsets past a batch
        // that has not returned, so waiting here loses nothing.
        long backoff = 500;
        AtomicBoolean rejectedSent = new AtomicBoolean();
        for (int attempt = 1;; attempt++) {
            try {
                ingestion.ingest(batch, IngestionService.Mode.LIVE, rejectedSent);
                traces.ingested(batch);
                if (attempt > 1) {
                    LOG.infof("ingestion of %d records succeeded after %d attempts", batch.size(), attempt);
                }
                return;
            } catch (RuntimeException e) {
                LOG.warnf("ingestion of %d records failed (attempt %d), retrying in %d ms: %s", batch.size(), attempt,
                        backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    // shutting down: the batch stays uncommitted and is consumed again after the restart
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }
}
