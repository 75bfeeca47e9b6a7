package dev.medius.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.devkit.security.AccessMatrix;
import dev.medius.devkit.security.AccessMatrix.Target;
import dev.medius.devkit.security.ApiSurface;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every catalog operation × role × organisation gets the answer the README's API table gives: any
 * token reads, editors and admins write their organisation's exercises, only admins import into the
 * global library, and another organisation's custom exercises answer 404 and never show in lists.
 */
@QuarkusTest
class AccessMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ = "401 200 200 200 200";
    private static final String WRITE = "401 403 403 200 200";
    private static final String HIDDEN = "401 404 404 404 404";
    private static final String WRITE_HIDDEN = "401 403 403 404 404";

    @TestHTTPResource("/")
    URI root;

    private final String tenant = CatalogFixtures.unique("club-matrix");
    private String published;
    private String publishedSlug;

    @BeforeEach
    void publishedCustomExercise() {
        publishedSlug = CatalogFixtures.unique("matrix-drill");
        published = draft(publishedSlug);
        given().auth().oauth2(CatalogFixtures.editor(tenant)).when().post("/api/v1/exercises/" + published + "/publish")
                .then().statusCode(200);
    }

    private String draft(String slug) {
        return given().auth().oauth2(CatalogFixtures.editor(tenant)).contentType(ContentType.JSON)
                .body(CatalogFixtures.customExercise(slug)).when().post("/api/v1/exercises")
                .then().statusCode(201).extract().path("id");
    }

    private Target on(String path) {
        return Target.of(tenant, path).hiding(published, publishedSlug);
    }

    private Target onDraft(String suffix) {
        String id = draft(CatalogFixtures.unique("matrix-draft"));
        return on("/api/v1/exercises/" + id + suffix);
    }

    @Test
    void everyOperationAnswersEveryRoleInEveryOrganisationAsDocumented() {
        ApiSurface api = new ApiSurface(root);
        AccessMatrix matrix = new AccessMatrix(api)
                .row("GET /api/v1/me", READ, READ, () -> on("/api/v1/me"))
                .row("GET /api/v1/exercises", READ, READ, () -> on("/api/v1/exercises?q=" + publishedSlug))
                .row("POST /api/v1/exercises", "401 403 403 201 201", "401 403 403 201 201",
                        () -> on("/api/v1/exercises").body(json(CatalogFixtures.customExercise(CatalogFixtures.unique("matrix-new")))))
                .row("GET /api/v1/exercises/{idOrSlug}", READ, HIDDEN, () -> on("/api/v1/exercises/" + publishedSlug))
                .row("GET /api/v1/exercises/{idOrSlug}/revisions", READ, HIDDEN,
                        () -> on("/api/v1/exercises/" + published + "/revisions"))
                .row("GET /api/v1/exercises/{idOrSlug}/ladder", READ, HIDDEN,
                        () -> on("/api/v1/exercises/" + published + "/ladder"))
                .row("PUT /api/v1/exercises/{id}", WRITE, WRITE_HIDDEN, () -> {
                    String slug = CatalogFixtures.unique("matrix-edit");
                    String id = draft(slug);
                    return on("/api/v1/exercises/" + id).header("If-Match", "W/\"" + id + "-1\"")
                            .body(json(CatalogFixtures.customExercise(slug)));
                })
                .row("POST /api/v1/exercises/{id}/submit", WRITE, WRITE_HIDDEN, () -> onDraft("/submit"))
                .row("POST /api/v1/exercises/{id}/publish", WRITE, WRITE_HIDDEN, () -> onDraft("/publish"))
                .row("POST /api/v1/exercises/{id}/retire", WRITE, WRITE_HIDDEN, () -> {
                    Target target = onDraft("/publish");
                    given().auth().oauth2(CatalogFixtures.editor(tenant)).when().post(target.path()).then().statusCode(200);
                    return on(target.path().replace("/publish", "/retire"));
                })
                .row("GET /api/v1/muscles", READ, READ, () -> on("/api/v1/muscles"))
                .row("GET /api/v1/conditions", READ, READ, () -> on("/api/v1/conditions"))
                .row("GET /api/v1/sources", READ, READ, () -> on("/api/v1/sources"))
                // the global library belongs to no organisation: an admin of any organisation imports into it
                .row("POST /api/v1/imports/free-exercise-db", "401 403 403 403 200", "401 403 403 403 200",
                        () -> on("/api/v1/imports/free-exercise-db").body(importEntry()))
                .row("GET /api/v1/exports/exercises", READ, READ, () -> on("/api/v1/exports/exercises"));
        assertThat(matrix.coverage(api.operations(CatalogFixtures.reader(tenant)))).isEmpty();
        assertThat(matrix.verify()).isEmpty();
    }

    private static String importEntry() {
        String id = CatalogFixtures.unique("Matrix_Side_Hip_Raise").replace('-', '_');
        return json(java.util.List.of(Map.of("id", id, "name", "Matrix side hip raise " + id, "force", "push",
                "level", "beginner", "mechanic", "isolation", "equipment", "bands", "primaryMuscles", java.util.List.of("abductors"),
                "category", "strength", "instructions", java.util.List.of("Raise the top knee."))));
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
