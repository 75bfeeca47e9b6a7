package dev.medius.routine.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.CloudEventReader;
import dev.medius.events.CloudEventReader.Event;
import dev.medius.events.CloudEventReader.Mode;
import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExerciseRetired;
import dev.medius.runtime.persistence.DatabaseFailures;
import dev.medius.routine.service.CatalogReadModel;
import io.smallrye.common.annotation.Blocking;

/**
 * Keeps the catalog read model in step with catalog.exercises (CloudEvents in Kafka binary or structured mode). A
 * record that breaks the contract (attributes, JSON, type, schema, a subject other than the exercise) or cannot be
 * applied is refused: the channel's failure strategy copies it to {@code catalog.exercises.dlq} with the reason, and
 * the records after it are applied as usual. A sound record met by a database that is away waits for it and is
 * applied once it answers; the records after it wait too, so exercise changes keep their order.
 */
@ApplicationScoped
public class CatalogExerciseConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogExerciseConsumer.class);
    private static final Set<String> TYPES = Set.of(EventTypes.EXERCISE_PUBLISHED, EventTypes.EXERCISE_RETIRED);
    /** While the database is away, each attempt waits twice as long as the one before, up to the longest wait. */
    static final Duration FIRST_WAIT = Duration.ofMillis(250);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    /** Why a record was not applied; the message becomes the dead letter's reason. */
    static final class RejectedRecord extends RuntimeException {

        RejectedRecord(String reason) {
            super(reason.length() > 900 ? reason.substring(0, 900) : reason, null, false, false);
        }
    }

    @Inject
    CatalogReadModel readModel;

    @Inject
    ObjectMapper json;

    private CloudEventReader reader;

    @PostConstruct
    void createReader() {
        reader = new CloudEventReader(json);
    }

    @Incoming("catalog-exercises")
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: compaction has removed the exercise, retirement already told us
        }
        Event event = read(record);
        Runnable apply;
        try {
            apply = EventTypes.EXERCISE_PUBLISHED.equals(event.type())
                    ? published(json.treeToValue(event.data(), ExercisePublished.class))
                    : retired(json.treeToValue(event.data(), ExerciseRetired.class));
        } catch (JsonProcessingException | RuntimeException e) {
            throw rejected(record, event, e);
        }
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                apply.run();
                return;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.unavailable(e)) {
                    throw rejected(record, event, e);
                }
                // the record is sound and the database away: dead-lettering it would drop a valid exercise change
                LOG.warnf("catalog record %s at %s-%d@%d waits %d ms for the database: %s", event.id(), record.topic(),
                        record.partition(), record.offset(), wait.toMillis(), e.getMessage());
                pause(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    private Runnable published(ExercisePublished exercise) {
        return () -> readModel.published(exercise);
    }

    private Runnable retired(ExerciseRetired exercise) {
        return () -> readModel.retired(exercise);
    }

    private static RejectedRecord rejected(ConsumerRecord<String, byte[]> record, Event event, Exception e) {
        LOG.warnf("catalog record %s at %s-%d@%d not applied: %s", event.id(), record.topic(), record.partition(),
                record.offset(), e.getMessage());
        return new RejectedRecord("not applied: " + e.getMessage());
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            // stopped during an outage: refused with this reason, the exercise arrives again when it is next published
            Thread.currentThread().interrupt();
            throw new RejectedRecord("not applied: the service stopped while waiting for the database");
        }
    }

    /** The record's event, once it follows the contract and is about the exercise its data describes. */
    private Event read(ConsumerRecord<String, byte[]> record) {
        CloudEventReader.Result result = reader.read(name -> header(record, name), record.value());
        if (!result.accepted()) {
            throw new RejectedRecord(result.rejection());
        }
        Event event = result.event();
        if (!TYPES.contains(event.type())) {
            throw new RejectedRecord("unknown event type " + event.type() + " on " + record.topic());
        }
        List<String> violations = EventSchemas.violations(event.type(), event.data());
        if (!violations.isEmpty()) {
            throw new RejectedRecord("schema violations: " + String.join("; ", violations));
        }
        String exerciseId = event.data().path("exerciseId").asText();
        if (!event.subject().equals(exerciseId)) {
            // the contract makes the subject the exercise's id: one naming another exercise would mislead a trace
            String subject = event.mode() == Mode.BINARY ? "ce_subject" : "subject";
            throw new RejectedRecord(subject + " " + event.subject() + " is not the exercise's id " + exerciseId);
        }
        return event;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
