package dev.medius.routine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.kafka.PoisonRecords;
import dev.medius.devkit.kafka.PoisonRecords.Poison;
import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
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
class CatalogDeadLetterTest {

    @Inject
    CatalogReadModel readModel;

    @Test
    void badRecordsAreDeadLetteredWithTheirReasonAndTheNextGoodEventIsApplied() {
        String tenant = Fixtures.newTenant();
        UUID id = UUID.randomUUID();
        String key = id.toString();
        Map<String, String> valid = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", EventTypes.EXERCISE_PUBLISHED, "ce_source", "/medius/catalog-service", "ce_subject", key,
                "ce_time", "2026-11-01T09:00:00Z", "ce_tenantid", tenant, "content-type", "application/json");
        List<Poison> poisons = PoisonRecords.forEvent(valid);
        String brokers = MediusTestInfrastructure.broker().bootstrapServers();
        poisons.forEach(poison -> PoisonRecords.send(brokers, Topics.CATALOG_EXERCISES, key, poison));

        // the same key, so the same partition: it can only be applied once every poison before it was passed
        String slug = "after-poison-" + key.substring(0, 8);
        CatalogFeed.send(EventTypes.EXERCISE_PUBLISHED, id, tenant,
                ExerciseLibrary.variant(ExerciseLibrary.bySlug("glute-bridge"), id, tenant, slug, "After poison", 1));

        await().atMost(Duration.ofSeconds(60)).until(() -> readModel.find(tenant, slug).isPresent());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                PoisonRecords.readAll(brokers, Topics.CATALOG_EXERCISES_DLQ, key)).hasSize(poisons.size()));
        assertThat(PoisonRecords.deadLettered(poisons,
                PoisonRecords.readAll(brokers, Topics.CATALOG_EXERCISES_DLQ, key), "dead-letter-reason")).isEmpty();
    }
}
