package dev.medius.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ExerciseEditingIT {

    private final String tenant = CatalogFixtures.unique("club");
    private final String editor = CatalogFixtures.editor(tenant);

    private Response create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/exercises");
    }

    @Test
    void conditionalRequestsAndStaleIfMatch() {
        String slug = CatalogFixtures.unique("drill");
        Response created = create(editor, CatalogFixtures.customExercise(slug));
        created.then().statusCode(201).header("ETag", notNullValue()).body("status", equalTo("draft"))
                .body("revision", equalTo(1));
        String id = created.jsonPath().getString("id");

        Response read = given().auth().oauth2(editor).when().get("/api/v1/exercises/" + id);
        read.then().statusCode(200);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("W/\"" + id + "-1\"");
        given().auth().oauth2(editor).header("If-None-Match", etag)
                .when().get("/api/v1/exercises/" + id)
                .then().statusCode(304).header("ETag", etag);
        given().auth().oauth2(editor).header("If-None-Match", etag)
                .when().get("/api/v1/exercises/" + slug)
                .then().statusCode(304);

        Map<String, Object> change = CatalogFixtures.customExercise(slug);
        change.put("name", "Renamed hip drill " + slug);
        Response updated = given().auth().oauth2(editor).contentType(ContentType.JSON).header("If-Match", etag)
                .body(change).when().put("/api/v1/exercises/" + id);
        updated.then().statusCode(200).body("revision", equalTo(2)).body("name", equalTo("Renamed hip drill " + slug));
        String newEtag = updated.header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        given().auth().oauth2(editor).header("If-None-Match", etag)
                .when().get("/api/v1/exercises/" + id).then().statusCode(200);

        // a second writer still holding the first ETag is refused and nothing changes
        Map<String, Object> stale = CatalogFixtures.customExercise(slug);
        stale.put("name", "Lost update " + slug);
        given().auth().oauth2(editor).contentType(ContentType.JSON).header("If-Match", etag).body(stale)
                .when().put("/api/v1/exercises/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(stale)
                .when().put("/api/v1/exercises/" + id)
                .then().statusCode(428);
        given().auth().oauth2(editor).when().get("/api/v1/exercises/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed hip drill " + slug)).body("revision", equalTo(2))
                .header("ETag", newEtag);

        // the same content again is no change and makes no revision
        given().auth().oauth2(editor).contentType(ContentType.JSON).header("If-Match", newEtag).body(change)
                .when().put("/api/v1/exercises/" + id)
                .then().statusCode(200).body("revision", equalTo(2));

        given().auth().oauth2(editor).when().post("/api/v1/exercises/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("published")).body("revision", equalTo(3));
        given().auth().oauth2(editor).when().post("/api/v1/exercises/" + id + "/publish").then().statusCode(409);
        given().auth().oauth2(editor).when().post("/api/v1/exercises/" + id + "/retire")
                .then().statusCode(200).body("status", equalTo("retired")).body("revision", equalTo(4));

        given().auth().oauth2(editor).when().get("/api/v1/exercises/" + id + "/revisions")
                .then().statusCode(200)
                .body("revision", equalTo(List.of(4, 3, 2, 1)))
                .body("action", equalTo(List.of("retired", "published", "updated", "created")))
                .body("[2].snapshot.name", equalTo("Renamed hip drill " + slug))
                .body("[3].snapshot.name", equalTo("Custom hip drill " + slug))
                .body("[0].author", notNullValue());
    }

    @Test
    void customExerciseJoinsTheLadderOfTheGlobalLibraryForItsTenantOnly() {
        String slug = CatalogFixtures.unique("drill");
        String id = create(editor, CatalogFixtures.customExercise(slug)).then().statusCode(201).extract().path("id");
        given().auth().oauth2(editor).when().post("/api/v1/exercises/" + id + "/publish").then().statusCode(200);
        given().auth().oauth2(editor).when().get("/api/v1/exercises/" + id)
                .then().statusCode(200).body("harder", equalTo(List.of("lateral-band-walk")));
        given().auth().oauth2(CatalogFixtures.reader(tenant)).when().get("/api/v1/exercises/lateral-band-walk/ladder")
                .then().statusCode(200).body("easier.slug", hasItem(slug));
        given().auth().oauth2(CatalogFixtures.reader(CatalogFixtures.unique("other"))).when()
                .get("/api/v1/exercises/lateral-band-walk/ladder")
                .then().statusCode(200).body("easier.slug", not(hasItem(slug)));
    }

    @Test
    void invalidInputNamesTheField() {
        Map<String, Object> noName = CatalogFixtures.customExercise(CatalogFixtures.unique("drill"));
        noName.remove("name");
        create(editor, noName).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));

        Map<String, Object> badSets = CatalogFixtures.customExercise(CatalogFixtures.unique("drill"));
        @SuppressWarnings("unchecked")
        Map<String, Object> dose = (Map<String, Object>) badSets.get("prescription");
        dose.put("sets", 0);
        create(editor, badSets).then().statusCode(400).body("errors.field", hasItem("prescription.sets"));

        Map<String, Object> badLevel = CatalogFixtures.customExercise(CatalogFixtures.unique("drill"));
        badLevel.put("level", "heroic");
        create(editor, badLevel).then().statusCode(400).body("errors.field", hasItem("level"));

        Map<String, Object> badSlug = CatalogFixtures.customExercise("Not A Slug");
        create(editor, badSlug).then().statusCode(400).body("errors.field", hasItem("slug"));

        Map<String, Object> unknownMuscle = CatalogFixtures.customExercise(CatalogFixtures.unique("drill"));
        unknownMuscle.put("muscles", List.of(Map.of("muscle", "gluteus-maximissimus", "role", "primary")));
        create(editor, unknownMuscle).then().statusCode(400).body("errors.field", hasItem("muscles[0].muscle"));

        Map<String, Object> unknownLadder = CatalogFixtures.customExercise(CatalogFixtures.unique("drill"));
        unknownLadder.put("harder", List.of("no-such-exercise"));
        create(editor, unknownLadder).then().statusCode(400).body("errors.field", hasItem("harder[0]"));

        Map<String, Object> wrongType = CatalogFixtures.customExercise(CatalogFixtures.unique("drill"));
        wrongType.put("prescription", Map.of("sets", "three", "repsMin", 8, "repsMax", 12));
        create(editor, wrongType).then().log().ifValidationFails().statusCode(400).body("errors.field", hasItem("prescription.sets"));

        given().auth().oauth2(editor).contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/exercises").then().statusCode(400);

        given().auth().oauth2(editor).queryParam("level", "heroic").when().get("/api/v1/exercises")
                .then().statusCode(400).body("errors.field", hasItem("level"));
        given().auth().oauth2(editor).queryParam("size", 1000).when().get("/api/v1/exercises")
                .then().statusCode(400).body("errors.field", hasItem("size"));
        given().auth().oauth2(editor).queryParam("page", "first").when().get("/api/v1/exercises")
                .then().statusCode(400).body("errors.field", hasItem("page"));
        given().auth().oauth2(editor).when().get("/api/v1/exercises/no-such-exercise")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void accessRules() {
        String slug = CatalogFixtures.unique("drill");
        String id = create(editor, CatalogFixtures.customExercise(slug)).then().statusCode(201).extract().path("id");
        given().auth().oauth2(editor).when().post("/api/v1/exercises/" + id + "/publish").then().statusCode(200);

        // no token
        given().when().get("/api/v1/exercises").then().statusCode(401);
        given().when().get("/api/v1/exercises/lateral-band-walk").then().statusCode(401);
        given().contentType(ContentType.JSON).body(CatalogFixtures.customExercise(CatalogFixtures.unique("x")))
                .when().post("/api/v1/exercises").then().statusCode(401);

        // any valid token reads, including the own tenant's custom exercise
        String athlete = CatalogFixtures.athlete(tenant);
        given().auth().oauth2(athlete).when().get("/api/v1/exercises/" + id).then().statusCode(200);
        given().auth().oauth2(athlete).when().get("/api/v1/exercises/lateral-band-walk").then().statusCode(200);

        // athletes and coaches do not write
        create(athlete, CatalogFixtures.customExercise(CatalogFixtures.unique("drill"))).then().statusCode(403);
        create(CatalogFixtures.reader(tenant), CatalogFixtures.customExercise(CatalogFixtures.unique("drill")))
                .then().statusCode(403);
        given().auth().oauth2(athlete).when().post("/api/v1/exercises/" + id + "/retire").then().statusCode(403);
        given().auth().oauth2(athlete).contentType(ContentType.JSON).body("[]")
                .when().post("/api/v1/imports/free-exercise-db").then().statusCode(403);

        // another organisation sees nothing of it
        String otherTenant = CatalogFixtures.unique("rival");
        String otherEditor = CatalogFixtures.editor(otherTenant);
        given().auth().oauth2(CatalogFixtures.reader(otherTenant)).when().get("/api/v1/exercises/" + id)
                .then().statusCode(404);
        given().auth().oauth2(CatalogFixtures.reader(otherTenant)).when().get("/api/v1/exercises/" + slug)
                .then().statusCode(404);
        given().auth().oauth2(CatalogFixtures.reader(otherTenant)).when().get("/api/v1/exercises/" + id + "/revisions")
                .then().statusCode(404);
        given().auth().oauth2(otherEditor).when().post("/api/v1/exercises/" + id + "/retire").then().statusCode(404);
        given().auth().oauth2(otherEditor).contentType(ContentType.JSON).header("If-Match", "W/\"" + id + "-2\"")
                .body(CatalogFixtures.customExercise(slug)).when().put("/api/v1/exercises/" + id).then().statusCode(404);
        given().auth().oauth2(CatalogFixtures.reader(otherTenant)).queryParam("q", "custom hip drill " + slug)
                .queryParam("size", 100).when().get("/api/v1/exercises")
                .then().statusCode(200).body("items.slug", not(hasItem(slug)));
        given().auth().oauth2(CatalogFixtures.reader(tenant)).queryParam("q", "custom hip drill " + slug)
                .when().get("/api/v1/exercises")
                .then().statusCode(200).body("items[0].slug", equalTo(slug));

        // the global library, read by every organisation, is not an editor's to change
        String global = given().auth().oauth2(editor).when().get("/api/v1/exercises/clamshell").then().extract().path("id");
        given().auth().oauth2(editor).when().post("/api/v1/exercises/" + global + "/retire").then().statusCode(403);
        given().auth().oauth2(editor).when().get("/api/v1/exercises/clamshell")
                .then().statusCode(200).body("status", equalTo("published"));

        // drafts are not for readers
        String draft = create(editor, CatalogFixtures.customExercise(CatalogFixtures.unique("drill")))
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(athlete).when().get("/api/v1/exercises/" + draft).then().statusCode(404);
        given().auth().oauth2(editor).when().get("/api/v1/exercises/" + draft).then().statusCode(200);
    }
}
