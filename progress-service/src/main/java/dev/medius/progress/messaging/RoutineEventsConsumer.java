package dev.medius.progress.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.medius.progress.config.IngestionConfig;
import dev.medius.progress.service.IngestionService;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes {@code routine.sessions} and {@code routine.plans} in batches of raw records, so the exact
 * CloudEvents headers an outside producer sends are what is checked, and a batch costs one transaction per
 * lane ({@link IngestionConfig#lanes()}).
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

    @Inject
    IngestionConfig config;

    private ExecutorService otherLanes;

    @PostConstruct
    void startLanes() {
        if (config.lanes() > 1) {
            otherLanes = Executors.newFixedThreadPool(config.lanes() - 1, work -> {
                Thread thread = new Thread(work, "ingestion-lane");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    @PreDestroy
    void stopLanes() {
        if (otherLanes != null) {
            otherLanes.shutdownNow();
        }
    }

    @Incoming("routine-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<List<ConsumerRecord<String, byte[]>>> lanes = lanes(records);
        // the batch is done (and its offsets may be committed) only once every lane has applied its records
        List<Future<?>> running = new ArrayList<>();
        for (List<ConsumerRecord<String, byte[]>> lane : lanes.subList(1, lanes.size())) {
            running.add(otherLanes.submit(() -> apply(lane)));
        }
        if (!lanes.isEmpty()) {
            apply(lanes.get(0));
        }
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while a lane was applying its records", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a lane stopped: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** The records by lane, each partition's records in one lane in their order; lanes with nothing are left out. */
    private List<List<ConsumerRecord<String, byte[]>>> lanes(ConsumerRecords<String, byte[]> records) {
        int count = Math.max(1, config.lanes());
        List<List<ConsumerRecord<String, byte[]>>> lanes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lanes.add(new ArrayList<>());
        }
        records.forEach(record -> lanes.get(record.partition() % count).add(record));
        lanes.removeIf(List::isEmpty);
        return lanes;
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        // reading opens sealed data, which may wait for routine-service's keys as applying waits for the database
        IngestionService.Batch[] read = new IngestionService.Batch[1];
        untilDone(records.size(), () -> read[0] = ingestion.read(records));
        IngestionService.Batch batch = read[0];
        untilDone(records.size(), () -> ingestion.deadLetter(batch));
        untilDone(records.size(), () -> {
            ingestion.apply(batch);
            traces.ingested(records);
        });
    }

    /**
     * Bad records never fail a batch (they are dead-lettered); what fails here is the database or the broker being
     * away: wait for them however long it takes rather than skip events or stop consuming. A failed (nacked) batch
     * would stop the channel for good, and nothing commits offsets past a batch that has not returned, so waiting
     * here loses nothing.
     */
    private static void untilDone(int records, Runnable step) {
        long backoff = 500;
        for (int attempt = 1;; attempt++) {
            try {
                step.run();
                if (attempt > 1) {
                    LOG.infof("ingestion of %d records succeeded after %d attempts", records, attempt);
                }
                return;
            } catch (RuntimeException e) {
                LOG.warnf("ingestion of %d records failed (attempt %d), retrying in %d ms: %s", records, attempt,
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
