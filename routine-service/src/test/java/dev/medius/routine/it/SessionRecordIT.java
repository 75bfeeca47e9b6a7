package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.routine.support.EventTap;
import dev.medius.routine.support.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/** Session records: who may record, what is refused, and how the next sessions respond. */
@QuarkusTest
class SessionRecordIT {

    private String tenant;
    private String coach;
    private String athlete;
    private List<String> sessionIds;

    @BeforeEach
    void assignedHandMadePlan() {
        Fixtures.catalogReady();
        tenant = Fixtures.newTenant();
        coach = Fixtures.coach(tenant);
        athlete = "athlete-" + UUID.randomUUID();
        // two sets of 10-12 band walks per side and 10-15 bridges, three sessions a week apart
        String templateId = Fixtures.createTemplate(coach, "Hips", Fixtures.handMadePlan(2));
        JsonPath assigned = Fixtures.assign(coach, templateId, List.of(athlete), null, Fixtures.today());
        sessionIds = assigned.getList("[0].sessions.sessionId");
    }

    @Test
    void twoSessionsInARowAboveTargetAtModerateEffortAndLowPainProgressTheNextSession() {
        var first = PlanLifecycleIT.complete(Fixtures.athlete(athlete, tenant), athlete, sessionIds.get(0), null,
                completion(12, 6.0, 1, "knee"));
        first.then().statusCode(201)
                .body("adaptations.find { it.slug == 'lateral-band-walk' }.decision", equalTo("hold"))
                .body("adaptations.find { it.slug == 'lateral-band-walk' }.aboveTarget", equalTo(true))
                .body("adaptations.find { it.slug == 'lateral-band-walk' }.reason", containsString("two-for-two"));
        assertThat(item(plan(), 1, "lateral-band-walk").get("targetReps")).isEqualTo(10);

        PlanLifecycleIT.complete(Fixtures.athlete(athlete, tenant), athlete, sessionIds.get(1), null,
                completion(12, 6.0, 1, "knee"))
                .then().statusCode(201)
                .body("adaptations.find { it.slug == 'lateral-band-walk' }.decision", equalTo("progress"))
                .body("adaptations.find { it.slug == 'lateral-band-walk' }.sessionsChanged", equalTo(1));

        JsonPath plan = plan();
        Map<String, Object> next = item(plan, 2, "lateral-band-walk");
        assertThat(next.get("targetReps")).isEqualTo(12);
        assertThat((String) next.get("adjustment")).contains("progressed in week 2").contains("second session in a row");
        // the bridge was logged at its target, not beyond it: held
        assertThat(item(plan, 2, "banded-glute-bridge-abduction").get("targetReps")).isEqualTo(10);
    }

    @Test
    void painOfFiveOrMoreRegressesToAnEasierVariationThatIsSafeForThePain() {
        PlanLifecycleIT.complete(Fixtures.athlete(athlete, tenant), athlete, sessionIds.get(0), null,
                completion(12, 6.0, 6, "ankles"))
                .then().statusCode(201)
                .body("adaptations.find { it.slug == 'lateral-band-walk' }.decision", equalTo("regress"))
                .body("adaptations.find { it.slug == 'lateral-band-walk' }.nextExercise", equalTo("lateral-band-walk-knees"));

        JsonPath plan = plan();
        List<String> nextSlugs = plan.getList("assignments[0].sessions[1].blocks.items.slug.flatten()");
        assertThat(nextSlugs).contains("lateral-band-walk-knees").doesNotContain("lateral-band-walk");
        Map<String, Object> easier = item(plan, 1, "lateral-band-walk-knees");
        assertThat((String) easier.get("adjustment")).contains("pain 6/10 (ankle)");
        // the session already done keeps what was prescribed
        assertThat(plan.getList("assignments[0].sessions[0].blocks.items.slug.flatten()")).contains("lateral-band-walk");
    }

    @Test
    void painInAnAreaTheEasierVariationIsContraindicatedForStepsTheDoseDownInstead() {
        PlanLifecycleIT.complete(Fixtures.athlete(athlete, tenant), athlete, sessionIds.get(0), null,
                completion(12, 6.0, 6, "knee"))
                .then().statusCode(201)
                .body("adaptations.find { it.slug == 'lateral-band-walk' }.decision", equalTo("regress"))
                .body("adaptations.find { it.slug == 'lateral-band-walk' }.nextExercise", equalTo("lateral-band-walk"));
        Map<String, Object> walk = item(plan(), 1, "lateral-band-walk");
        assertThat(walk.get("sets")).isEqualTo(1);
        assertThat((String) walk.get("adjustment")).startsWith("regressed: pain 6/10 (knee)");
    }

    @Test
    void nearMaximalEffortEasesTheDoseAndMiddlingSessionsHoldIt() {
        PlanLifecycleIT.complete(Fixtures.athlete(athlete, tenant), athlete, sessionIds.get(0), null,
                completion(12, 9.5, 0, null))
                .then().statusCode(201)
                .body("adaptations.find { it.slug == 'banded-glute-bridge-abduction' }.decision", equalTo("ease"));
        Map<String, Object> bridge = item(plan(), 1, "banded-glute-bridge-abduction");
        assertThat(bridge.get("adjustment").toString()).contains("RPE 9.5");
        assertThat(bridge.get("sets")).isEqualTo(1);

        PlanLifecycleIT.complete(Fixtures.athlete(athlete, tenant), athlete, sessionIds.get(1), null,
                completion(11, 7.0, 3, "hip"))
                .then().statusCode(201)
                .body("adaptations.decision", org.hamcrest.Matchers.everyItem(equalTo("hold")));
    }

