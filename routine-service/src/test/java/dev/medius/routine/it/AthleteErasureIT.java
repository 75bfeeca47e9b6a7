package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.devkit.security.DevTokens;
import dev.medius.events.Topics;
import dev.medius.routine.support.EventTap;
import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An admin erases an athlete: every row routine-service held about them goes, the organisation's other athletes keep
 * theirs, and athlete.erased.v1 tells consumers.
 */
@QuarkusTest
class AthleteErasureIT {

    private static final String NOTE = "felt the old knee injury on the stairs";
    /** Every table with an athlete column, and how a row of it names the athlete. */
    private static final Map<String, String> BY_ATHLETE = Map.of(
            "athlete", "athlete_id", "assignment", "athlete_id", "scheduled_session", "athlete_id",
            "session_record", "athlete_id", "outbox_event", "message_key");

    private static final String SERVICE = DevTokens.mint("progress-service", "medius-platform", "platform-service");

    @Inject
    DataSource dataSource;

    private final String tenant = Fixtures.newTenant();
    private final String admin = Fixtures.admin(tenant);
    private final String coach = Fixtures.coach(tenant);
    private final String erased = "athlete-" + UUID.randomUUID().toString().substring(0, 8);
    private final String teammate = "athlete-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anAdminErasesAnAthleteAndOnlyThatAthlete() throws Exception {
        Fixtures.catalogReady();
        LocalDate start = Fixtures.today().minusDays(7);
        Fixtures.putProfile(coach, erased, Fixtures.profile("Erika Borrada", "u18", "football")).then().statusCode(200);
        Fixtures.putProfile(coach, teammate, Fixtures.profile("Tomás Queda", "u18", "football")).then().statusCode(200);
        // a plan generated for the athlete's knee pain, kept as a template only they follow
        Map<String, Object> generated = Fixtures.generate(coach, Fixtures.deskWorkerProfile(start)).getMap("$");
        String generatedTemplate = Fixtures.createTemplate(coach, "Knee-friendly hips", generated);
        Fixtures.assign(coach, generatedTemplate, List.of(erased), null, start);
        // a hand-made template both follow
        String shared = Fixtures.createTemplate(coach, "Hips", Fixtures.handMadePlan(2));
        JsonPath assigned = Fixtures.assign(coach, shared, List.of(erased, teammate), "u18", start);
        List<String> erasedSessions = assigned.getList("find { it.athleteId == '" + erased + "' }.sessions.sessionId");
        List<String> teammateSessions = assigned.getList("find { it.athleteId == '" + teammate + "' }.sessions.sessionId");
        Map<String, Object> painful = new HashMap<>(Fixtures.completion(12, 7.0, 6, "knee", "lateral-band-walk",
                "banded-glute-bridge-abduction"));
        painful.put("notes", NOTE);
        PlanLifecycleIT.complete(Fixtures.athlete(erased, tenant), erased, erasedSessions.get(0), null, painful)
                .then().statusCode(201);
        given().auth().oauth2(Fixtures.athlete(erased, tenant)).contentType(ContentType.JSON)
                .body(Map.of("reason", "knee swollen")).when()
                .post("/api/v1/athletes/" + erased + "/sessions/" + erasedSessions.get(1) + "/skip")
                .then().statusCode(201);
        PlanLifecycleIT.complete(Fixtures.athlete(teammate, tenant), teammate, teammateSessions.get(0), null,
                Fixtures.completion(12, 5.0, 0, null, "lateral-band-walk", "banded-glute-bridge-abduction"))
                .then().statusCode(201);
        Map<String, Integer> teammateBefore = rows(teammate);
        assertThat(rows(erased)).allSatisfy((table, n) -> assertThat(n).as(table).isPositive());

