package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.exercise;
import static dev.medius.progress.RoutineEvents.planAssigned;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.sessionId;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RebuildIT {

    static final String TENANT = "club-rebuild-" + uuid();

    static String get(String path, Object... params) {
        return given().auth().oauth2(DevTokens.mint("root", TENANT, "admin")).when().get(path, params)
                .then().statusCode(200).extract().asString();
    }

    @Test
    void rebuildFromTheTopicsGivesIdenticalDashboardJson() {
        String lucia = "athlete-" + uuid();
        String marco = "athlete-" + uuid();
        String coach = "coach-" + uuid();
        ObjectNode plan = planAssigned(uuid(), lucia, coach, TODAY.minusDays(8), TODAY.minusDays(4), TODAY.minusDays(1),
                TODAY.plusDays(3));
        ObjectNode late = completed(sessionId(plan, 1), lucia, coach, TODAY.minusDays(4), 7.0, 7);
        exercise(late, "nordic-curl", "knee-flexion", List.of("hamstrings"), 3, 6, null);
        // the completion comes first, and once more as a duplicate
        String id = uuid();
        RoutineEvents.sendWithId(id, Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, lucia, late);
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, lucia, plan);
        RoutineEvents.sendWithId(id, Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, lucia, late);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_SKIPPED, lucia,
                RoutineEvents.skipped(sessionId(plan, 2), lucia, coach, TODAY.minusDays(1)));
        // a check-in, corrected once: the correction stands after the rebuild too
        ObjectNode morning = RoutineEvents.checkIn(uuid(), lucia, TODAY.minusDays(1));
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.WELLNESS_CHECKED_IN, lucia, morning.deepCopy().put("revision", 1));
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.WELLNESS_CHECKED_IN, lucia, morning.put("mood", 1));
        ObjectNode other = completed(uuid(), marco, coach, TODAY.minusDays(2), 9.0, 2);
        exercise(other, "copenhagen-plank", "plank", List.of("adductors"), 2, null, 25);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, marco, other);
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, marco, "garbage",
                RoutineEvents.headers(uuid(), EventTypes.SESSION_COMPLETED, TENANT, marco));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String dashboard = get("/api/v1/dashboard");
            assertThat(dashboard).contains(marco).contains("pain-high");
            assertThat(get("/api/v1/athletes/{id}/progress", lucia)).contains(morning.get("checkInId").asText());
        });
        String dashboard = get("/api/v1/dashboard");
        String progress = get("/api/v1/athletes/{id}/progress", lucia);
        int alertsBefore = RoutineEvents.readAll(Topics.PROGRESS_ALERTS, lucia).size();

        given().auth().oauth2(DevTokens.mint("operator", TENANT, "platform-operator")).when().post("/api/v1/admin/rebuild")
                .then().statusCode(200).body("recordsRead", org.hamcrest.Matchers.greaterThan(5));

        assertThat(get("/api/v1/dashboard")).isEqualTo(dashboard);
        assertThat(get("/api/v1/athletes/{id}/progress", lucia)).isEqualTo(progress).contains("\"mood\":4");
        // unchanged flags are kept as they were: no alert is raised again
        assertThat(RoutineEvents.readAll(Topics.PROGRESS_ALERTS, lucia)).hasSize(alertsBefore);
    }
}
