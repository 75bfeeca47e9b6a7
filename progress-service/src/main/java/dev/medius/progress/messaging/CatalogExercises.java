package dev.medius.progress.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.CloudEventReader;
import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.progress.events.KafkaClients;
import dev.medius.progress.service.ExerciseNames;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads catalog.exercises for one thing: the slug of each exercise id. routine-service dead-letters the records of
 * this topic that break the contract; here they are only skipped, with a line in the log.
 */
@ApplicationScoped
public class CatalogExercises {

    private static final Logger LOG = Logger.getLogger(CatalogExercises.class);

    @Inject
    ObjectMapper json;

    @Inject
    ExerciseNames names;

    @Incoming("catalog-exercises")
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        CloudEventReader.Result result = new CloudEventReader(json).read(name -> KafkaClients.header(record, name),
                record.value());
        if (!result.accepted() || !EventTypes.EXERCISE_PUBLISHED.equals(result.event().type())
                || !EventSchemas.violations(EventTypes.EXERCISE_PUBLISHED, result.event().data()).isEmpty()) {
            if (!result.accepted()) {
                LOG.debugf("catalog record %s-%d@%d skipped: %s", record.topic(), record.partition(), record.offset(),
                        result.rejection());
            }
            return;
        }
        String exerciseId = result.event().data().get("exerciseId").asText();
        String slug = result.event().data().get("slug").asText();
        // the database being away must not lose a name: wait for it, as ingestion does
        for (long backoff = 500;; backoff = Math.min(backoff * 2, 5_000)) {
            try {
                names.learn(exerciseId, slug);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("learning the slug of exercise %s failed, retrying in %d ms: %s", exerciseId, backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

}
