package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.events.Vocabulary;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.support.EventTap;
import dev.medius.routine.support.ExerciseLibrary;
import dev.medius.routine.support.Fixtures;
import dev.medius.routine.support.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Morning check-ins through the HTTP API against a known baseline (a week of ordinary mornings: 4/5 on every scale, 8
 * hours of sleep), table by table: every signal alone, several together, new pain, red flags, missing answers; then
 * what the athlete and the coach see, the coach's override, retries, access and bad input.
 */
@QuarkusTest
class ReadinessIT {

    private static final Map<String, Object> USUAL = Map.of("sleepQuality", 4, "energy", 4, "soreness", 4,
            "stress", 4, "mood", 4, "sleepHours", 8.0, "pain", List.of());

    private String tenant;
    private String coach;
    private String templateId;

    @BeforeEach
    void plan() {
        Fixtures.catalogReady();
        tenant = Fixtures.newTenant();
        coach = Fixtures.coach(tenant);
        Map<String, Object> profile = Map.of("level", "intermediate", "sport", "running", "goals", List.of("knee"),
                "equipment", List.of("mini-band", "step", "bench"), "sessionsPerWeek", 7, "minutesPerSession", 30,
                "weeks", 2, "startDate", Fixtures.today().toString());
        Map<String, Object> plan = Fixtures.generate(coach, profile).getMap("");
        templateId = Fixtures.createTemplate(coach, "Knee strength", plan);
    }

    @AfterEach
    void clock() {
        MovableClock.reset();
    }

