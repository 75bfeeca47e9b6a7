package dev.medius.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.fuzz.FuzzProbe;
import dev.medius.devkit.fuzz.HostileInput;
import dev.medius.devkit.security.ApiSurface;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Properties over generated hostile input for every catalog endpoint that takes a body, a query
 * parameter or an id: never a 5xx, always problem details that name the field at fault and show
 * nothing of the inside of the service; bodies over the configured maximum get 413.
 */
@QuarkusTest
class HostileInputIT {

    private static final int TRIES = 25;

    @TestHTTPResource("/")
    URI root;

    private final String tenant = CatalogFixtures.unique("club-fuzz");

    private FuzzProbe probe(String token) {
        return new FuzzProbe(new ApiSurface(root), token);
    }

    @Test
    void searchTermsAndQueryParametersNeverBreakTheService() {
        FuzzProbe probe = probe(CatalogFixtures.editor(tenant));
        for (String parameter : List.of("q", "muscle", "pattern", "equipment", "level", "condition", "category",
                "status", "sort", "page", "size")) {
            probe.paths("GET", value -> "/api/v1/exercises?" + parameter + "=" + value, TRIES);
        }
        probe.paths("GET", value -> "/api/v1/exercises?q=" + value + "&sort=relevance&status=draft", TRIES)
                .paths("GET", value -> "/api/v1/muscles?region=" + value, TRIES)
                .paths("GET", value -> "/api/v1/exports/exercises?status=" + value, TRIES);
        assertThat(probe.failures()).isEmpty();
    }

    @Test
    void idsAndSlugsNeverBreakTheService() {
        FuzzProbe probe = probe(CatalogFixtures.editor(tenant));
        for (String suffix : List.of("", "/revisions", "/ladder")) {
            probe.paths("GET", value -> "/api/v1/exercises/" + value + suffix, TRIES);
        }
        for (String action : List.of("/submit", "/publish", "/retire")) {
            probe.paths("POST", value -> "/api/v1/exercises/" + value + action, TRIES);
        }
        assertThat(probe.failures()).isEmpty();
    }

    @Test
    void malformedExercisesGetProblemDetailsNamingTheField() {
        String editor = CatalogFixtures.editor(tenant);
        String valid = AccessMatrixIT.json(CatalogFixtures.customExercise(CatalogFixtures.unique("fuzz")));
        String id = given().auth().oauth2(editor).contentType(ContentType.JSON).body(valid)
                .when().post("/api/v1/exercises").then().statusCode(201).extract().path("id");
        FuzzProbe probe = probe(editor)
                .bodies("POST", "/api/v1/exercises", valid, 6 * TRIES)
                .bodies("PUT", "/api/v1/exercises/" + id, valid, 2 * TRIES);
        assertThat(probe.failures()).isEmpty();
    }

    @Test
    void malformedImportsGetProblemDetails() {
        FuzzProbe probe = probe(CatalogFixtures.admin(tenant))
                .bodies("POST", "/api/v1/imports/free-exercise-db", HostileInput.anyBodies(), 3 * TRIES);
        assertThat(probe.failures()).isEmpty();
    }

    @Test
    void bodiesOverTheConfiguredMaximumGet413() {
        // catalog-service allows 20M for the dataset import
        FuzzProbe probe = probe(CatalogFixtures.admin(tenant))
                .oversized("POST", "/api/v1/imports/free-exercise-db", 21 * 1024 * 1024)
                .oversized("POST", "/api/v1/exercises", 21 * 1024 * 1024);
        assertThat(probe.failures()).isEmpty();
    }
}
