package dev.medius.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.medius.catalog.service.ExerciseReads;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Reads by callers who see no drafts are answered from memory for a few seconds: an answer must never reach
 * another organisation or another kind of reader, and a write must show on the next read of this replica.
 * Every read is made at least twice, so the second is the kept one.
 */
@QuarkusTest
class CachedReadsIT {

    private static final String LIST = "/api/v1/exercises?muscle=gluteus-medius&condition=patellofemoral-pain&size=100";
    private static final String WITH_DRAFTS = LIST + "&status=draft,published";

    @CacheName(ExerciseReads.CACHE)
    Cache cache;

    private final String tenant = CatalogFixtures.unique("club");
    private final String editor = CatalogFixtures.editor(tenant);
    private final String reader = CatalogFixtures.reader(tenant);
    private final String otherTenant = CatalogFixtures.unique("other");
    private final String otherReader = CatalogFixtures.reader(otherTenant);

    private String createCustom(String slug) {
        return given().auth().oauth2(editor).contentType(ContentType.JSON).body(CatalogFixtures.customExercise(slug))
                .when().post("/api/v1/exercises").then().statusCode(201).extract().path("id");
    }

    private void publish(String id) {
        given().auth().oauth2(editor).when().post("/api/v1/exercises/" + id + "/publish").then().statusCode(200);
    }

    private List<String> listed(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then().statusCode(200).extract().jsonPath()
                .getList("items.slug", String.class);
    }

    @Test
    void oneOrganisationsAnswerIsNeverServedToAnother() {
        String slug = CatalogFixtures.unique("drill");
        String id = createCustom(slug);
        publish(id);

        // the other organisation reads first, then the owner, then the other again: each from its own entry
        for (int i = 0; i < 2; i++) {
            assertThat(listed(otherReader, LIST)).contains("lateral-band-walk").doesNotContain(slug);
            assertThat(listed(reader, LIST)).contains("lateral-band-walk", slug);
        }
        assertThat(listed(otherReader, LIST)).doesNotContain(slug);

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(reader).when().get("/api/v1/exercises/" + slug).then().statusCode(200)
                    .body("id", equalTo(id));
            given().auth().oauth2(otherReader).when().get("/api/v1/exercises/" + slug).then().statusCode(404);
            given().auth().oauth2(otherReader).when().get("/api/v1/exercises/" + id).then().statusCode(404);
        }

        // a global exercise read by both: the owner's entry never lends the other its custom neighbours
        given().auth().oauth2(reader).when().get("/api/v1/exercises/lateral-band-walk").then().statusCode(200)
                .body("easier", not(hasItem(slug)));
        given().auth().oauth2(otherReader).when().get("/api/v1/exercises/lateral-band-walk").then().statusCode(200)
                .body("easier", not(hasItem(slug)));
    }

    @Test
    void aReaderNeverGetsTheAnswerOfSomeoneWhoSeesDrafts() {
        String slug = CatalogFixtures.unique("draft");
        String id = createCustom(slug);

        for (int i = 0; i < 2; i++) {
            assertThat(listed(editor, WITH_DRAFTS)).contains(slug);
            assertThat(listed(reader, WITH_DRAFTS)).doesNotContain(slug);
            given().auth().oauth2(editor).when().get("/api/v1/exercises/" + slug).then().statusCode(200)
                    .body("status", equalTo("draft"));
            given().auth().oauth2(reader).when().get("/api/v1/exercises/" + slug).then().statusCode(404);
            given().auth().oauth2(reader).when().get("/api/v1/exercises/" + id).then().statusCode(404);
        }
        // and the other way round: a reader's kept answer is not an editor's
        assertThat(listed(editor, WITH_DRAFTS)).contains(slug);
    }

    @Test
    void theLanguageAskedForIsPartOfTheAnswerKept() {
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(reader).header("Accept-Language", "es").when()
                    .get("/api/v1/exercises/lateral-band-walk").then().statusCode(200)
                    .header("Content-Language", "es").body("name", equalTo("Paso lateral con banda"));
            given().auth().oauth2(reader).header("Accept-Language", "en").when()
                    .get("/api/v1/exercises/lateral-band-walk").then().statusCode(200)
                    .header("Content-Language", "en").body("name", equalTo("Lateral band walk"));
            given().auth().oauth2(reader).header("Accept-Language", "es").when().get(LIST).then().statusCode(200)
                    .body("items.find { it.slug == 'lateral-band-walk' }.name", equalTo("Paso lateral con banda"));
            given().auth().oauth2(reader).when().get(LIST).then().statusCode(200)
                    .body("items.find { it.slug == 'lateral-band-walk' }.name", equalTo("Lateral band walk"));
        }
    }

    @Test
    void aWriteShowsOnTheNextReadOfThisReplica() {
        String slug = CatalogFixtures.unique("drill");
        String id = createCustom(slug);
        assertThat(listed(reader, LIST)).doesNotContain(slug);
        given().auth().oauth2(reader).when().get("/api/v1/exercises/" + slug).then().statusCode(404);

        publish(id);
        assertThat(listed(reader, LIST)).contains(slug);
        Response read = given().auth().oauth2(reader).when().get("/api/v1/exercises/" + slug);
        read.then().statusCode(200).body("name", equalTo("Custom hip drill " + slug));
        String etag = read.header("ETag");
        given().auth().oauth2(reader).header("If-None-Match", etag).when().get("/api/v1/exercises/" + slug)
                .then().statusCode(304);

        Map<String, Object> change = CatalogFixtures.customExercise(slug);
        change.put("name", "Renamed hip drill " + slug);
        given().auth().oauth2(editor).contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .when().put("/api/v1/exercises/" + id).then().statusCode(200);

        given().auth().oauth2(reader).header("If-None-Match", etag).when().get("/api/v1/exercises/" + slug)
                .then().statusCode(200).body("name", equalTo("Renamed hip drill " + slug));
        given().auth().oauth2(reader).when().get(LIST).then().statusCode(200)
                .body("items.find { it.slug == '" + slug + "' }.name", equalTo("Renamed hip drill " + slug));

        given().auth().oauth2(editor).when().post("/api/v1/exercises/" + id + "/retire").then().statusCode(200);
        assertThat(listed(reader, LIST)).doesNotContain(slug);
        given().auth().oauth2(reader).when().get("/api/v1/exercises/" + slug).then().statusCode(200)
                .body("status", equalTo("retired"));
    }

    @Test
    void anAnswerReadAcrossACommitIsNotKept() {
        Object key = List.of("read across a commit", tenant);
        // a write commits while the answer is being read: the reader gets it, the next reader reads again
        assertThat(read(key, () -> {
            invalidate();
            return "old content";
        })).isEqualTo("old content");
        assertThat(read(key, () -> "current content")).isEqualTo("current content");
        assertThat(read(key, () -> "read again")).isEqualTo("current content");
        invalidate();
        assertThat(read(key, () -> "after the commit")).isEqualTo("after the commit");
    }

    private String read(Object key, Supplier<String> read) {
        return cache.get(key, k -> read.get()).await().indefinitely();
    }

    private void invalidate() {
        cache.invalidateAll().await().indefinitely();
    }
}
