package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.planAssigned;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.sessionId;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FlagsIT {

    static final String TENANT = "club-flags";
    static final Duration WAIT = Duration.ofSeconds(30);

    final String athlete = "athlete-" + uuid();
    final String coach = "coach-" + uuid();

    List<String> flags() {
        return given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete)
                .then().extract().jsonPath().getList("summary.flags.kind", String.class);
    }

    void complete(LocalDate day, Double rpe, Integer pain) {
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete,
                completed(uuid(), athlete, coach, day, rpe, pain));
    }

    /** Waits for the flag to be raised and then cleared on the alerts topic, checks both against the contract. */
    void assertRaisedThenCleared(String kind) throws Exception {
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> alerts = alerts(kind);
            assertThat(alerts).extracting(a -> a.get("type").asText())
                    .containsSubsequence(EventTypes.ATHLETE_FLAGGED, EventTypes.ATHLETE_UNFLAGGED);
        });
        List<JsonNode> alerts = alerts(kind);
        JsonNode raised = alerts.stream().filter(a -> a.get("type").asText().equals(EventTypes.ATHLETE_FLAGGED))
                .findFirst().orElseThrow().get("data");
        JsonNode cleared = alerts.stream().filter(a -> a.get("type").asText().equals(EventTypes.ATHLETE_UNFLAGGED))
                .findFirst().orElseThrow().get("data");
        assertThat(EventSchemas.violations(EventTypes.ATHLETE_FLAGGED, raised)).isEmpty();
        assertThat(EventSchemas.violations(EventTypes.ATHLETE_UNFLAGGED, cleared)).isEmpty();
        assertThat(raised.get("athleteId").asText()).isEqualTo(athlete);
        assertThat(raised.get("coachId").asText()).isEqualTo(coach);
        assertThat(cleared.get("flagId").asText()).isEqualTo(raised.get("flagId").asText());
    }

    List<JsonNode> alerts(String kind) throws Exception {
        List<JsonNode> result = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : RoutineEvents.readAll(Topics.PROGRESS_ALERTS, athlete)) {
            JsonNode data = RoutineEvents.JSON.readTree(r.value());
            if (kind.equals(data.get("kind").asText())) {
                ObjectNode alert = RoutineEvents.JSON.createObjectNode();
                alert.put("type", RoutineEvents.header(r, "ce_type"));
                alert.put("tenant", RoutineEvents.header(r, "ce_tenantid"));
                alert.set("data", data);
                result.add(alert);
            }
        }
        return result;
    }

    @Test
    void painAtOrAboveThresholdRaisesAndLowerPainClears() throws Exception {
        complete(TODAY.minusDays(1), 6.0, 7);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).contains("pain-high"));
        JsonNode raised = alerts("pain-high").get(0);
        assertThat(raised.get("tenant").asText()).isEqualTo(TENANT);
        assertThat(raised.get("data").get("severity").asText()).isEqualTo("high");
        assertThat(raised.get("data").get("value").asDouble()).isEqualTo(7.0);
        assertThat(raised.get("data").get("threshold").asDouble()).isEqualTo(6.0);

        complete(TODAY, 6.0, 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).doesNotContain("pain-high"));
        assertRaisedThenCleared("pain-high");
    }

    @Test
    void painRisingOverThreeSessionsRaisesAndFallingPainClears() throws Exception {
        complete(TODAY.minusDays(3), 5.0, 2);
        complete(TODAY.minusDays(2), 5.0, 3);
        complete(TODAY.minusDays(1), 5.0, 4);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).containsExactly("pain-rising"));

        complete(TODAY, 5.0, 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
        assertRaisedThenCleared("pain-rising");
    }

    @Test
    void sessionRpeOfNineThreeTimesRunningRaisesAndAnEasierSessionClears() throws Exception {
        complete(TODAY.minusDays(3), 9.0, 0);
        complete(TODAY.minusDays(2), 9.5, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete).then().extract().jsonPath()
                .getList("summary.rpe.points")).hasSize(2));
        assertThat(flags()).doesNotContain("effort-high");
        complete(TODAY.minusDays(1), 9.0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).containsExactly("effort-high"));

        complete(TODAY, 6.0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
        assertRaisedThenCleared("effort-high");
    }

    @Test
    void adherenceDownTwentyPointsRaisesAndCatchingUpClears() throws Exception {
        ObjectNode plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(30), TODAY.minusDays(20),
                TODAY.minusDays(10), TODAY.minusDays(5), TODAY.minusDays(3));
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        for (int i = 0; i < 3; i++) {
            send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, completed(sessionId(plan, i),
                    athlete, coach, LocalDate.parse(plan.get("sessions").get(i).get("scheduledDate").asText()), 5.0, 0));
        }
        // 100% in the 30 days before the last 7, 0% in the last 7: down 100 points. Flags are evaluated a moment
        // after ingestion, so the athlete may be visible with no such flag yet (the value is then missing)
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete).then().extract().jsonPath()
                .getDouble("summary.flags.find { it.kind == 'adherence-drop' }.value")).isEqualTo(100.0));
        assertThat(alerts("adherence-drop").get(0).get("data").get("value").asDouble()).isGreaterThanOrEqualTo(20.0);

        for (int i = 3; i < 5; i++) {
            send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, completed(sessionId(plan, i),
                    athlete, coach, LocalDate.parse(plan.get("sessions").get(i).get("scheduledDate").asText()), 5.0, 0));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
        assertRaisedThenCleared("adherence-drop");
    }

    @Test
    void noActivityForSevenDaysRaisesAndANewSessionClears() throws Exception {
        complete(TODAY.minusDays(9), 5.0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).containsExactly("inactive"));
        assertThat(alerts("inactive").get(0).get("data").get("value").asDouble()).isEqualTo(9.0);
        assertThat(alerts("inactive").get(0).get("data").get("severity").asText()).isEqualTo("low");

        complete(TODAY, 5.0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
        assertRaisedThenCleared("inactive");
    }

    @Test
    void inactivityIsRaisedByThePeriodicEvaluationWhenDaysPassWithoutEvents() throws Exception {
        complete(TODAY, 5.0, 0);
        // until the session is ingested the athlete is not found and the answer has no summary to read
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete).then().extract().jsonPath()
                .<Integer>get("summary.daysSinceActivity")).isEqualTo(0));
        assertThat(flags()).isEmpty();
        try {
            FixedClock.advance(8);
            // no event arrives: only the timer can notice
            await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).containsExactly("inactive"));
        } finally {
            FixedClock.reset();
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
        assertRaisedThenCleared("inactive");
    }

    @Test
    void flagsAreSortedByUrgencyOnTheDashboard() {
        complete(TODAY.minusDays(12), 9.0, 3);
        complete(TODAY.minusDays(11), 9.0, 4);
        complete(TODAY.minusDays(10), 9.0, 8);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags())
                .containsExactly("pain-high", "pain-rising", "effort-high", "inactive"));
        List<String> severities = given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath()
                .getList("athletes[0].flags.severity", String.class);
        assertThat(severities).containsExactly("high", "medium", "medium", "low");
    }
}
