package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Completions with RPE and duration, sent through the broker, give the training load the coach reads: figures
 * worked out by hand, the access rule of an athlete's progress, and a problem for weeks out of range.
 */
@QuarkusTest
class TrainingLoadIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** The answer rounds to the cent; a float read of it is that close. */
    static final Offset<Double> CENT = within(0.006);
    /** Tuesday 19 May: the first session, day 1 of the history; today, Wednesday 17 June, is day 30. */
    static final LocalDate FIRST = TODAY.minusDays(29);

    final String tenant = "club-load-" + uuid();
    final String coach = "coach-" + uuid();
    final String otherCoach = "coach-" + uuid();
    final String athlete = "athlete-" + uuid();
    final String teammate = "athlete-" + uuid();

    /**
     * Four weeks of one session a week at RPE 5 for 40 minutes (200), then Monday 15 June two sessions (8 × 60 + 4 ×
     * 30 = 600), Tuesday one without a duration (unrated) and today 7 × 50 = 350.
     */
    @BeforeEach
    void history() {
        RoutineEvents.enrol(tenant, athlete, coach);
        RoutineEvents.enrol(tenant, teammate, otherCoach);
        for (int week = 0; week < 4; week++) {
            complete(FIRST.plusWeeks(week), 5.0, 40);
        }
        complete(LocalDate.of(2026, 6, 15), 8.0, 60);
        complete(LocalDate.of(2026, 6, 15), 4.0, 30);
        complete(LocalDate.of(2026, 6, 16), 6.0, null);
        complete(TODAY, 7.0, 50);
        await().atMost(WAIT).untilAsserted(() -> assertThat(load(DevTokens.mint(coach, tenant, "coach"), 5)
                .getInt("weeks[4].sessions")).isEqualTo(4));
    }

    void complete(LocalDate day, double rpe, Integer minutes) {
        ObjectNode session = completed(uuid(), athlete, coach, day, rpe, null);
        if (minutes != null) {
            session.put("durationMinutes", minutes);
        }
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_COMPLETED, athlete, session);
    }

    JsonPath load(String token, int weeks) {
        return given().auth().oauth2(token).queryParam("weeks", weeks).when().get("/api/v1/athletes/{id}/load", athlete)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theCoachReadsTheDailyAndWeeklyLoadAndTheRatio() {
        JsonPath load = load(DevTokens.mint(coach, tenant, "coach"), 5);
        assertThat(load.getString("athleteId")).isEqualTo(athlete);
        assertThat(load.getString("historyStart")).isEqualTo(FIRST.toString());
        assertThat(load.getList("days")).hasSize(31); // Monday 18 May to today
        // the Monday before the first session: no averages yet
        assertThat(number(load, "days[0].load")).isZero();
        assertThat(load.getString("days[0].acute")).isNull();
        // day 1: 200 × 2/8 = 50 and 200 × 2/29 = 13.79
        assertThat(number(load, "days[1].acute")).isCloseTo(50.0, CENT);
        assertThat(number(load, "days[1].chronic")).isCloseTo(13.79, CENT);
        // day 27 (14 June) has no ratio; day 28 (15 June): 160.27 ÷ 61.12
        assertThat(load.getString(day("2026-06-14") + ".ratio")).isNull();
        assertThat(number(load, day("2026-06-15") + ".load")).isCloseTo(600.0, CENT);
        assertThat(number(load, day("2026-06-15") + ".ratio")).isCloseTo(2.62, CENT);
        // today, day 30: acute 350 × 2/8 + 120.20 × 6/8, chronic 350 × 2/29 + 56.90 × 27/29
        assertThat(number(load, day(TODAY.toString()) + ".load")).isCloseTo(350.0, CENT);
        assertThat(number(load, day(TODAY.toString()) + ".acute")).isCloseTo(177.65, CENT);
        assertThat(number(load, day(TODAY.toString()) + ".chronic")).isCloseTo(77.12, CENT);
        assertThat(number(load, day(TODAY.toString()) + ".ratio")).isCloseTo(2.30, CENT);
        assertThat(load.getString("latest.signal")).isEqualTo("spike");
        assertThat(number(load, "latest.ratio")).isCloseTo(2.30, CENT);
        assertThat(load.getString("latest.reason")).isNull();
        assertThat(load.getInt("latest.historyDays")).isEqualTo(30);
        assertThat(number(load, "spikeRatio")).isCloseTo(1.5, CENT);
        // the week of 8 June: 200 on one day of seven; monotony 28.57 ÷ 69.99 = 1/√6, strain 200/√6
        assertThat(load.getList("weeks.weekStart")).containsExactly("2026-05-18", "2026-05-25", "2026-06-01",
                "2026-06-08", "2026-06-15");
        assertThat(number(load, "weeks[3].load")).isCloseTo(200.0, CENT);
        assertThat(number(load, "weeks[3].monotony")).isCloseTo(0.41, CENT);
        assertThat(number(load, "weeks[3].strain")).isCloseTo(81.65, CENT);
        assertThat(load.getInt("weeks[3].sessions")).isEqualTo(1);
        // the week under way: 600 + 0 + 350, one session unrated, no monotony before Sunday
        assertThat(number(load, "weeks[4].load")).isCloseTo(950.0, CENT);
        assertThat(load.getInt("weeks[4].unratedSessions")).isEqualTo(1);
        assertThat(load.getString("weeks[4].monotony")).isNull();
        assertThat(load.getBoolean("weeks[4].complete")).isFalse();
        // eight weeks unless asked otherwise
        assertThat(given().auth().oauth2(DevTokens.mint(coach, tenant, "coach")).when()
                .get("/api/v1/athletes/{id}/load", athlete).then().statusCode(200).extract().jsonPath()
                .getList("weeks")).hasSize(8);
    }

    static String day(String date) {
        return "days.find { it.date == '" + date + "' }";
    }

    /** A figure as the answer rounds it (to the cent), whatever type the JSON reader chose. */
    static double number(JsonPath load, String path) {
        return ((Number) load.get(path)).doubleValue();
    }

    @Test
    void theDurationIsKeptAndExported() {
        JsonPath export = given().auth().oauth2(DevTokens.mint("root", tenant, "admin")).when()
                .get("/api/v1/athletes/{id}/export", athlete).then().statusCode(200).extract().jsonPath();
        assertThat(export.getList("sessions.durationMinutes")).containsExactlyInAnyOrder(40, 40, 40, 40, 60, 30, null, 50);
    }

    @Test
    void whoeverMaySeeTheAthletesProgressMaySeeTheirLoad() {
        assertThat(status(DevTokens.mint(athlete, tenant, "athlete"))).isEqualTo(200);
        assertThat(status(DevTokens.mint("head", tenant, "head-coach"))).isEqualTo(200);
        assertThat(status(DevTokens.mint("root", tenant, "admin"))).isEqualTo(200);
        // a coach of another athlete, another athlete, another organisation: not found
        given().auth().oauth2(DevTokens.mint(otherCoach, tenant, "coach")).when()
                .get("/api/v1/athletes/{id}/load", athlete).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        assertThat(status(DevTokens.mint(teammate, tenant, "athlete"))).isEqualTo(404);
        assertThat(status(DevTokens.mint(coach, "club-elsewhere-" + uuid(), "coach"))).isEqualTo(404);
        // a role that reads no athlete's data, and no token
        assertThat(status(DevTokens.mint("ed", tenant, "editor"))).isEqualTo(403);
        given().when().get("/api/v1/athletes/{id}/load", athlete).then().statusCode(401);
    }

    int status(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/athletes/{id}/load", athlete).statusCode();
    }

    @Test
    void weeksOutOfRangeIsAProblemNamingTheField() {
        for (String weeks : new String[] { "0", "99", "53", "many", "-1" }) {
            given().auth().oauth2(DevTokens.mint(coach, tenant, "coach")).queryParam("weeks", weeks).when()
                    .get("/api/v1/athletes/{id}/load", athlete).then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400))
                    .body("errors.field", hasItem("weeks"))
                    .body("errors[0].message", equalTo("must be a whole number between 1 and 52"));
        }
    }
}
