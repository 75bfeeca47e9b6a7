package dev.medius.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.medius.catalog.domain.ContentLoad;
import dev.medius.catalog.service.ContentLibrary;
import dev.medius.runtime.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ShippedLibraryIT {

    @Inject
    ContentLibrary library;

    @Inject
    EntityManager em;

    @Test
    void changedShippedContentReachesADatabaseLoadedBefore() throws Exception {
        UUID sidePlank = ContentLibrary.exerciseId("side-plank");
        UUID copenhagen = ContentLibrary.exerciseId("copenhagen-adductor-plank");
        // what an older library left behind: no rules or findings, its own hash, a rung the file no longer has
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE exercise SET contraindication_rules = '[]', findings = '[]',"
                    + " content_hash = 'older' WHERE id = :id").setParameter("id", sidePlank).executeUpdate();
            em.createNativeQuery("INSERT INTO exercise_ladder (easier_id, harder_id) VALUES (:easier, :harder)"
                    + " ON CONFLICT DO NOTHING").setParameter("easier", sidePlank).setParameter("harder", copenhagen)
                    .executeUpdate();
            ContentLoad.deleteAll();
        });

        library.load();

        String reader = CatalogFixtures.reader(CatalogFixtures.unique("club"));
        given().auth().oauth2(reader).when().get("/api/v1/exercises/side-plank")
                .then().statusCode(200)
                .body("contraindicationRules.area", org.hamcrest.Matchers.hasItems("shoulder", "lateral-hip"))
                .body("findings[0].sourceKey", equalTo("ekstrom-2007"))
                .body("harder", org.hamcrest.Matchers.hasItem("short-lever-copenhagen-plank"))
                .body("harder", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("copenhagen-adductor-plank")));
    }

    @Test
    void loadingTheShippedLibraryAgainChangesNothing() throws Exception {
        String id = UUID.nameUUIDFromBytes("medius:exercise:lateral-band-walk".getBytes(StandardCharsets.UTF_8)).toString();
        long eventsBefore = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("subject", id));
        assertThat(eventsBefore).isEqualTo(1);

        // a restart finds the same checksum and stops early
        library.load();
        // a lost checksum record makes it compare exercise by exercise, and each one still matches
        QuarkusTransaction.requiringNew().run(() -> ContentLoad.deleteAll());
        library.load();

        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("subject", id))).isEqualTo(eventsBefore);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ContentLoad.count())).isEqualTo(1);
        String reader = CatalogFixtures.reader(CatalogFixtures.unique("club"));
        given().auth().oauth2(reader).when().get("/api/v1/exercises/" + id)
                .then().statusCode(200)
                .body("slug", equalTo("lateral-band-walk"))
                .body("revision", equalTo(1))
                .body("status", equalTo("published"))
                .body("seed", equalTo(true));
        given().auth().oauth2(CatalogFixtures.editor("medius")).when().get("/api/v1/exercises/" + id + "/revisions")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].action", equalTo("shipped"));
    }

    @Test
    void libraryHoldsTheSeedExercisesAndAtLeastTwentyFiveMore() {
        String reader = CatalogFixtures.reader(CatalogFixtures.unique("club"));
        given().auth().oauth2(reader).queryParam("size", 100).when().get("/api/v1/exercises")
                .then().statusCode(200)
                .body("items.findAll { it.origin == 'medius' }.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(28))
                .body("items.findAll { it.seed }.slug", org.hamcrest.Matchers.containsInAnyOrder("lateral-band-walk",
                        "banded-glute-bridge-abduction", "squat-with-lateral-leg-raise"));
        given().auth().oauth2(reader).when().get("/api/v1/exercises/side-plank-hip-abduction")
                .then().statusCode(200)
                .body("sourceKeys.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("evidence", org.hamcrest.Matchers.notNullValue());
    }
}