    @Test
    void aPainAreaOutsideTheVocabularyIsRefusedNamingTheField() {
        PlanLifecycleIT.complete(Fixtures.athlete(athlete, tenant), athlete, sessionIds.get(0), null,
                completion(12, 6.0, 4, "elbw"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("pain.area"));
    }

    @Test
    void anotherAthleteAndAnotherOrganisationFindNoSessionToRecord() {
        PlanLifecycleIT.complete(Fixtures.athlete("someone-else", tenant), athlete, sessionIds.get(0), null,
                completion(12, 6.0, 0, null)).then().statusCode(404).contentType("application/problem+json");
        PlanLifecycleIT.complete(Fixtures.coach(Fixtures.newTenant()), athlete, sessionIds.get(0), null,
                completion(12, 6.0, 0, null)).then().statusCode(404).contentType("application/problem+json");
        PlanLifecycleIT.complete(Fixtures.athlete(athlete, Fixtures.newTenant()), athlete, sessionIds.get(0), null,
                completion(12, 6.0, 0, null)).then().statusCode(404);
        PlanLifecycleIT.complete(Fixtures.athlete(athlete, tenant), athlete, UUID.randomUUID().toString(), null,
                completion(12, 6.0, 0, null)).then().statusCode(404);
        // the coach who assigned the plan records for the athlete
        PlanLifecycleIT.complete(coach, athlete, sessionIds.get(0), null, completion(12, 6.0, 0, null))
                .then().statusCode(201);
    }

    @Test
    void invalidRecordsAnswerProblemDetailsNamingTheField() {
        String token = Fixtures.athlete(athlete, tenant);
        Map<String, Object> badSet = Map.of("sessionRpe", 11, "pain", Map.of("score", 12),
                "exercises", List.of(Map.of("exerciseId", "lateral-band-walk",
                        "sets", List.of(Map.of("reps", 10, "side", "middle", "rpe", 10.5)))));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(badSet)
                .when().post("/api/v1/athletes/" + athlete + "/sessions/" + sessionIds.get(0) + "/completion")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sessionRpe"))
                .body("errors.field", hasItem("pain.score"))
                // nested list paths are written by the shared problem mapper (index placement is its own)
                .body("errors.field", hasItem(allOf(startsWith("exercises"), containsString("sets"), containsString("rpe"))))
                .body("errors.field", hasItem(allOf(startsWith("exercises"), containsString("side"))));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("exercises", List.of()))
                .when().post("/api/v1/athletes/" + athlete + "/sessions/" + sessionIds.get(0) + "/completion")
                .then().statusCode(400).body("errors.field", hasItem("pain"));

        Map<String, Object> notInSession = Map.of("pain", Map.of("score", 0),
                "exercises", List.of(Map.of("exerciseId", "nordic-hamstring-curl", "sets", List.of())));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(notInSession)
                .when().post("/api/v1/athletes/" + athlete + "/sessions/" + sessionIds.get(0) + "/completion")
                .then().statusCode(400).body("errors.field", hasItem("exercises[0].exerciseId"));
    }

    @Test
    void skippedSessionIsPublishedOnceWithItsReason() {
        try (EventTap sessions = new EventTap(Topics.ROUTINE_SESSIONS)) {
            String key = UUID.randomUUID().toString();
            for (int attempt = 0; attempt < 2; attempt++) {
                given().auth().oauth2(Fixtures.athlete(athlete, tenant)).contentType(ContentType.JSON)
                        .header("Idempotency-Key", key).body(Map.of("reason", "travelling"))
                        .when().post("/api/v1/athletes/" + athlete + "/sessions/" + sessionIds.get(2) + "/skip")
                        .then().statusCode(201).body("kind", equalTo("skipped"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> sessions.ofType(athlete, EventTypes.SESSION_SKIPPED).size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> sessions.withKey(athlete).size() == 1);
            JsonNode skipped = sessions.ofType(athlete, EventTypes.SESSION_SKIPPED).get(0).data();
            assertThat(EventSchemas.violations(EventTypes.SESSION_SKIPPED, skipped)).isEmpty();
            assertThat(skipped.get("reason").asText()).isEqualTo("travelling");
        }
        given().auth().oauth2(coach).when().get("/api/v1/athletes/" + athlete + "/plan")
                .then().body("assignments[0].sessions[2].status", equalTo("skipped"));
        given().auth().oauth2(Fixtures.athlete(athlete, tenant)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/athletes/" + athlete + "/sessions/" + sessionIds.get(2) + "/completion")
                .then().statusCode(400);
        PlanLifecycleIT.complete(Fixtures.athlete(athlete, tenant), athlete, sessionIds.get(2), null,
                completion(10, 5.0, 0, null)).then().statusCode(409).body("title", containsString("recorded"));
    }

    /** Band walks: two sets a side at {@code walkReps}; bridges: two sets of 10 (below the top of 15). */
    private static Map<String, Object> completion(int walkReps, double rpe, int pain, String area) {
        return completion(walkReps, rpe, pain, area, "lateral-band-walk", "banded-glute-bridge-abduction");
    }

    private static Map<String, Object> completion(int walkReps, double rpe, int pain, String area, String walk,
            String bridge) {
        return Fixtures.completion(walkReps, rpe, pain, area, walk, bridge);
    }

    private JsonPath plan() {
        return given().auth().oauth2(coach).when().get("/api/v1/athletes/" + athlete + "/plan")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> item(JsonPath plan, int session, String slug) {
        List<Map<String, Object>> items = plan.getList("assignments[0].sessions[" + session + "].blocks.items.flatten()");
        return items.stream().filter(i -> slug.equals(i.get("slug"))).findFirst()
                .orElseThrow(() -> new AssertionError(slug + " not in session " + session + ": " + items));
    }
}
