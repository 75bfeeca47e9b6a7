package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.exercise;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Raw session facts past their organisation's retention go, with their volume, when the job runs, and readiness
 * check-ins and strength tests with them; what the dashboard still shows is unchanged, and a second run changes nothing.
 */
@QuarkusTest
class RetentionIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    final String run = uuid().substring(0, 8);
    final String shortKeeper = "club-short-" + run;
    final String longKeeper = "club-default-" + run;
    final String coach = "coach-" + run;
    /** Athlete ids are unique across organisations (docs/events.md): one athlete in each. */
    String athlete(String tenant) {
        return "athlete-" + tenant;
    }

    @Inject
    DataSource dataSource;

    @Test
    void factsPastTheirOrganisationsRetentionGoAndASecondRunChangesNothing() throws Exception {
        String admin = DevTokens.mint("admin-" + run, shortKeeper, "admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"factsDays\": 400}")
                .when().put("/api/v1/organisation/retention").then().statusCode(200)
                .body("factsDays", org.hamcrest.Matchers.is(400)).body("custom", org.hamcrest.Matchers.is(true));

        // the same history in both organisations: 800, 500 and 3 days ago
        for (String tenant : List.of(shortKeeper, longKeeper)) {
            String athlete = athlete(tenant);
            RoutineEvents.enrol(tenant, athlete, coach);
            for (int daysAgo : List.of(800, 500, 3)) {
                LocalDate day = TODAY.minusDays(daysAgo);
                send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_COMPLETED, athlete,
                        exercise(completed(uuid(), athlete, coach, day, 5.0, 2), "clamshell", "hip-abduction",
                                List.of("gluteus-medius"), 2, 12, null).put("notes", "day " + daysAgo));
                send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.WELLNESS_CHECKED_IN, athlete,
                        RoutineEvents.checkIn(uuid(), athlete, day));
                send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.STRENGTH_TEST_RECORDED, athlete,
                        RoutineEvents.strengthTest(uuid(), athlete, day));
            }
        }
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(facts(shortKeeper)).hasSize(3);
            assertThat(facts(longKeeper)).hasSize(3);
            assertThat(checkIns(shortKeeper)).hasSize(3);
            assertThat(checkIns(longKeeper)).hasSize(3);
            assertThat(strengthTests(shortKeeper)).hasSize(3);
            assertThat(strengthTests(longKeeper)).hasSize(3);
        });
        JsonPath before = progress(shortKeeper);

        String operator = DevTokens.mint("operator-" + run, "medius-platform", "platform-operator");
        JsonPath first = given().auth().oauth2(operator).when().post("/api/v1/admin/retention/run")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getLong("factsRemoved")).isGreaterThanOrEqualTo(3);
        // routine-service is told the same cutoffs for its session reports: the default, and each organisation's choice
        assertThat(first.getLong("reportsRemoved")).isZero();
        JsonNode order = RoutineStandIn.retentionOrders().get(RoutineStandIn.retentionOrders().size() - 1);
        assertThat(order.path("today").asText()).isEqualTo(TODAY.toString());
        assertThat(order.path("defaultDays").asInt()).isEqualTo(730);
        assertThat(order.path("organisations").findValuesAsText("tenant")).contains(shortKeeper).doesNotContain(longKeeper);
        order.path("organisations").forEach(o -> {
            if (o.path("tenant").asText().equals(shortKeeper)) {
                assertThat(o.path("days").asInt()).isEqualTo(400);
            }
        });

        // 400 days: only the last session stays; the default 730: the one of 500 days ago stays too
        assertThat(facts(shortKeeper)).containsExactly(TODAY.minusDays(3));
        assertThat(facts(longKeeper)).containsExactly(TODAY.minusDays(500), TODAY.minusDays(3));
        assertThat(volumeDays(shortKeeper)).containsExactly(TODAY.minusDays(3));
        assertThat(volumeDays(longKeeper)).containsExactly(TODAY.minusDays(500), TODAY.minusDays(3));
        // check-ins go at the same cutoffs
        assertThat(first.getLong("checkInsRemoved")).isGreaterThanOrEqualTo(3);
        assertThat(checkIns(shortKeeper)).containsExactly(TODAY.minusDays(3));
        assertThat(checkIns(longKeeper)).containsExactly(TODAY.minusDays(500), TODAY.minusDays(3));
        assertThat(first.getLong("strengthTestsRemoved")).isGreaterThanOrEqualTo(3);
        assertThat(strengthTests(shortKeeper)).containsExactly(TODAY.minusDays(3));
        assertThat(strengthTests(longKeeper)).containsExactly(TODAY.minusDays(500), TODAY.minusDays(3));

        JsonPath after = progress(shortKeeper);
        assertThat(after.getList("weeks")).as("52 weeks of series").isEqualTo(before.getList("weeks"));
        assertThat(after.getMap("summary.adherence")).isEqualTo(before.getMap("summary.adherence"));
        assertThat(after.getMap("summary.weeklyVolume")).isEqualTo(before.getMap("summary.weeklyVolume"));
        assertThat(after.getString("summary.lastActivity")).isEqualTo(before.getString("summary.lastActivity"));
        // the removed sessions leave the recent trend and the notes with their facts
        assertThat(after.getList("summary.pain.points.date", String.class)).containsExactly(TODAY.minusDays(3).toString());
        assertThat(after.getString("notes")).doesNotContain("day 800", "day 500").contains("day 3");

        JsonPath second = given().auth().oauth2(operator).when().post("/api/v1/admin/retention/run")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getLong("factsRemoved")).isZero();
        assertThat(second.getLong("checkInsRemoved")).isZero();
        assertThat(second.getLong("strengthTestsRemoved")).isZero();
        assertThat(facts(shortKeeper)).containsExactly(TODAY.minusDays(3));
        assertThat(progress(shortKeeper).getList("weeks")).isEqualTo(after.getList("weeks"));
    }

    @Test
    void anAdminChoosesWithinTheBoundsAndOnlyForTheirOwnOrganisation() {
        String admin = DevTokens.mint("admin-" + run, shortKeeper, "admin");
        given().auth().oauth2(admin).when().get("/api/v1/organisation/retention").then().statusCode(200)
                .body("factsDays", org.hamcrest.Matchers.is(730)).body("custom", org.hamcrest.Matchers.is(false))
                .body("minimumDays", org.hamcrest.Matchers.is(371));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"factsDays\": 30}")
                .when().put("/api/v1/organisation/retention").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("factsDays")));
        given().auth().oauth2(DevTokens.mint(coach, shortKeeper, "coach")).contentType(ContentType.JSON)
                .body("{\"factsDays\": 400}").when().put("/api/v1/organisation/retention").then().statusCode(403);
        // an organisation's admin may not run the job: it reaches every organisation
        given().auth().oauth2(admin).when().post("/api/v1/admin/retention/run").then().statusCode(403);
    }

    JsonPath progress(String tenant) {
        return given().auth().oauth2(DevTokens.mint(coach, tenant, "coach")).queryParam("weeks", 52)
                .when().get("/api/v1/athletes/{id}/progress", athlete(tenant)).then().statusCode(200).extract().jsonPath();
    }

    List<LocalDate> facts(String tenant) throws SQLException {
        return dates("SELECT activity_date FROM session_fact WHERE tenant_id = ? AND athlete_id = ? ORDER BY 1", tenant);
    }

    List<LocalDate> checkIns(String tenant) throws SQLException {
        return dates("SELECT check_in_date FROM readiness_check_in WHERE tenant_id = ? AND athlete_id = ? ORDER BY 1",
                tenant);
    }

    List<LocalDate> strengthTests(String tenant) throws SQLException {
        return dates("SELECT tested_on FROM strength_test WHERE tenant_id = ? AND athlete_id = ? ORDER BY 1", tenant);
    }

    List<LocalDate> volumeDays(String tenant) throws SQLException {
        return dates("SELECT DISTINCT activity_date FROM exercise_volume WHERE tenant_id = ? AND athlete_id = ? ORDER BY 1",
                tenant);
    }

    List<LocalDate> dates(String sql, String tenant) throws SQLException {
        List<LocalDate> dates = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, tenant);
            st.setString(2, athlete(tenant));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    dates.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return dates;
    }
}
