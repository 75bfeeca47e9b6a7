package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.routine.support.EventTap;
import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Strength and control tests as a coach records them through the HTTP API: the figures worked out by hand, the next
 * test due each block, the return-to-play verdict as tests come in, the event, access and bad input.
 */
@QuarkusTest
class StrengthTestIT {

    private String tenant;
    private String coach;
    private String athlete;

    @BeforeEach
    void athleteOnAPlan() {
        Fixtures.catalogReady();
        tenant = Fixtures.newTenant();
        coach = Fixtures.coach(tenant);
        athlete = "athlete-" + UUID.randomUUID();
        // an intermediate's generated plan: blocks of 5 weeks (a lighter week every 5th)
        Map<String, Object> profile = Map.of("level", "intermediate", "sport", "soccer", "goals", List.of("groin"),
                "equipment", List.of("mini-band", "bench"), "sessionsPerWeek", 2, "minutesPerSession", 25,
                "weeks", 6, "startDate", Fixtures.today().toString());
        String template = Fixtures.createTemplate(coach, "Groin strength",
                Fixtures.generate(coach, profile).getMap(""));
        Fixtures.assign(coach, template, List.of(athlete), null, Fixtures.today());
    }

    @Test
    void aCoachRecordsTestsAndTheVerdictFollowsTheLatest() {
        // no test yet: one is due today
        JsonPath none = tests(coach).then().statusCode(200).extract().jsonPath();
        assertThat(none.getBoolean("next.due")).isTrue();
        assertThat(none.getInt("next.blockWeeks")).isEqualTo(5);
        assertThat(none.getString("returnToPlay")).isNull();

        // 280 N and 240 N at 0.30 m for 50 kg: 1.68 and 1.44 N·m/kg, right involved 240 ÷ 280 = 85.7 %
        String key = UUID.randomUUID().toString();
        Map<String, Object> hip = Map.of("kind", "hip-abduction", "involvedSide", "right", "pain", 1,
                "hipAbduction", Map.of("leftNewtons", 280, "rightNewtons", 240, "leverArmMetres", 0.30,
                        "bodyMassKg", 50));
        Response first = record(coach, hip, key);
        Response again = record(coach, hip, key);
        first.then().statusCode(201).body("result.left", equalTo(1.68f)).body("result.right", equalTo(1.44f))
                .body("result.symmetryPercent", equalTo(85.7f)).body("result.unit", equalTo("N·m/kg"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.jsonPath().getString("testId")).isEqualTo(first.jsonPath().getString("testId"));

        record(coach, Map.of("kind", "side-bridge", "pain", 0, "sideBridge", Map.of("leftSeconds", 82,
                "rightSeconds", 74)), null).then().statusCode(201)
                .body("result.findings[0]", containsString("ratio 0.90"));
        record(coach, Map.of("kind", "single-leg-squat", "singleLegSquat", Map.of("left", "good", "right", "fair",
                "faults", List.of("knee-valgus"))), null).then().statusCode(201)
                .body("result.findings", hasItem("knee valgus seen"));

        JsonPath criteria = given().auth().oauth2(coach).contentType(ContentType.JSON)
                .body(Map.of("minSymmetryPercent", 90, "maxPain", 2, "minSideBridgeSeconds", 70, "minSquatRating", "fair"))
                .when().put("/api/v1/athletes/" + athlete + "/tests/return-to-play")
                .then().statusCode(200).extract().jsonPath();
        assertThat(criteria.getBoolean("returnToPlay.verdict.cleared")).isFalse();
        assertThat(criteria.getList("returnToPlay.verdict.checks.findAll { it.status == 'not-met' }.criterion",
                String.class)).containsExactly("symmetry");

        // the right side catches up: 265 ÷ 280 = 94.6 %, and every criterion is met
        record(coach, Map.of("kind", "hip-abduction", "involvedSide", "right", "pain", 0, "hipAbduction",
                Map.of("leftNewtons", 280, "rightNewtons", 265, "leverArmMetres", 0.30, "bodyMassKg", 50)), null)
                .then().statusCode(201).body("result.symmetryPercent", equalTo(94.6f));
        JsonPath after = tests(Fixtures.athlete(athlete, tenant)).then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("tests")).hasSize(4);
        assertThat(after.getBoolean("returnToPlay.verdict.cleared")).isTrue();
        assertThat(after.getBoolean("next.due")).isFalse();
        assertThat(after.getString("next.dueOn")).isEqualTo(Fixtures.today().plusWeeks(5).toString());
    }

