package dev.medius.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.medius.catalog.domain.ContentLoad;
import dev.medius.catalog.service.ContentLibrary;
import dev.medius.runtime.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ShippedLibraryTest {

    @Inject
    ContentLibrary library;

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
