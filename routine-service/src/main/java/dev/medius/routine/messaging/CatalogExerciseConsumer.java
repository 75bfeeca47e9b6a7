package dev.medius.routine.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.EventTypes;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExerciseRetired;
import dev.medius.routine.service.CatalogReadModel;
import io.smallrye.common.annotation.Blocking;

/**
 * Keeps the catalog read model in step with catalog.exercises (CloudEvents in Kafka binary mode). A
 * record that cannot be read is logged and passed over: the next revision of that exercise replaces it.
 */
@ApplicationScoped
public class CatalogExerciseConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogExerciseConsumer.class);

    @Inject
    CatalogReadModel readModel;

    @Inject
    ObjectMapper json;

    @Incoming("catalog-exercises")
    @Blocking
    public void onRecord(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        if (record.value() == null) {
            return; // a tombstone: compaction has removed the exercise, retirement already told us
        }
        try {
            if (EventTypes.EXERCISE_PUBLISHED.equals(type)) {
                readModel.published(json.readValue(record.value(), ExercisePublished.class));
            } else if (EventTypes.EXERCISE_RETIRED.equals(type)) {
                readModel.retired(json.readValue(record.value(), ExerciseRetired.class));
            } else {
                LOG.debugf("ignoring %s on %s", type, record.topic());
            }
        } catch (Exception e) {
            LOG.warnf("catalog record %s at %s-%d@%d not applied: %s", header(record, "ce_id"), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
