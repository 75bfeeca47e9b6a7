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
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Roster and progress answers are kept while their athletes are unchanged, and never served once a change they
 * do not show has committed: a new session, a new athlete on the roster, a flag raised by the evaluation that
 * follows ingestion.
 */
@QuarkusTest
class CachedDashboardIT {

    static final String TENANT = "club-cached";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MeterRegistry metrics;

    final String coach = "coach-" + uuid();

    String roster(String tenant, String coach) {
        return given().auth().oauth2(DevTokens.mint(coach, tenant, "coach"))
                .when().get("/api/v1/dashboard").then().statusCode(200).extract().asString();
    }

    String progress(String athlete) {
        return given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete).then().statusCode(200).extract().asString();
    }

    double kept() {
        return metrics.counter("medius.dashboard.cache.reads", "answer", "kept").count();
    }

    ObjectNode assign(String athlete) {
        ObjectNode plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(3), TODAY.minusDays(1), TODAY.plusDays(1));
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        return plan;
    }

    static List<String> athletes(String body) {
        return new JsonPath(body).getList("athletes.athleteId");
    }

    static Object summary(String body, String athlete, String path) {
        return new JsonPath(body).get("athletes.find { it.athleteId == '" + athlete + "' }." + path);
    }

    @Test
    void rosterIsKeptUntilOneOfItsAthletesChanges() {
        String first = "athlete-" + uuid();
        String second = "athlete-" + uuid();
        ObjectNode plan = assign(first);
        assign(second);
        await().atMost(WAIT).until(() -> athletes(roster(TENANT, coach)).size() == 2);

        String read = roster(TENANT, coach);
        double keptBefore = kept();
        assertThat(roster(TENANT, coach)).isEqualTo(read);
        assertThat(kept()).isGreaterThan(keptBefore);
        assertThat(summary(read, first, "lastActivity")).isNull();

        // a completion: the kept answer does not show it, so it must not be served again
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, first,
                completed(sessionId(plan, 1), first, coach, TODAY.minusDays(1), 6.0, 1));
        await().atMost(WAIT).until(() -> summary(roster(TENANT, coach), first, "lastActivity") != null);
        assertThat(summary(roster(TENANT, coach), first, "adherence.days7.completed")).isEqualTo(1);

        // a new athlete on the roster
        String third = "athlete-" + uuid();
        assign(third);
        await().atMost(WAIT).until(() -> athletes(roster(TENANT, coach)).contains(third));
        assertThat(athletes(roster(TENANT, coach))).containsExactlyInAnyOrder(first, second, third);
    }

    @Test
    void flagRaisedAfterIngestionReplacesTheKeptRoster() {
        String athlete = "athlete-" + uuid();
        ObjectNode plan = assign(athlete);
        await().atMost(WAIT).until(() -> athletes(roster(TENANT, coach)).contains(athlete));
        // pain above the threshold: the session shows at once, its flag when the evaluation that follows
        // ingestion has run; the roster is read (and kept) all the while
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete,
                completed(sessionId(plan, 1), athlete, coach, TODAY.minusDays(1), 6.0, 8));
        await().atMost(WAIT).until(() -> summary(roster(TENANT, coach), athlete, "lastActivity") != null);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> ((List<?>) summary(roster(TENANT, coach), athlete, "flags.kind")).contains("pain-high"));
    }

    @Test
    void progressIsKeptUntilTheAthleteChanges() {
        String athlete = "athlete-" + uuid();
        ObjectNode plan = assign(athlete);
        await().atMost(WAIT).until(() -> given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete).statusCode() == 200);

        String read = progress(athlete);
        double keptBefore = kept();
        assertThat(progress(athlete)).isEqualTo(read);
        assertThat(kept()).isGreaterThan(keptBefore);

        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete,
                completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(3), 5.0, null));
        await().atMost(WAIT).until(() -> new JsonPath(progress(athlete)).getInt("summary.adherence.days7.completed") == 1);
    }

    @Test
    void keptRostersAreNotSharedBetweenOrganisations() {
        String athlete = "athlete-" + uuid();
        assign(athlete);
        await().atMost(WAIT).until(() -> athletes(roster(TENANT, coach)).contains(athlete));
        roster(TENANT, coach);
        // the same coach id in another organisation has no athletes there
        assertThat(athletes(roster("club-elsewhere", coach))).isEmpty();
    }
}