        try (EventTap plans = new EventTap(Topics.ROUTINE_PLANS)) {
            // only the organisation's admin, with a reason
            erase(coach, "athlete's request").then().statusCode(403);
            erase(Fixtures.admin(Fixtures.newTenant()), "athlete's request").then().statusCode(404);
            erase(admin, " ").then().statusCode(400).body("errors[0].field", equalTo("reason"));
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").when()
                    .delete("/api/v1/athletes/" + erased).then().statusCode(400);

            erase(admin, "request by email of 2026-12-01").then().statusCode(200)
                    .body("athleteId", equalTo(erased)).body("removed.sessionRecords", equalTo(2))
                    .body("removed.assignments", equalTo(2)).body("removed.generatedTemplates", equalTo(1))
                    .body("removed.profiles", equalTo(1)).body("removed.outboxEvents", greaterThan(0));

            // nothing of the athlete is left but the one event saying they were erased
            Map<String, Integer> left = rows(erased);
            assertThat(left).containsEntry("athlete", 0).containsEntry("assignment", 0)
                    .containsEntry("scheduled_session", 0).containsEntry("session_record", 0)
                    .containsEntry("outbox_event", 1);
            assertThat(text("SELECT event_type FROM outbox_event WHERE tenant_id = ? AND message_key = ?", erased))
                    .isEqualTo(EventTypes.ATHLETE_ERASED);
            assertThat(count("SELECT count(*) FROM outbox_event WHERE tenant_id = ? AND payload::text LIKE ?",
                    "%" + NOTE + "%")).isZero();
            assertThat(count("SELECT count(*) FROM plan_template WHERE tenant_id = ? AND id::text = ?",
                    generatedTemplate)).isZero();
            assertThat(count("SELECT count(*) FROM plan_template WHERE tenant_id = ? AND id::text = ?", shared)).isOne();
            assertThat(count("SELECT count(*) FROM athlete_erasure WHERE tenant_id = ? AND reason = ?",
                    "request by email of 2026-12-01")).isOne();
            assertThat(count("SELECT count(*) FROM athlete_erasure WHERE tenant_id = ? AND removed::text LIKE ?",
                    "%" + erased + "%")).as("the record of the erasure does not name the athlete").isZero();
            // the teammate keeps every row
            assertThat(rows(teammate)).isEqualTo(teammateBefore);

            await().atMost(Duration.ofSeconds(30)).until(() -> !plans.ofType(erased, EventTypes.ATHLETE_ERASED).isEmpty());
            EventTap.Event event = plans.ofType(erased, EventTypes.ATHLETE_ERASED).get(0);
            assertThat(event.tenant()).isEqualTo(tenant);
            assertThat(event.subject()).isEqualTo(erased);
            assertThat(EventSchemas.violations(EventTypes.ATHLETE_ERASED, event.data())).isEmpty();
            assertThat(event.data().toString()).doesNotContain("request by email");
            // every earlier event about the athlete was sealed with the key the erasure destroyed: none can be read
            List<EventTap.Event> earlier = plans.withKey(erased).stream()
                    .filter(e -> !e.type().equals(EventTypes.ATHLETE_ERASED)).toList();
            assertThat(earlier).isNotEmpty().allSatisfy(e -> {
                assertThat(e.sealed()).as(e.type()).isTrue();
                assertThat(e.data().has("athleteId")).as(e.type() + " opened").isFalse();
                assertThat(e.value()).doesNotContain("Erika").doesNotContain("u18");
            });
            String destroyed = dev.medius.runtime.seal.SealedData.keyId(earlier.get(0).data().get("sealed").asText());
            given().auth().oauth2(SERVICE).when().get("/api/v1/athlete-keys/" + destroyed).then().statusCode(404);
            // data recorded before the erasure, sealed by another service a moment late, gets no key; data about a
            // new athlete given the same id later gets a new one
            OffsetDateTime erasedAt = OffsetDateTime.now().minusSeconds(30);
            issueKey(erased, erasedAt).then().statusCode(410);
            String renewed = issueKey(erased, OffsetDateTime.now().plusSeconds(1)).then().statusCode(200)
                    .body("tenant", equalTo(tenant)).body("athleteId", equalTo(erased)).extract().path("kid");
            assertThat(renewed).isNotEqualTo(destroyed);
            issueKey(erased, OffsetDateTime.now().plusSeconds(1)).then().statusCode(200).body("kid", equalTo(renewed));
        }

        // gone from the API; erased twice is not found
        given().auth().oauth2(admin).when().get("/api/v1/athletes/" + erased + "/profile").then().statusCode(404);
        given().auth().oauth2(admin).when().get("/api/v1/athletes/" + erased + "/plan").then().statusCode(404);
        erase(admin, "again").then().statusCode(404);
        given().auth().oauth2(admin).when().get("/api/v1/athletes/" + teammate + "/profile").then().statusCode(200)
                .body("displayName", equalTo("Tomás Queda"));
    }

    /** What a Medius service sealing data of its own asks for. */
    private io.restassured.response.Response issueKey(String athleteId, OffsetDateTime dataTime) {
        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "athleteId", athleteId, "dataTime", dataTime.toString())).when()
                .post("/api/v1/athlete-keys");
    }

    private io.restassured.response.Response erase(String token, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason)).when()
                .delete("/api/v1/athletes/" + erased);
    }

    private Map<String, Integer> rows(String athlete) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        for (Map.Entry<String, String> table : BY_ATHLETE.entrySet()) {
            rows.put(table.getKey(), count("SELECT count(*) FROM " + table.getKey() + " WHERE tenant_id = ? AND "
                    + table.getValue() + " = ?", athlete));
        }
        return rows;
    }

    private int count(String sql, String value) throws SQLException {
        return Integer.parseInt(text(sql, value));
    }

    private String text(String sql, String value) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, tenant);
            st.setString(2, value);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