    @Test
    void aTestIsPublishedSealedAndValid() {
        try (EventTap sessions = new EventTap(Topics.ROUTINE_SESSIONS)) {
            String testId = record(coach, Map.of("kind", "side-bridge", "sideBridge", Map.of("leftSeconds", 60,
                    "rightSeconds", 65)), null).then().statusCode(201).extract().path("testId");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> sessions.ofType(athlete, EventTypes.STRENGTH_TEST_RECORDED).size() == 1);
            EventTap.Event event = sessions.ofType(athlete, EventTypes.STRENGTH_TEST_RECORDED).get(0);
            assertThat(event.subject()).isEqualTo(testId);
            assertThat(event.sealed()).isTrue();
            JsonNode data = event.data();
            assertThat(EventSchemas.violations(EventTypes.STRENGTH_TEST_RECORDED, data)).isEmpty();
            assertThat(data.get("left").asDouble()).isEqualTo(60.0);
            assertThat(data.get("findings").toString()).contains("under the 70 s");
        }
    }

    @Test
    void onlyCoachesRecordAndBadInputNamesTheField() {
        String own = Fixtures.athlete(athlete, tenant);
        Map<String, Object> bridge = Map.of("kind", "side-bridge", "sideBridge", Map.of("leftSeconds", 80,
                "rightSeconds", 80));
        record(own, bridge, null).then().statusCode(403);
        record(Fixtures.coach(Fixtures.newTenant()), bridge, null).then().statusCode(404);
        record(DevTokens.mint("coach-next-door", tenant, "coach"), bridge, null).then().statusCode(404);
        tests(Fixtures.athlete("someone-else", tenant)).then().statusCode(404);

        record(coach, Map.of("kind", "grip"), null).then().statusCode(400)
                .body("errors[0].field", containsString("kind"));
        record(coach, Map.of("kind", "hip-abduction"), null).then().statusCode(400)
                .body("errors[0].field", equalTo("hipAbduction"));
        record(coach, Map.of("kind", "hip-abduction", "hipAbduction", Map.of("leftNewtons", 200, "rightNewtons", 200,
                "leverArmMetres", 3, "bodyMassKg", 60)), null).then().statusCode(400)
                .body("errors[0].field", containsString("leverArmMetres"));
        record(coach, Map.of("kind", "single-leg-squat", "singleLegSquat", Map.of("left", "great", "right", "good")),
                null).then().statusCode(400).body("errors[0].field", containsString("left"));
        record(coach, Map.of("kind", "side-bridge", "testedOn", Fixtures.today().plusDays(5).toString(),
                "sideBridge", Map.of("leftSeconds", 80, "rightSeconds", 80)), null).then().statusCode(400)
                .body("errors[0].field", equalTo("testedOn"));
        given().auth().oauth2(coach).contentType(ContentType.JSON).body(Map.of())
                .when().put("/api/v1/athletes/" + athlete + "/tests/return-to-play").then().statusCode(400);
        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of("maxPain", 2))
                .when().put("/api/v1/athletes/" + athlete + "/tests/return-to-play").then().statusCode(403);
    }

    private Response record(String token, Map<String, Object> body, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/athletes/" + athlete + "/tests");
    }

    private Response tests(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/athletes/" + athlete + "/tests");
    }
}
