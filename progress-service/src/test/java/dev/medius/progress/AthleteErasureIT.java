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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.runtime.trail.AthleteDigest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * athlete.erased.v1 removes every row about the athlete in their organisation; their events read again, live or by
 * a rebuild, bring nothing back; the other athletes' figures do not change; an athlete given the id afterwards starts
 * anew.
 */
@QuarkusTest
class AthleteErasureIT {

    private static final String NOTE = "the knee again after the derby";
    private static final List<String> TABLES = List.of("athlete_profile", "athlete_organisation", "athlete_coach",
            "plan_event", "scheduled_session", "athlete_schedule", "session_fact", "exercise_volume", "athlete_recent",
            "athlete_flag", "flag_acknowledgement", "athlete_revision", "readiness_check_in",
            "strength_test");

    @Inject
    DataSource dataSource;

    private final String tenant = "club-erasure-" + uuid();
    private final String erased = "athlete-" + uuid();
    private final String teammate = "athlete-" + uuid();
    private final String coach = "coach-" + uuid();

    @Test
    void anErasedAthleteLeavesNothingAndNothingComesBack() throws Exception {
        ObjectNode plan = planAssigned(uuid(), erased, coach, TODAY.minusDays(6), TODAY.minusDays(3), TODAY.plusDays(1));
        ObjectNode teammatePlan = planAssigned(uuid(), teammate, coach, TODAY.minusDays(6), TODAY.minusDays(3));
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.PLAN_ASSIGNED, erased, plan);
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.PLAN_ASSIGNED, teammate, teammatePlan);
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.ATHLETE_UPDATED, erased, Map.of("athleteId", erased,
                "displayName", "Erika Borrada", "teamId", "u18", "sport", "football", "revision", 1,
                "updatedAt", "2026-06-17T08:00:00Z"));
        ObjectNode painful = completed(sessionId(plan, 0), erased, coach, TODAY.minusDays(6), 7.0, 7);
        painful.put("notes", NOTE);
        exercise(painful, "lateral-band-walk", "hip-abduction", List.of("gluteus-medius"), 3, 12, null);
        String painfulId = uuid();
        RoutineEvents.sendWithId(painfulId, Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_COMPLETED, erased, painful);
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_SKIPPED, erased,
                RoutineEvents.skipped(sessionId(plan, 1), erased, coach, TODAY.minusDays(3)));
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.WELLNESS_CHECKED_IN, erased,
                RoutineEvents.checkIn(uuid(), erased, TODAY.minusDays(1)));
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.STRENGTH_TEST_RECORDED, erased,
                RoutineEvents.strengthTest(uuid(), erased, TODAY.minusDays(1)));
        ObjectNode steady = completed(sessionId(teammatePlan, 0), teammate, coach, TODAY.minusDays(6), 5.0, 0);
        exercise(steady, "lateral-band-walk", "hip-abduction", List.of("gluteus-medius"), 2, 10, null);
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_COMPLETED, teammate, steady);

        String flagId = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin()).when()
                .get("/api/v1/athletes/{id}/progress", erased).then().extract().jsonPath()
                .getString("summary.flags.find { it.kind == 'pain-high' }.flagId"), id -> id != null);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("note", "called her physio"))
                .when().post("/api/v1/athletes/{id}/flags/{flag}/acknowledgement", erased, flagId)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM session_fact WHERE tenant_id = ? AND athlete_id = ?", teammate) == 1);
        assertThat(rows(erased)).allSatisfy((table, n) -> assertThat(n).as(table).isPositive());
        given().auth().oauth2(DevTokens.mint(erased, tenant, "athlete")).when()
                .get("/api/v1/athletes/{id}/progress", erased).then().statusCode(200);
        String teammateProgress = get("/api/v1/athletes/" + teammate + "/progress");
        Map<String, Integer> teammateRows = rows(teammate);

        String erasure = uuid();
        String erasedAt = RoutineEvents.time(erasure);
        RoutineEvents.sendWithId(erasure, Topics.ROUTINE_PLANS, tenant, EventTypes.ATHLETE_ERASED, erased,
                Map.of("athleteId", erased, "erasedAt", erasedAt));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows(erased)).allSatisfy(
                (table, n) -> assertThat(n).as(table).isZero()));
        given().auth().oauth2(admin()).when().get("/api/v1/athletes/{id}/progress", erased).then().statusCode(404);
        assertThat(get("/api/v1/dashboard")).doesNotContain(erased).contains(teammate);
        assertThat(get("/api/v1/athletes/" + teammate + "/progress")).isEqualTo(teammateProgress);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE tenant_id = ? AND message_key = ?", erased)).isZero();
        // the admin's reads of the athlete stay in the trail, naming them by their digest only
        assertThat(count("SELECT count(*) FROM access_trail WHERE tenant_id = ? AND ? = ANY (athletes)", erased)).isZero();
        assertThat(count("SELECT count(*) FROM access_trail WHERE tenant_id = ? AND reader = ?", erased)).isZero();
        assertThat(count("SELECT count(*) FROM access_trail WHERE tenant_id = ? AND reader = ?",
                AthleteDigest.of(tenant, erased))).as("the athlete's reads of their own data").isPositive();
        assertThat(count("SELECT count(*) FROM access_trail WHERE tenant_id = ? AND ? = ANY (athletes)",
                AthleteDigest.of(tenant, erased))).isPositive();

        // the completion read again, as a late copy would be: an event of before the erasure, not applied
        RoutineEvents.sendWithId(painfulId, Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_COMPLETED, erased, painful);
        String check = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(List.of(Map.of("specversion", "1.0", "id", uuid(), "type", EventTypes.SESSION_COMPLETED,
                        "source", "/outside/platform", "subject", sessionId(plan, 0), "time", erasedAt,
                        "tenantid", tenant, "datacontenttype", "application/json", "data", painful)))
                .when().post("/api/v1/events/check").then().extract().asString();
        assertThat(check).contains("\"erased\"");

        // a rebuild reads every event again, the erased athlete's among them
        given().auth().oauth2(DevTokens.mint("operator", tenant, "platform-operator")).when().post("/api/v1/admin/rebuild")
                .then().statusCode(200);
        assertThat(rows(erased)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(count("SELECT count(*) FROM session_fact WHERE tenant_id = ? AND notes = ?", NOTE)).isZero();
        assertThat(rows(teammate)).isEqualTo(teammateRows);
        assertThat(get("/api/v1/athletes/" + teammate + "/progress")).isEqualTo(teammateProgress);

        // the organisation gives the id to someone new: their events, dated after the erasure, are applied
        ObjectNode fresh = planAssigned(uuid(), erased, coach, TODAY.plusDays(2));
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.PLAN_ASSIGNED, erased, fresh);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM plan_event WHERE tenant_id = ? AND athlete_id = ?", erased) == 1);
        assertThat(count("SELECT count(*) FROM session_fact WHERE tenant_id = ? AND athlete_id = ?", erased)).isZero();
    }

    private String admin() {
        return DevTokens.mint("root", tenant, "admin");
    }

    private String get(String path) {
        return given().auth().oauth2(admin()).when().get(path).then().statusCode(200).extract().asString();
    }

    private Map<String, Integer> rows(String athlete) throws SQLException {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, count("SELECT count(*) FROM " + table + " WHERE tenant_id = ? AND athlete_id = ?", athlete));
        }
        return rows;
    }

    private int count(String sql, String value) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, tenant);
            st.setString(2, value);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