    static Stream<Arguments> mornings() {
        return Stream.of(
                Arguments.of("as usual", USUAL, "as-planned"),
                Arguments.of("sleep quality alone", with(USUAL, "sleepQuality", 2), "as-planned"),
                Arguments.of("energy alone", with(USUAL, "energy", 2), "as-planned"),
                Arguments.of("soreness alone", with(USUAL, "soreness", 1), "as-planned"),
                Arguments.of("stress alone", with(USUAL, "stress", 2), "as-planned"),
                Arguments.of("mood alone", with(USUAL, "mood", 3), "as-planned"),
                Arguments.of("sleep hours alone", with(USUAL, "sleepHours", 5.5), "as-planned"),
                Arguments.of("sleep and energy", with(with(USUAL, "sleepQuality", 2), "energy", 3), "lighter"),
                Arguments.of("three signals", with(with(with(USUAL, "stress", 2), "mood", 2), "sleepHours", 6.0),
                        "lighter"),
                Arguments.of("four signals", with(with(with(with(USUAL, "sleepQuality", 2), "energy", 2), "soreness", 2),
                        "mood", 2), "lower-rung"),
                Arguments.of("only pain answered", Map.of("pain", List.of()), "as-planned"),
                Arguments.of("only sleep hours, short", Map.of("sleepHours", 4.0, "pain", List.of()), "as-planned"),
                Arguments.of("better than usual", with(with(USUAL, "energy", 5), "mood", 5), "as-planned"),
                Arguments.of("pain 8/10 in a settled area", with(USUAL, "pain",
                        List.of(Map.of("area", "neck", "score", 8))), "see-a-clinician"),
                Arguments.of("a red flag", with(USUAL, "redFlags", List.of("knee locking")), "see-a-clinician"),
                Arguments.of("a red flag on a good morning", with(with(USUAL, "energy", 5), "redFlags",
                        List.of("numbness")), "see-a-clinician"),
                Arguments.of("new pain 6/10", with(USUAL, "pain", List.of(Map.of("area", "neck", "score", 6))), "rest"),
                Arguments.of("new pain 7/10 and low signals", with(with(with(USUAL, "energy", 1), "mood", 1), "pain",
                        List.of(Map.of("area", "wrist", "score", 7))), "rest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mornings")
    void aMorningCheckInAdjustsTodaysSessionAgainstTheAthletesOwnUsual(String name, Map<String, Object> today,
            String expected) {
        String athlete = athleteWithAWeekOfUsualMornings();
        JsonPath planned = todaysSession(athlete);

        JsonPath answer = checkIn(athlete, Fixtures.athlete(athlete, tenant), today, null)
                .then().statusCode(201).extract().jsonPath();

        assertThat(answer.getString("sessions[0].kind")).as(answer.prettify()).isEqualTo(expected);
        assertThat(answer.getString("sessions[0].reason")).isNotBlank();
        JsonPath after = todaysSession(athlete);
        assertThat(after.getString("adjustment.kind")).isEqualTo("as-planned".equals(expected) ? null : expected);
        assertNeverAbove(planned, after);
        switch (expected) {
            case "as-planned" -> assertThat(after.getList("blocks").toString()).isEqualTo(planned.getList("blocks").toString());
            case "lighter", "lower-rung" -> assertThat(sets(after)).isLessThan(sets(planned));
            case "rest", "see-a-clinician" -> {
                assertThat(after.getList("blocks")).isEmpty();
                assertThat(answer.getString("sessions[0].reason")).as(name)
                        .contains("see-a-clinician".equals(expected) ? "clinician" : "rest today");
            }
            default -> throw new IllegalArgumentException(expected);
        }
    }

    @Test
    void newPainSwapsWhatLoadsTheAreaForAPainFreeVariationOrLeavesItOut() {
        String athlete = athleteWithAWeekOfUsualMornings();
        JsonPath planned = todaysSession(athlete);
        String area = loadedArea(planned);
        assertThat(area).as("today's session loads some area").isNotNull();

        JsonPath answer = checkIn(athlete, Fixtures.athlete(athlete, tenant),
                with(USUAL, "pain", List.of(Map.of("area", area, "score", 3))), null)
                .then().statusCode(201).extract().jsonPath();

        assertThat(answer.getString("sessions[0].kind")).isEqualTo("pain-free");
        assertThat(answer.getString("sessions[0].reason")).contains(area + " 3/10");
        assertThat(answer.getList("sessions[0].signals", String.class)).contains("pain:" + area);
        JsonPath after = todaysSession(athlete);
        for (String slug : slugs(after)) {
            assertThat(ExerciseLibrary.bySlug(slug).painAreasToAvoid()).as(slug)
                    .noneMatch(loaded -> Vocabulary.concerns(area, loaded));
        }
        assertNeverAbove(planned, after);

        // the same pain the next morning is known by then: it changes nothing more
        MovableClock.shift(1);
        JsonPath next = checkIn(athlete, Fixtures.athlete(athlete, tenant),
                with(USUAL, "pain", List.of(Map.of("area", area, "score", 3))), null)
                .then().statusCode(201).extract().jsonPath();
        assertThat(next.getList("sessions.kind", String.class)).doesNotContain("pain-free");
    }

    @Test
    void withoutABaselineTheLowEndOfEachScaleCounts() {
        String athlete = "athlete-" + UUID.randomUUID();
        Fixtures.assign(coach, templateId, List.of(athlete), null, Fixtures.today());
        JsonPath answer = checkIn(athlete, Fixtures.athlete(athlete, tenant),
                Map.of("sleepQuality", 2, "energy", 2, "mood", 4, "pain", List.of()), null)
                .then().statusCode(201).extract().jsonPath();
        assertThat(answer.getString("sessions[0].kind")).isEqualTo("lighter");
        assertThat(answer.getString("sessions[0].reason")).contains("sleep quality 2/5", "energy 2/5");
    }

    @Test
    void theCheckInIsPublishedSealedOnceAndARetryAnswersTheSame() {
        String athlete = athleteWithAWeekOfUsualMornings();
        String key = UUID.randomUUID().toString();
        Map<String, Object> low = with(with(USUAL, "sleepQuality", 1), "energy", 2);
        try (EventTap sessions = new EventTap(Topics.ROUTINE_SESSIONS)) {
            Response first = checkIn(athlete, Fixtures.athlete(athlete, tenant), low, key);
            Response again = checkIn(athlete, Fixtures.athlete(athlete, tenant), low, key);
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.jsonPath().getString("checkInId")).isEqualTo(first.jsonPath().getString("checkInId"));
            String checkInId = first.jsonPath().getString("checkInId");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> sessions.ofType(athlete, EventTypes.WELLNESS_CHECKED_IN).stream()
                            .anyMatch(e -> e.subject().equals(checkInId)));
            EventTap.Event event = sessions.ofType(athlete, EventTypes.WELLNESS_CHECKED_IN).stream()
                    .filter(e -> e.subject().equals(checkInId)).findFirst().orElseThrow();
            assertThat(event.sealed()).isTrue();
            assertThat(event.tenant()).isEqualTo(tenant);
            JsonNode data = event.data();
            assertThat(EventSchemas.violations(EventTypes.WELLNESS_CHECKED_IN, data)).isEmpty();
            assertThat(data.get("sleepQuality").asInt()).isEqualTo(1);
            assertThat(data.get("adjustments").get(0).get("kind").asText()).isEqualTo("lighter");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> sessions.ofType(athlete, EventTypes.WELLNESS_CHECKED_IN).stream()
                            .filter(e -> e.subject().equals(checkInId)).count() == 1);
        }
    }

    @Test
    void aCoachKeepsThePlanAndALaterCheckInOfTheDayLeavesItSo() {
        String athlete = athleteWithAWeekOfUsualMornings();
        JsonPath planned = todaysSession(athlete);
        String sessionId = planned.getString("sessionId");
        Map<String, Object> low = with(with(USUAL, "sleepQuality", 2), "energy", 2);
        checkIn(athlete, Fixtures.athlete(athlete, tenant), low, null).then().statusCode(201)
                .body("sessions[0].kind", equalTo("lighter"));

        // the athlete cannot undo what their check-in decided; a coach of another organisation finds nothing
        override(Fixtures.athlete(athlete, tenant), athlete, sessionId, "feeling fine").then().statusCode(403);
        override(Fixtures.coach(Fixtures.newTenant()), athlete, sessionId, "mine now").then().statusCode(404);
        override(coach, athlete, sessionId, " ").then().statusCode(400)
                .body("errors[0].field", containsString("note"));

        override(coach, athlete, sessionId, "match on Saturday: keep the full session").then().statusCode(200)
                .body("overridden", equalTo(true)).body("kind", equalTo("lighter"))
                .body("note", equalTo("match on Saturday: keep the full session"));
        JsonPath kept = todaysSession(athlete);
        assertThat(kept.getList("blocks").toString()).isEqualTo(planned.getList("blocks").toString());
        assertThat(kept.getBoolean("adjustment.overridden")).isTrue();

        JsonPath later = checkIn(athlete, Fixtures.athlete(athlete, tenant),
                with(low, "soreness", 1), null).then().statusCode(201).extract().jsonPath();
        assertThat(later.getString("sessions[0].kind")).isEqualTo("as-planned");
        assertThat(later.getString("sessions[0].reason")).contains("a coach kept the plan");
        assertThat(todaysSession(athlete).getList("blocks").toString())
                .isEqualTo(planned.getList("blocks").toString());
    }

    @Test
    void aSecondCheckInOfTheDayDecidesAgainFromThePlan() {
        String athlete = athleteWithAWeekOfUsualMornings();
        JsonPath planned = todaysSession(athlete);
        checkIn(athlete, Fixtures.athlete(athlete, tenant), with(with(USUAL, "sleepQuality", 2), "energy", 2), null)
                .then().statusCode(201).body("sessions[0].kind", equalTo("lighter"));
        checkIn(athlete, Fixtures.athlete(athlete, tenant), USUAL, null)
                .then().statusCode(201).body("sessions[0].kind", equalTo("as-planned"));
        JsonPath after = todaysSession(athlete);
        assertThat(after.getList("blocks").toString()).isEqualTo(planned.getList("blocks").toString());
        assertThat(after.getString("adjustment")).isNull();
    }

    @Test
    void badAnswersAreRefusedNamingTheFieldAndStrangersFindNoAthlete() {
        String athlete = "athlete-" + UUID.randomUUID();
        Fixtures.assign(coach, templateId, List.of(athlete), null, Fixtures.today());
        String token = Fixtures.athlete(athlete, tenant);
        checkIn(athlete, token, with(USUAL, "sleepQuality", 6), null).then().statusCode(400)
                .body("errors[0].field", containsString("sleepQuality"));
        checkIn(athlete, token, Map.of("energy", 3), null).then().statusCode(400)
                .body("errors[0].field", containsString("pain"));
        checkIn(athlete, token, with(USUAL, "pain", List.of(Map.of("area", "elbowz", "score", 2))), null)
                .then().statusCode(400).body("errors[0].field", equalTo("pain[0].area"));
        checkIn(athlete, token, with(USUAL, "pain", List.of(Map.of("area", "knee", "score", 11))), null)
                .then().statusCode(400).body("errors[0].field", containsString("score"));
        checkIn(athlete, token, with(USUAL, "redFlags", List.of("tired")), null)
                .then().statusCode(400).body("errors[0].field", equalTo("redFlags[0]"));
        checkIn(athlete, token, with(USUAL, "date", Fixtures.today().minusDays(5).toString()), null)
                .then().statusCode(400).body("errors[0].field", equalTo("date"));

        checkIn(athlete, Fixtures.athlete("someone-else", tenant), USUAL, null).then().statusCode(404);
        checkIn(athlete, Fixtures.coach(Fixtures.newTenant()), USUAL, null).then().statusCode(404);
        // the athlete's own coach records for them
        checkIn(athlete, coach, USUAL, null).then().statusCode(201);
    }

    /** A new athlete on the plan from today, with seven ordinary mornings recorded on the days before. */
    private String athleteWithAWeekOfUsualMornings() {
        String athlete = "athlete-" + UUID.randomUUID();
        Fixtures.assign(coach, templateId, List.of(athlete), null, Fixtures.today());
        String token = Fixtures.athlete(athlete, tenant);
        for (int day = -7; day <= -1; day++) {
            MovableClock.shift(day);
            // a little spread, as real mornings have
            Map<String, Object> morning = with(USUAL, "energy", day % 2 == 0 ? 4 : 5);
            checkIn(athlete, token, morning, null).then().statusCode(201);
        }
        MovableClock.reset();
        return athlete;
    }

    private static Response checkIn(String athlete, String token, Map<String, Object> body, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/athletes/" + athlete + "/check-ins");
    }

    private static Response override(String token, String athlete, String sessionId, String note) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("note", note))
                .when().post("/api/v1/athletes/" + athlete + "/sessions/" + sessionId + "/adjustment/override");
    }

    /** Today's session as the plan view shows it to the coach. */
    private JsonPath todaysSession(String athlete) {
        JsonPath plan = given().auth().oauth2(coach).when().get("/api/v1/athletes/" + athlete + "/plan")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> sessions = plan.getList("assignments[0].sessions");
        String today = Fixtures.today().toString();
        Map<String, Object> session = sessions.stream().filter(s -> today.equals(s.get("date"))).findFirst()
                .orElseThrow(() -> new AssertionError("no session today in " + plan.prettify()));
        return new JsonPath(ExerciseLibrary.JSON.valueToTree(session).toString());
    }

    private static List<Map<String, Object>> items(JsonPath session) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> block : session.<Map<String, Object>>getList("blocks")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> blockItems = (List<Map<String, Object>>) block.get("items");
            items.addAll(blockItems);
        }
        return items;
    }

    private static List<String> slugs(JsonPath session) {
        return items(session).stream().map(i -> (String) i.get("slug")).toList();
    }

    private static int sets(JsonPath session) {
        return items(session).stream().mapToInt(i -> ((Number) i.get("sets")).intValue()).sum();
    }

    /** Whatever the check-in did, no item of the session prescribes more sets than the plan's most for it. */
    private static void assertNeverAbove(JsonPath planned, JsonPath after) {
        Map<String, Integer> plannedSets = new HashMap<>();
        items(planned).forEach(i -> plannedSets.merge((String) i.get("slug"), ((Number) i.get("sets")).intValue(),
                Math::max));
        int most = plannedSets.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Map<String, Object> item : items(after)) {
            int sets = ((Number) item.get("sets")).intValue();
            assertThat(sets).isLessThanOrEqualTo(plannedSets.getOrDefault((String) item.get("slug"), most));
        }
        assertThat(((Number) after.get("estimatedMinutes")).doubleValue())
                .isLessThanOrEqualTo(((Number) planned.get("estimatedMinutes")).doubleValue() + 1e-9);
    }

    /** A pain area some exercise of the session loads. */
    private static String loadedArea(JsonPath session) {
        for (String slug : slugs(session)) {
            ExercisePublished exercise = ExerciseLibrary.bySlug(slug);
            for (String area : Vocabulary.PAIN_AREAS) {
                if (exercise.painAreasToAvoid().stream().anyMatch(loaded -> Vocabulary.concerns(area, loaded))) {
                    return area;
                }
            }
        }
        return null;
    }

    private static Map<String, Object> with(Map<String, Object> answers, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(answers);
        changed.put(field, value);
        return changed;
    }
}
