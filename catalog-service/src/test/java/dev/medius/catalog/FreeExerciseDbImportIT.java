package dev.medius.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class FreeExerciseDbImportIT {

    private final String admin = CatalogFixtures.admin(CatalogFixtures.unique("medius"));

    private JsonPath importBody(String body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/imports/free-exercise-db")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Two good entries and two the importer must refuse, in the dataset's own format. */
    private static String fixture(String suffix, String firstName) {
        return """
                [
                  {"id": "Fixture_Side_Hip_Raise_%1$s", "name": "%2$s", "force": "push", "level": "expert",
                   "mechanic": "isolation", "equipment": "bands", "primaryMuscles": ["abductors"],
                   "secondaryMuscles": ["glutes", "abdominals"], "category": "strength",
                   "instructions": ["Lie on your side with a band around the knees.", "Raise the top knee."],
                   "images": ["Fixture_Side_Hip_Raise/0.jpg"]},
                  {"id": "Fixture_Hamstring_Stretch_%1$s", "name": "Fixture hamstring stretch %1$s", "force": null,
                   "level": "beginner", "mechanic": null, "equipment": null, "primaryMuscles": ["hamstrings"],
                   "secondaryMuscles": [], "category": "stretching", "instructions": [], "images": []},
                  {"id": "Fixture_No_Level_%1$s", "name": "Fixture without level %1$s", "force": "pull", "level": "godlike",
                   "mechanic": "compound", "equipment": "cable", "primaryMuscles": ["lats"], "secondaryMuscles": [],
                   "category": "strength", "instructions": ["Pull."], "images": []},
                  {"id": "Fixture_Bad_Muscle_%1$s", "name": "Fixture bad muscle %1$s", "force": "pull", "level": "beginner",
                   "mechanic": "compound", "equipment": "cable", "primaryMuscles": ["wings"], "secondaryMuscles": [],
                   "category": "strength", "instructions": ["Flap."], "images": []}
                ]
                """.formatted(suffix, firstName);
    }

    @Test
    void importMapsFieldsAndReportsDefaultsAndRejections() {
        String suffix = CatalogFixtures.unique("f").replace('-', '_');
        JsonPath report = importBody(fixture(suffix, "Fixture side hip raise " + suffix));
        assertThat(report.getInt("received")).isEqualTo(4);
        assertThat(report.getInt("imported")).isEqualTo(2);
        assertThat(report.getInt("rejected")).isEqualTo(2);
        assertThat(report.getInt("defaulted")).isEqualTo(2);
        assertThat(report.getInt("defaultedFields.equipment")).isEqualTo(1);
        assertThat(report.getList("rejections.field", String.class)).containsExactly("level", "primaryMuscles[0]");
        assertThat(report.getList("rejections.id", String.class)).containsExactly("Fixture_No_Level_" + suffix,
                "Fixture_Bad_Muscle_" + suffix);
        assertThat(report.getString("rejections[1].reason")).contains("wings");

        String slug = ("fixture-side-hip-raise-" + suffix).replace('_', '-');
        given().auth().oauth2(admin).when().get("/api/v1/exercises/" + slug)
                .then().statusCode(200)
                .body("status", equalTo("draft"))
                .body("origin", equalTo("free-exercise-db"))
                .body("level", equalTo("advanced"))
                .body("mechanic", equalTo("isolation"))
                .body("equipment", equalTo(List.of("long-band")))
                .body("pattern", equalTo("hip-abduction"))
                .body("steps", hasSize(2))
                .body("muscles.find { it.muscle == 'gluteus-medius' }.role", equalTo("primary"))
                .body("muscles.find { it.muscle == 'gluteus-maximus' }.role", equalTo("secondary"))
                .body("media[0].url", equalTo("https://raw.githubusercontent.com/yuhonas/free-exercise-db/main/exercises/Fixture_Side_Hip_Raise/0.jpg"))
                .body("license", equalTo("Unlicense (public domain)"));
        given().auth().oauth2(admin).when().get("/api/v1/exercises/" + ("fixture-hamstring-stretch-" + suffix).replace('_', '-'))
                .then().statusCode(200)
                .body("category", equalTo("mobility"))
                .body("prescription.holdSeconds", equalTo(30))
                .body("equipment", hasSize(0));
        // imports are drafts: readers do not see them until an editor publishes
        given().auth().oauth2(CatalogFixtures.reader("any")).when().get("/api/v1/exercises/" + slug).then().statusCode(404);

        JsonPath again = importBody(fixture(suffix, "Fixture side hip raise " + suffix));
        assertThat(again.getInt("imported")).isZero();
        assertThat(again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(2);

        JsonPath renamed = importBody(fixture(suffix, "Fixture side hip raise renamed " + suffix));
        assertThat(renamed.getInt("updated")).isEqualTo(1);
        assertThat(renamed.getInt("unchanged")).isEqualTo(1);
        given().auth().oauth2(admin).when().get("/api/v1/exercises/" + slug)
                .then().statusCode(200).body("name", equalTo("Fixture side hip raise renamed " + suffix))
                .body("revision", equalTo(2));
        given().auth().oauth2(admin).when().get("/api/v1/exercises/" + slug + "/revisions")
                .then().statusCode(200).body("action", hasItem("imported from free-exercise-db"));
    }

    @Test
    void importRefusesABodyThatIsNotAnArray() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("id", "x"))
                .when().post("/api/v1/imports/free-exercise-db")
                .then().statusCode(400).body("errors.field", hasItem("body"));
        given().auth().oauth2(CatalogFixtures.editor("club")).contentType(ContentType.JSON).body("[]")
                .when().post("/api/v1/imports/free-exercise-db")
                .then().statusCode(403);
    }

    @Test
    void fullDatasetImportsAll873AndSecondImportChangesNothing() throws Exception {
        String location = System.getenv("MEDIUS_FREE_EXERCISE_DB");
        Assumptions.assumeTrue(location != null && !location.isBlank(),
                "MEDIUS_FREE_EXERCISE_DB names the free-exercise-db exercises.json (set by .ci/run)");
        String dataset = Files.readString(Path.of(location));

        JsonPath first = importBody(dataset);
        assertThat(first.getInt("received")).isEqualTo(873);
        assertThat(first.getInt("imported")).isEqualTo(873);
        assertThat(first.getInt("rejected")).isZero();
        assertThat(first.getInt("defaulted")).isEqualTo(873);
        assertThat(first.getInt("defaultedFields.prescription")).isEqualTo(873);
        assertThat(first.getMap("unmappedMuscles")).isEmpty();
        assertThat(first.getInt("mappedMuscles.'abductors -> gluteus-medius'")).isPositive();

        JsonPath second = importBody(dataset);
        assertThat(second.getInt("received")).isEqualTo(873);
        assertThat(second.getInt("imported")).isZero();
        assertThat(second.getInt("updated")).isZero();
        assertThat(second.getInt("unchanged")).isEqualTo(873);

        given().auth().oauth2(admin).when().get("/api/v1/exercises/3-4-sit-up")
                .then().statusCode(200)
                .body("revision", equalTo(1))
                .body("status", equalTo("draft"))
                .body("muscles[0].muscle", equalTo("rectus-abdominis"))
                .body("steps[0]", equalTo("Lie down on the floor and secure your feet. Your legs should be bent at the knees."));
        // a free-exercise-db name that a Medius exercise already uses keeps the Medius one intact
        given().auth().oauth2(admin).when().get("/api/v1/exercises/monster-walk")
                .then().statusCode(200).body("origin", equalTo("medius"));
        given().auth().oauth2(admin).when().get("/api/v1/exercises/monster-walk-fedb")
                .then().statusCode(200).body("origin", equalTo("free-exercise-db"));
        given().auth().oauth2(admin).queryParam("status", "draft").queryParam("size", 1)
                .when().get("/api/v1/exercises")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(873));
    }
}
