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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.kafka.PoisonRecords;
import dev.medius.devkit.kafka.PoisonRecords.Poison;
import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * On both consumed topics, random bytes, empty and huge values, JSON of the wrong shape or nested
 * 10,000 deep, and missing or wrong CloudEvents headers go to routine.sessions.dlq unchanged with
 * the reason, and the good events behind them on the same partition are applied.
 */
@QuarkusTest
class DeadLetterIT {

    @Test
    void badRecordsOnEveryTopicAreDeadLetteredWithTheirReasonAndIngestionCarriesOn() {
        String tenant = "club-poison-" + uuid();
        String athlete = "athlete-poison-" + uuid();
        String coach = "coach-poison-" + uuid();
        String brokers = MediusTestInfrastructure.broker().bootstrapServers();
        List<Poison> poisons = new ArrayList<>();
        for (String[] topicAndType : new String[][] { { Topics.ROUTINE_PLANS, EventTypes.PLAN_ASSIGNED },
                { Topics.ROUTINE_SESSIONS, EventTypes.SESSION_COMPLETED } }) {
            for (Poison poison : PoisonRecords.forEvent(RoutineEvents.headers(uuid(), topicAndType[1], tenant, athlete))) {
                PoisonRecords.send(brokers, topicAndType[0], athlete, poison);
                poisons.add(poison);
            }
        }
        // keyed by the same athlete: behind the poison on the same partitions
        ObjectNode plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(1));
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.PLAN_ASSIGNED, athlete, plan);
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_COMPLETED, athlete,
                completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(1), 6.0, 1));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given()
                .auth().oauth2(DevTokens.mint(coach, tenant, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete)
                .then().statusCode(200).extract().jsonPath().getDouble("summary.adherence.days7.percent"))
                .isEqualTo(100.0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                PoisonRecords.readAll(brokers, Topics.ROUTINE_SESSIONS_DLQ, athlete)).hasSize(poisons.size()));
        assertThat(PoisonRecords.deadLettered(poisons,
                PoisonRecords.readAll(brokers, Topics.ROUTINE_SESSIONS_DLQ, athlete), "medius-dlq-reason")).isEmpty();
        // each breaks the contract: none is a conflict or a failure of the service
        assertThat(PoisonRecords.readAll(brokers, Topics.ROUTINE_SESSIONS_DLQ, athlete))
                .allSatisfy(r -> assertThat(PoisonRecords.header(r, "medius-dlq-category")).isEqualTo("contract"));
    }
}
