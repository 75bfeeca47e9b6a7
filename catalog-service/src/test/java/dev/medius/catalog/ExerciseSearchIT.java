package dev.medius.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ExerciseSearchIT {

    private final String token = CatalogFixtures.reader(CatalogFixtures.unique("club"));

    @Test
    void muscleFilterListsSeedAndHipAbductionWork() {
        List<String> slugs = given().auth().oauth2(token)
                .queryParam("muscle", "gluteus-medius").queryParam("size", 100)
                .when().get("/api/v1/exercises")
                .then().statusCode(200)
                .extract().jsonPath().getList("items.slug", String.class);
        assertThat(slugs).contains("lateral-band-walk", "banded-glute-bridge-abduction", "squat-with-lateral-leg-raise")
                .contains("side-lying-hip-abduction", "side-plank-hip-abduction", "clamshell", "standing-banded-hip-abduction",
                        "lateral-band-walk-knees", "lateral-band-walk-feet", "hip-hike", "lateral-step-down")
                .doesNotContain("calf-raise", "nordic-hamstring-curl");
        List<Boolean> seeds = given().auth().oauth2(token)
                .queryParam("muscle", "gluteus-medius").queryParam("size", 100)
                .when().get("/api/v1/exercises")
                .then().extract().jsonPath().getList("items.seed", Boolean.class);
        assertThat(seeds.stream().filter(Boolean::booleanValue).count()).isEqualTo(3);
    }

    @Test
    void searchForBandWalkFindsLateralBandWalkFirst() {
        given().auth().oauth2(token).queryParam("q", "band walk")
                .when().get("/api/v1/exercises")
                .then().statusCode(200)
                .body("items[0].slug", equalTo("lateral-band-walk"))
                .body("items.slug", hasItems("lateral-band-walk-knees", "lateral-band-walk-feet", "monster-walk"))
                .body("items.slug", not(hasItem("calf-raise")));
    }

    @Test
    void typoTolerantSearchFindsLateralBandWalkFirst() {
        given().auth().oauth2(token).queryParam("q", "bnad walk")
                .when().get("/api/v1/exercises")
                .then().statusCode(200)
                .body("items[0].slug", equalTo("lateral-band-walk"));
        given().auth().oauth2(token).queryParam("q", "clamshel")
                .when().get("/api/v1/exercises")
                .then().statusCode(200)
                .body("items.slug", hasItem("clamshell"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void filtersCombineAndPagesCoverEveryMatchOnce() {
        // every hip-abduction or bridge exercise for a beginner who owns a mini band (or nothing)
        Response all = given().auth().oauth2(token)
                .queryParam("pattern", "hip-abduction,bridge").queryParam("level", "beginner")
                .queryParam("equipment", "mini-band").queryParam("size", 100)
                .when().get("/api/v1/exercises");
        all.then().statusCode(200);
        List<Map<String, Object>> matches = all.jsonPath().getList("items");
        int total = all.jsonPath().getInt("total");
        assertThat(total).isEqualTo(matches.size()).isGreaterThanOrEqualTo(6);
        for (Map<String, Object> item : matches) {
            assertThat(item.get("pattern")).isIn("hip-abduction", "bridge");
            assertThat(item.get("level")).isEqualTo("beginner");
            assertThat((List<Object>) item.get("equipment")).isSubsetOf(List.of("mini-band"));
        }
        List<String> slugs = matches.stream().map(m -> (String) m.get("slug")).toList();
        assertThat(slugs).contains("lateral-band-walk", "glute-bridge", "clamshell")
                .doesNotContain("hip-hike", "hip-thrust", "monster-walk");

        List<String> paged = new ArrayList<>();
        int pages = 0;
        for (int page = 0; page * 4 < total; page++) {
            pages++;
            Response one = given().auth().oauth2(token)
                    .queryParam("pattern", "hip-abduction,bridge").queryParam("level", "beginner")
                    .queryParam("equipment", "mini-band").queryParam("size", 4).queryParam("page", page)
                    .when().get("/api/v1/exercises");
            one.then().statusCode(200).body("total", equalTo(total)).body("page", equalTo(page));
            paged.addAll(one.jsonPath().getList("items.slug", String.class));
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(slugs);

        // the muscle and condition filters narrow the same way
        List<String> knee = given().auth().oauth2(token)
                .queryParam("muscle", "gluteus-medius").queryParam("condition", "patellofemoral-pain")
                .queryParam("category", "strength").queryParam("size", 100)
                .when().get("/api/v1/exercises")
                .then().statusCode(200).extract().jsonPath().getList("items.category", String.class);
        assertThat(knee).isNotEmpty().containsOnly("strength");
    }

    @Test
    void bodyweightOnlyEquipmentExcludesBandedWork() {
        List<List<String>> equipment = given().auth().oauth2(token)
                .queryParam("equipment", "none").queryParam("size", 100)
                .when().get("/api/v1/exercises")
                .then().statusCode(200).extract().jsonPath().getList("items.equipment");
        assertThat(equipment).isNotEmpty().allSatisfy(list -> assertThat(list).isEmpty());
    }

    @Test
    void sortedByNameDescendingIsTheReverseOfAscending() {
        List<String> up = given().auth().oauth2(token).queryParam("sort", "name").queryParam("size", 100)
                .when().get("/api/v1/exercises").then().statusCode(200).extract().jsonPath().getList("items.name", String.class);
        List<String> down = given().auth().oauth2(token).queryParam("sort", "-name").queryParam("size", 100)
                .when().get("/api/v1/exercises").then().statusCode(200).extract().jsonPath().getList("items.name", String.class);
        assertThat(up).hasSizeGreaterThanOrEqualTo(42).isSorted();
        List<String> reversed = new ArrayList<>(down);
        java.util.Collections.reverse(reversed);
        assertThat(reversed).isEqualTo(up);
    }

    @Test
    void spanishIsServedForTheSeedExercisesWithEnglishFallback() {
        given().auth().oauth2(token).header("Accept-Language", "es-ES, en;q=0.5")
                .when().get("/api/v1/exercises/lateral-band-walk")
                .then().statusCode(200)
                .header("Content-Language", "es")
                .body("name", equalTo("Paso lateral con banda"))
                .body("language", equalTo("es"))
                .body("steps[0]", org.hamcrest.Matchers.startsWith("Coloca una minibanda"));
        given().auth().oauth2(token).header("Accept-Language", "fr")
                .when().get("/api/v1/exercises/lateral-band-walk")
                .then().statusCode(200)
                .header("Content-Language", "en")
                .body("name", equalTo("Lateral band walk"));
        given().auth().oauth2(token).header("Accept-Language", "es")
                .when().get("/api/v1/muscles")
                .then().statusCode(200)
                .body("find { it.slug == 'gluteus-medius' }.name", equalTo("Glúteo medio"));
    }

    @Test
    void seedContentShipsGluteusMediusConditionsSourcesAndDoses() {
        given().auth().oauth2(token).when().get("/api/v1/muscles")
                .then().statusCode(200)
                .body("find { it.slug == 'gluteus-medius' }.region", equalTo("hip"))
                .body("find { it.slug == 'gluteus-medius' }.functions", hasItem("hip abduction (its main action)"));
        given().auth().oauth2(token).when().get("/api/v1/conditions")
                .then().statusCode(200)
                .body("slug", hasItems("acl-injury", "patellofemoral-pain", "ankle-sprain", "low-back-pain", "gluteal-amnesia"));
        given().auth().oauth2(token).when().get("/api/v1/sources")
                .then().statusCode(200)
                .body("key", hasItems("medius-seed-2020", "contreras-si-joint"));
        given().auth().oauth2(token).when().get("/api/v1/exercises/lateral-band-walk")
                .then().statusCode(200)
                .body("prescription.sets", equalTo(1))
                .body("prescription.repsMin", equalTo(10))
                .body("prescription.bandPlacement", equalTo("ankles"))
                .body("prescription.perSide", equalTo(true))
                .body("muscles.find { it.muscle == 'gluteus-medius' }.role", equalTo("primary"))
                .body("sourceKeys", hasItem("medius-seed-2020"))
                .body("license", equalTo("CC-BY-4.0"));
    }

    @Test
    void ladderOfLateralBandWalkGoesBothWays() {
        Response ladder = given().auth().oauth2(token).when().get("/api/v1/exercises/lateral-band-walk/ladder");
        ladder.then().statusCode(200)
                .body("exercise.slug", equalTo("lateral-band-walk"))
                .body("easier[0].slug", equalTo("lateral-band-walk-knees"))
                .body("easier.slug", hasItems("standing-banded-hip-abduction", "seated-banded-hip-abduction"))
                .body("harder.slug", hasItems("lateral-band-walk-feet"));
        // one rung down, then up again, is back where it started
        given().auth().oauth2(token).when().get("/api/v1/exercises/lateral-band-walk-knees")
                .then().statusCode(200).body("harder", hasItem("lateral-band-walk"));
        given().auth().oauth2(token).when().get("/api/v1/exercises/lateral-band-walk-feet/ladder")
                .then().statusCode(200)
                .body("easier[0].slug", equalTo("lateral-band-walk"))
                .body("easier.slug", hasItem("lateral-band-walk-knees"));
        given().auth().oauth2(token).when().get("/api/v1/exercises/lateral-band-walk")
                .then().statusCode(200)
                .body("easier", equalTo(List.of("lateral-band-walk-knees")))
                .body("harder", equalTo(List.of("lateral-band-walk-feet")));
        // the easier rungs really are easier: no step up the ladder goes down a level
        Set<String> seen = new HashSet<>(ladder.jsonPath().getList("easier.slug", String.class));
        assertThat(seen).doesNotContain("lateral-band-walk-feet", "lateral-band-walk");
    }

    @Test
    void exportReturnsTheLibraryWithTranslationsAndDisclaimer() {
        given().auth().oauth2(token).when().get("/api/v1/exports/exercises")
                .then().statusCode(200)
                .body("disclaimer", notNullValue())
                .body("exercises.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(42))
                .body("exercises.find { it.slug == 'lateral-band-walk' }.translations.es.name", equalTo("Paso lateral con banda"))
                .body("exercises.find { it.slug == 'lateral-band-walk' }.harder", hasItem("lateral-band-walk-feet"))
                .body("muscles.slug", hasItem("gluteus-medius"))
                .body("sources.key", hasItem("lewis-2019"));
    }
}
