package dev.medius.routine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.kafka.PoisonRecords;
import dev.medius.devkit.kafka.PoisonRecords.Poison;
import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.events.CloudEventReader;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExerciseRetired;
import dev.medius.routine.service.CatalogReadModel;
import dev.medius.routine.support.CatalogFeed;
import dev.medius.routine.support.ExerciseLibrary;
import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Records on catalog.exercises that break the contract go to catalog.exercises.dlq unchanged with
 * the reason, and the read model goes on with the next good event of the same exercise.
 */
@QuarkusTest
class CatalogDeadLetterIT {

    private static final String REASON = "dead-letter-reason";

    @Inject
    CatalogReadModel readModel;

    @Test
    void badRecordsAreDeadLetteredWithTheirReasonAndTheNextGoodEventIsApplied() {
        String tenant = Fixtures.newTenant();
        UUID id = UUID.randomUUID();
        String key = id.toString();
        List<Poison> poisons = PoisonRecords.forEvent(CatalogFeed.headers(EventTypes.EXERCISE_PUBLISHED, id, tenant));
        String brokers = brokers();
        poisons.forEach(poison -> PoisonRecords.send(brokers, Topics.CATALOG_EXERCISES, key, poison));

        // the same key, so the same partition: it can only be applied once every poison before it was passed
        String slug = "after-poison-" + key.substring(0, 8);
        CatalogFeed.send(EventTypes.EXERCISE_PUBLISHED, id, tenant,
                ExerciseLibrary.variant(ExerciseLibrary.bySlug("glute-bridge"), id, tenant, slug, "After poison", 1));

        await().atMost(Duration.ofSeconds(60)).until(() -> readModel.find(tenant, slug).isPresent());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                PoisonRecords.readAll(brokers, Topics.CATALOG_EXERCISES_DLQ, key)).hasSize(poisons.size()));
        assertThat(PoisonRecords.deadLettered(poisons,
                PoisonRecords.readAll(brokers, Topics.CATALOG_EXERCISES_DLQ, key), REASON)).isEmpty();
    }

    @Test
    void aStructuredRecordIsAppliedLikeABinaryOne() {
        String tenant = Fixtures.newTenant();
        UUID binaryId = UUID.randomUUID();
        UUID structuredId = UUID.randomUUID();
        ExercisePublished base = ExerciseLibrary.bySlug("glute-bridge");
        ExercisePublished binary = ExerciseLibrary.variant(base, binaryId, tenant, "binary-" + slugPart(binaryId),
                "Bridge", 1);
        ExercisePublished structured = ExerciseLibrary.variant(base, structuredId, tenant,
                "structured-" + slugPart(structuredId), "Bridge", 1);

        CatalogFeed.send(EventTypes.EXERCISE_PUBLISHED, binaryId, tenant, binary);
        CatalogFeed.sendStructured(EventTypes.EXERCISE_PUBLISHED, structuredId, tenant, structured);

        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(tenant, binary.slug()).isPresent()
                && readModel.find(tenant, structured.slug()).isPresent());
        assertThat(readModel.find(tenant, structured.slug())).get().usingRecursiveComparison()
                .ignoringFields("exerciseId", "slug").isEqualTo(readModel.find(tenant, binary.slug()).get());
        assertThat(readModel.find(tenant, structured.slug())).get().extracting(ExercisePublished::exerciseId)
                .isEqualTo(structuredId);

        CatalogFeed.sendStructured(EventTypes.EXERCISE_RETIRED, structuredId, tenant,
                new ExerciseRetired(structuredId, tenant, structured.slug(), 2, ExerciseLibrary.PUBLISHED_AT.plusDays(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(tenant, structured.slug()).isEmpty());
    }

    @Test
    void missingSubjectOrTimeOrAnotherExercisesSubjectIsDeadLetteredAndTheNextRecordIsApplied() {
        String tenant = Fixtures.newTenant();
        String brokers = brokers();
        String elsewhere = UUID.randomUUID().toString();
        Map<UUID, Poison> poisons = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(UUID.randomUUID());
        }
        poisons.put(ids.get(0), binary("no subject", ids.get(0), tenant, "ce_subject", null, "missing header ce_subject"));
        poisons.put(ids.get(1), binary("no time", ids.get(1), tenant, "ce_time", null, "missing header ce_time"));
        poisons.put(ids.get(2), binary("another exercise's subject", ids.get(2), tenant, "ce_subject", elsewhere,
                "ce_subject " + elsewhere + " is not the exercise's id " + ids.get(2)));
        poisons.put(ids.get(3), structured("structured without time", ids.get(3), tenant, "time", null,
                "missing attribute time (structured mode)"));
        poisons.put(ids.get(4), structured("structured without subject", ids.get(4), tenant, "subject", null,
                "missing attribute subject (structured mode)"));
        poisons.put(ids.get(5), structured("structured, another exercise's subject", ids.get(5), tenant, "subject",
                elsewhere, "subject " + elsewhere + " is not the exercise's id " + ids.get(5)));
        // a tombstone is compaction at work, not a contract breach
        UUID tombstoned = UUID.randomUUID();
        ids.add(tombstoned);
        PoisonRecords.send(brokers, Topics.CATALOG_EXERCISES, tombstoned.toString(),
                new Poison("tombstone", null, Map.of(), ""));

        // each good record follows its rejected one on the same key, so on the same partition
        poisons.forEach((id, poison) -> PoisonRecords.send(brokers, Topics.CATALOG_EXERCISES, id.toString(), poison));
        ids.forEach(id -> CatalogFeed.send(EventTypes.EXERCISE_PUBLISHED, id, tenant, exercise(id, tenant, "Applied")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (UUID id : ids) {
                assertThat(readModel.find(tenant, slug(id))).as("record after %s", id).get()
                        .extracting(ExercisePublished::name).isEqualTo("Applied");
            }
            poisons.forEach((id, poison) -> assertThat(PoisonRecords.deadLettered(List.of(poison),
                    PoisonRecords.readAll(brokers, Topics.CATALOG_EXERCISES_DLQ, id.toString()), REASON)).isEmpty());
        });
        assertThat(PoisonRecords.readAll(brokers, Topics.CATALOG_EXERCISES_DLQ, tombstoned.toString())).isEmpty();
    }

    /** A binary-mode publication of {@code id} with one header set to {@code value}, or left out when null. */
    private static Poison binary(String name, UUID id, String tenant, String header, String value, String reason) {
        Map<String, String> headers = new HashMap<>(CatalogFeed.headers(EventTypes.EXERCISE_PUBLISHED, id, tenant));
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, value);
        }
        return new Poison(name, utf8(CatalogFeed.json(exercise(id, tenant, "Refused"))), headers, reason);
    }

    /** A structured-mode publication of {@code id} with one attribute set to {@code value}, or left out when null. */
    private static Poison structured(String name, UUID id, String tenant, String attribute, String value,
            String reason) {
        ObjectNode event = CatalogFeed.envelope(EventTypes.EXERCISE_PUBLISHED, id, tenant, exercise(id, tenant, "Refused"));
        if (value == null) {
            event.remove(attribute);
        } else {
            event.put(attribute, value);
        }
        return new Poison(name, utf8(event.toString()), Map.of("content-type", CloudEventReader.STRUCTURED), reason);
    }

    private static ExercisePublished exercise(UUID id, String tenant, String name) {
        return ExerciseLibrary.variant(ExerciseLibrary.bySlug("glute-bridge"), id, tenant, slug(id), name, 1);
    }

    private static String slug(UUID id) {
        return "bridge-" + slugPart(id);
    }

    private static String slugPart(UUID id) {
        return id.toString().substring(0, 8);
    }

    private static String brokers() {
        return MediusTestInfrastructure.broker().bootstrapServers();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
