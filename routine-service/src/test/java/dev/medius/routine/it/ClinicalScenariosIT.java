package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.medius.events.Vocabulary;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.support.ExerciseLibrary;
import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Clinical scenarios through the HTTP API, as a coach would send them: every pain area with every onset,
 * red flags, equipment from none to full, every level, 1-7 sessions a week, 10-120 minutes, 1-24 weeks,
 * synonyms and misspellings. Each checks the must and must-not rules of docs/coaching.md.
 */
@QuarkusTest
class ClinicalScenariosIT {

    private static final List<List<String>> EQUIPMENT = List.of(List.of(), List.of("mini-band"),
            List.of("mini-band", "step"), List.of("dumbbells", "bench"), List.of("bands", "kettlebell", "mat"),
            List.of("mini-band", "long-band", "dumbbell", "kettlebell", "bench", "step", "mat", "anchor", "cable"));
    private static final List<String> LEVELS = List.of("beginner", "intermediate", "advanced");
    private static final List<String> SPORTS = List.of("running", "cycling", "soccer", "general", "desk-bound");

    @BeforeEach
    void catalog() {
        Fixtures.catalogReady();
    }

    /** Every pain area with every onset, the other dimensions spread across their ranges. */
    static Stream<Arguments> painScenarios() {
        List<Arguments> scenarios = new ArrayList<>();
        int i = 0;
        for (String area : Vocabulary.PAIN_AREAS) {
            for (String onset : Vocabulary.ONSETS) {
                Map<String, Object> profile = new HashMap<>();
                profile.put("level", LEVELS.get(i % 3));
                profile.put("sport", SPORTS.get(i % 5));
                profile.put("goals", List.of(List.of("knee"), List.of("low-back", "glute-activation"), List.of("acl", "ankle"),
                        List.of("groin", "hamstring"), List.of()).get(i % 5));
                profile.put("equipment", EQUIPMENT.get(i % EQUIPMENT.size()));
                profile.put("sessionsPerWeek", 1 + i % 7);
                profile.put("minutesPerSession", 10 + (i * 37) % 111);
                profile.put("weeks", 1 + (i * 5) % 24);
                profile.put("startDate", LocalDate.of(2027, 1, 4).plusDays(i).toString());
                profile.put("pain", List.of(Map.of("area", area, "severity", i % 8, "onset", onset)));
                scenarios.add(Arguments.of(area + " " + onset, profile));
                i++;
            }
        }
        return scenarios.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("painScenarios")
    void aPlanForPainLeavesOutWhatItForbidsAndKeepsEveryOtherRule(String name, Map<String, Object> profile) {
        String coach = Fixtures.coach(Fixtures.newTenant());
        Response response = given().auth().oauth2(coach).contentType(ContentType.JSON).body(profile)
                .when().post("/api/v1/plans/generate");
        @SuppressWarnings("unchecked")
        Map<String, Object> pain = ((List<Map<String, Object>>) profile.get("pain")).get(0);
        String area = (String) pain.get("area");
        String onset = (String) pain.get("onset");
        if (response.statusCode() == 422) {
            // nothing fits: only acceptable when no exercise of the library passes the profile's filters
            assertThat(response.jsonPath().getString("title")).isEqualTo("No exercise fits");
            return;
        }
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        JsonPath plan = response.jsonPath();
        int minutes = (Integer) profile.get("minutesPerSession");
        int perWeek = (Integer) profile.get("sessionsPerWeek");
        List<Map<String, Object>> sessions = plan.getList("weeks.sessions.flatten()");
        assertThat(sessions).hasSize(perWeek * (Integer) profile.get("weeks"));
        assertThat(plan.getList("safety", String.class)).anyMatch(s -> s.contains("Silbernagel 2007"));
        Set<String> owned = equipmentOf(profile);
        LocalDate lastStrength = null;
        for (Map<String, Object> session : sessions) {
            assertThat(((Number) session.get("estimatedMinutes")).doubleValue()).isLessThanOrEqualTo(minutes);
            List<String> slugs = new ArrayList<>();
            boolean strength = false;
            for (Map<String, Object> block : blocks(session)) {
                strength |= "strength".equals(block.get("kind"));
                for (Map<String, Object> item : items(block)) {
                    String slug = (String) item.get("slug");
                    slugs.add(slug);
                    ExercisePublished exercise = ExerciseLibrary.bySlug(slug);
                    assertThat(item.get("painMonitoring")).as(slug).isNotNull();
                    assertThat(owned).as(slug).containsAll(exercise.equipment());
                    assertThat(exercise.contraindicationRules()).as(slug + " for " + name)
                            .noneMatch(rule -> Vocabulary.concerns(area, rule.area()) && Vocabulary.applies(rule.acuity(), onset));
                    if (!"history".equals(onset)) {
                        assertThat(exercise.painAreasToAvoid()).as(slug + " loads " + area)
                                .noneMatch(loaded -> Vocabulary.concerns(area, loaded));
                    }
                    assertThat(LEVELS.indexOf(exercise.level())).isLessThanOrEqualTo(LEVELS.indexOf(profile.get("level")));
                }
            }
            assertThat(slugs).doesNotHaveDuplicates();
            LocalDate date = LocalDate.parse((String) session.get("date"));
            if (strength) {
                assertThat(lastStrength == null || ChronoUnit.DAYS.between(lastStrength, date) >= 2)
                        .as("strength on %s after %s", date, lastStrength).isTrue();
                lastStrength = date;
            }
        }
        if (perWeek == 1) {
            assertThat(plan.getList("notes", String.class)).anyMatch(n -> n.startsWith("Warning"));
        }
    }

    static Stream<String> redFlags() {
        return Stream.of("swelling-after-trauma", "giving-way", "locking", "unable-to-bear-weight", "night-pain",
                "numbness-or-tingling", "saddle-numbness", "bladder-or-bowel-change", "unexplained-weight-loss",
                "progressive-weakness", "fever-or-unwell", "knee giving way", "pins and needles");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("redFlags")
    void aRedFlagGetsSeeAClinicianInsteadOfAPlan(String flag) {
        Map<String, Object> profile = new HashMap<>(Fixtures.deskWorkerProfile(LocalDate.of(2027, 1, 4)));
        profile.put("redFlags", List.of(flag));
        given().auth().oauth2(Fixtures.coach(Fixtures.newTenant())).contentType(ContentType.JSON).body(profile)
                .when().post("/api/v1/plans/generate")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://medius.dev/problems/see-a-clinician"))
                .body("errors.field", hasItem("redFlags"))
                .body("detail", containsString("clinician"));
    }

    @Test
    void painOfEightOrMoreGetsSeeAClinicianAndSevenDoesNot() {
        String coach = Fixtures.coach(Fixtures.newTenant());
        Map<String, Object> profile = new HashMap<>(Fixtures.deskWorkerProfile(LocalDate.of(2027, 1, 4)));
        profile.remove("painAreas");
        profile.put("pain", List.of(Map.of("area", "hip", "severity", 8, "onset", "acute")));
        given().auth().oauth2(coach).contentType(ContentType.JSON).body(profile)
                .when().post("/api/v1/plans/generate")
                .then().statusCode(422).body("type", equalTo("https://medius.dev/problems/see-a-clinician"))
                .body("errors.field", hasItem("pain[0].severity"));
        profile.put("pain", List.of(Map.of("area", "hip", "severity", 7, "onset", "acute")));
        given().auth().oauth2(coach).contentType(ContentType.JSON).body(profile)
                .when().post("/api/v1/plans/generate").then().statusCode(200);
    }

    @Test
    void lateralHipPainAvoidsLyingOnTheHipAndAdduction() {
        Map<String, Object> profile = new HashMap<>(Fixtures.deskWorkerProfile(LocalDate.of(2027, 1, 4)));
        profile.remove("painAreas");
        profile.put("equipment", List.of("mini-band", "bench", "step", "dumbbell"));
        profile.put("level", "advanced");
        profile.put("pain", List.of(Map.of("area", "outer hip", "severity", 4, "onset", "persistent")));
        JsonPath plan = Fixtures.generate(Fixtures.coach(Fixtures.newTenant()), profile);
        List<String> slugs = plan.getList("weeks.sessions.blocks.items.slug.flatten()");
        assertThat(slugs).isNotEmpty().allSatisfy(slug -> assertThat(ExerciseLibrary.bySlug(slug).contraindicationRules())
                .noneMatch(rule -> Vocabulary.concerns("lateral-hip", rule.area())
                        && rule.position() != null
                        && List.of("lying-on-side", "hip-adduction-across-midline").contains(rule.position())));
    }

    @Test
    void synonymsGiveTheSamePlanAsTheCanonicalWords() {
        String coach = Fixtures.coach(Fixtures.newTenant());
        Map<String, Object> canonical = new HashMap<>(Fixtures.deskWorkerProfile(LocalDate.of(2027, 1, 4)));
        canonical.put("level", "beginner");
        canonical.put("equipment", List.of("dumbbell", "mini-band", "long-band"));
        canonical.put("painAreas", List.of("knee", "low-back"));
        canonical.put("goals", List.of("glute-activation"));
        Map<String, Object> everyday = new HashMap<>(canonical);
        everyday.put("level", "Novice");
        everyday.put("equipment", List.of("dumbbells", "bands"));
        everyday.put("painAreas", List.of("knees", "lower back"));
        everyday.put("goals", List.of("glutes"));
        assertThat(Fixtures.generate(coach, everyday).prettify()).isEqualTo(Fixtures.generate(coach, canonical).prettify());
    }

    static Stream<Arguments> misspellings() {
        return Stream.of(Arguments.of("painAreas", List.of("kne"), "painAreas[0]"),
                Arguments.of("equipment", List.of("mini-band", "dumbell"), "equipment[1]"),
                Arguments.of("goals", List.of("glute-activaton"), "goals[0]"),
                Arguments.of("sport", "socer", "sport"),
                Arguments.of("level", "begginer", "level"),
                Arguments.of("redFlags", List.of("nightpainn"), "redFlags[0]"),
                Arguments.of("pain", List.of(Map.of("area", "elbow")), "pain[0].area"),
                Arguments.of("pain", List.of(Map.of("area", "knee", "onset", "yesterday")), "pain[0].onset"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("misspellings")
    void anUnknownWordIsA400NamingTheFieldAndTheAcceptedValues(String field, Object value, String path) {
        Map<String, Object> profile = new HashMap<>(Fixtures.deskWorkerProfile(LocalDate.of(2027, 1, 4)));
        profile.put(field, value);
        given().auth().oauth2(Fixtures.coach(Fixtures.newTenant())).contentType(ContentType.JSON).body(profile)
                .when().post("/api/v1/plans/generate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(path))
                .body("detail", containsString("accepted: "));
    }

    @Test
    void theVocabulariesAreReadableInEnglishAndSpanish() {
        String coach = Fixtures.coach(Fixtures.newTenant());
        JsonPath english = given().auth().oauth2(coach).when().get("/api/v1/vocabularies")
                .then().statusCode(200).extract().jsonPath();
        assertThat(english.getList("painAreas.value", String.class)).containsExactlyElementsOf(Vocabulary.PAIN_AREAS);
        assertThat(english.getList("equipment.value", String.class)).contains("mini-band", "dumbbell", "anchor");
        assertThat(english.getList("levels.label", String.class)).containsExactly("Beginner", "Intermediate", "Advanced");
        JsonPath spanish = given().auth().oauth2(coach).header("Accept-Language", "es-ES,es;q=0.9").when()
                .get("/api/v1/vocabularies").then().statusCode(200).extract().jsonPath();
        assertThat(spanish.getList("painAreas.label", String.class)).contains("Rodilla", "Zona lumbar");
        JsonPath plan = given().auth().oauth2(coach).header("Accept-Language", "es").contentType(ContentType.JSON)
                .body(Fixtures.deskWorkerProfile(LocalDate.of(2027, 1, 4))).when().post("/api/v1/plans/generate")
                .then().statusCode(200).extract().jsonPath();
        assertThat(plan.getList("safety", String.class)).anyMatch(s -> s.startsWith("Este plan es informativo"));
        given().when().get("/api/v1/vocabularies").then().statusCode(401);
    }

    private static Set<String> equipmentOf(Map<String, Object> profile) {
        Set<String> owned = new HashSet<>(Vocabulary.ALWAYS_AVAILABLE);
        @SuppressWarnings("unchecked")
        List<String> listed = (List<String>) profile.get("equipment");
        for (String word : listed) {
            owned.addAll(dev.medius.routine.domain.Terms.canonical(dev.medius.routine.domain.Terms.Kind.EQUIPMENT, word));
        }
        return owned;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blocks(Map<String, Object> session) {
        return (List<Map<String, Object>>) session.get("blocks");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> block) {
        return (List<Map<String, Object>>) block.get("items");
    }
}
