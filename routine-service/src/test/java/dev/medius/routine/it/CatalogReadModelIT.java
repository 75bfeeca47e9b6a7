package dev.medius.routine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.medius.events.EventTypes;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExerciseRetired;
import dev.medius.routine.service.CatalogReadModel;
import dev.medius.routine.support.CatalogFeed;
import dev.medius.routine.support.ExerciseLibrary;
import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CatalogReadModelIT {

    @Inject
    CatalogReadModel readModel;

    @Test
    void buildsTheReadModelFromTheCatalogTopic() {
        Fixtures.catalogReady();
        assertThat(readModel.find(Fixtures.newTenant(), "lateral-band-walk")).get()
                .satisfies(e -> assertThat(e.equipment()).containsExactly("mini-band"));
    }

    @Test
    void keepsOnlyTheNewestRevisionAndHidesRetiredExercises() {
        String tenant = Fixtures.newTenant();
        UUID id = UUID.randomUUID();
        String slug = "bridge-" + id.toString().substring(0, 8);
        ExercisePublished base = ExerciseLibrary.bySlug("glute-bridge");
        CatalogFeed.send(EventTypes.EXERCISE_PUBLISHED, id, tenant, ExerciseLibrary.variant(base, id, tenant, slug, "Second", 2));
        CatalogFeed.send(EventTypes.EXERCISE_PUBLISHED, id, tenant, ExerciseLibrary.variant(base, id, tenant, slug, "First", 1));
        UUID marker = UUID.randomUUID();
        String markerSlug = "marker-" + marker.toString().substring(0, 8);
        // same key partition order is not guaranteed across ids; the marker on the same id comes after both
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(tenant, slug).isPresent());
        CatalogFeed.send(EventTypes.EXERCISE_PUBLISHED, marker, tenant, ExerciseLibrary.variant(base, marker, tenant, markerSlug, "Marker", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(tenant, markerSlug).isPresent());
        assertThat(readModel.find(tenant, slug)).get().extracting(ExercisePublished::name).isEqualTo("Second");

        CatalogFeed.send(EventTypes.EXERCISE_RETIRED, id, tenant,
                new ExerciseRetired(id, tenant, slug, 3, OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(tenant, slug).isEmpty());
    }

    @Test
    void anOrganisationsOwnExerciseIsUsableOnlyByThatOrganisation() {
        String owner = Fixtures.newTenant();
        String other = Fixtures.newTenant();
        UUID id = UUID.randomUUID();
        String slug = "club-walk-" + id.toString().substring(0, 8);
        CatalogFeed.send(EventTypes.EXERCISE_PUBLISHED, id, owner,
                ExerciseLibrary.variant(ExerciseLibrary.bySlug("lateral-band-walk"), id, owner, slug, "Club walk", 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(owner, slug).isPresent());
        assertThat(readModel.find(other, slug)).isEmpty();
        assertThat(readModel.usableBy(other)).noneMatch(e -> e.slug().equals(slug));
    }
}
