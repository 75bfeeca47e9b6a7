package dev.medius.progress;

import static dev.medius.progress.OutsidePlatform.binary;
import static dev.medius.progress.OutsidePlatform.completion;
import static dev.medius.progress.OutsidePlatform.planRecord;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** After a fix, a platform operator sends the dead letters back: each is applied once, however often the replay runs. */
@QuarkusTest
class DeadLetterReplayIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String tenant = "club-replay-" + run;
    final String athlete = "athlete-" + run;
    final String coach = "coach-" + run;

    JsonPath dashboard() {
        return given().auth().oauth2(DevTokens.mint(coach, tenant, "coach")).when().get("/api/v1/dashboard")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCompletionDeadLetteredForItsTimeIsAppliedOnceWhenReplayedAfterTheTimeHasCome() {
        OutsidePlatform.publish(planRecord(tenant, athlete, coach));
        await().atMost(WAIT).untilAsserted(() -> assertThat(dashboard().getList("athletes.athleteId")).containsExactly(athlete));

        // a phone whose clock runs a day fast: dated tomorrow, dead-lettered today
        String session = UUID.randomUUID().toString();
        OutsidePlatform.publish(binary(tenant, EventTypes.SESSION_COMPLETED, session, "2026-06-17T08:00:00Z",
                completion(session, athlete, "2026-06-18T09:00:00Z", 3)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(RoutineEvents.readAll(Topics.ROUTINE_SESSIONS_DLQ, athlete))
                .extracting(r -> RoutineEvents.header(r, "medius-dlq-category")).containsExactly("future-time"));
        assertThat(dashboard().getString("athletes[0].lastActivity")).isNull();

        String admin = DevTokens.mint("operator-" + run, tenant, "platform-operator");
        try {
            FixedClock.advance(2);
            JsonPath first = given().auth().oauth2(admin).when().post("/api/v1/admin/dead-letters/replay")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(first.getLong("replayed")).isPositive();
            await().atMost(WAIT).untilAsserted(() -> assertThat(dashboard().getString("athletes[0].lastActivity"))
                    .startsWith("2026-06-18T09:00"));

            // the second replay does not send the record again; had it, ingestion would see a duplicate
            given().auth().oauth2(admin).when().post("/api/v1/admin/dead-letters/replay").then().statusCode(200);
            await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> assertThat(
                    RoutineEvents.readAll(Topics.ROUTINE_SESSIONS, athlete)).hasSize(2));
            assertThat(RoutineEvents.readAll(Topics.ROUTINE_SESSIONS_DLQ, athlete)).hasSize(1);
            // applied once: its one set of 15 reps counted once
            JsonPath progress = given().auth().oauth2(DevTokens.mint(coach, tenant, "coach"))
                    .when().get("/api/v1/athletes/{id}/progress", athlete).then().statusCode(200).extract().jsonPath();
            assertThat(progress.getList("weeks.reps", Integer.class).stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(15);
        } finally {
            FixedClock.reset();
        }
    }

    @Test
    void onlyPlatformOperatorsReplay() {
        given().auth().oauth2(DevTokens.mint(coach, tenant, "coach")).when().post("/api/v1/admin/dead-letters/replay")
                .then().statusCode(403);
        // the topic holds every organisation's records: an organisation's admin may not send them back
        given().auth().oauth2(DevTokens.mint("admin-" + run, tenant, "admin")).when().post("/api/v1/admin/dead-letters/replay")
                .then().statusCode(403);
    }
}
