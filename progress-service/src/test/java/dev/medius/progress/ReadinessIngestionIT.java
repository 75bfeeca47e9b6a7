package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.checkIn;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * wellness.checked-in.v1, sealed as routine-service publishes it or in clear from an outside platform, is applied
 * once by its identity, corrected by revision, refused like a session when it breaks the contract, names another
 * organisation's athlete or another athlete's check-in, and shown in the athlete's progress under readiness.
 */
@QuarkusTest
class ReadinessIngestionIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String CHECK_INS = "SELECT count(*) FROM readiness_check_in WHERE tenant_id = ? AND athlete_id = ?";

    @Inject
    DataSource dataSource;

    final String run = uuid().substring(0, 8);
    final String tenant = "club-readiness-" + run;
    final String athlete = "athlete-readiness-" + uuid();
    final String coach = "coach-readiness-" + run;

    @Test
    void sealedAndClearCheckInsShowInTheAthletesReadinessNewestFirst() {
        RoutineEvents.enrol(tenant, athlete, coach);
        // an answer kept before the check-ins arrive must not outlive them
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(progress().getList("readiness.checkIns"))
                .isEmpty());

        String sealedId = uuid();
        String session = uuid();
        ObjectNode yesterday = checkIn(sealedId, athlete, TODAY.minusDays(1));
        yesterday.putArray("redFlags").add("night-pain");
        yesterday.putArray("adjustments").addObject().put("sessionId", session).put("kind", "lighter")
                .put("reason", "sleep and energy well below the usual");
        sendSealed(uuid(), yesterday);

        String clearId = uuid();
        ObjectNode today = checkIn(clearId, athlete, TODAY);
        today.putNull("sleepHours");
        today.remove("redFlags");
        OutsidePlatform.publish(OutsidePlatform.structured(tenant, EventTypes.WELLNESS_CHECKED_IN, clearId,
                TODAY + "T06:31:00Z", today));
        // four weeks ago and one day: outside the view
        sendSealed(uuid(), checkIn(uuid(), athlete, TODAY.minusDays(28)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().getList("readiness.checkIns.checkInId",
                String.class)).containsExactly(clearId, sealedId));
        JsonPath view = progress();
        assertThat(view.getString("readiness.from")).isEqualTo(TODAY.minusDays(27).toString());
        assertThat(view.getString("readiness.checkIns[0].date")).isEqualTo(TODAY.toString());
        assertThat(view.getObject("readiness.checkIns[0].sleepHours", Double.class)).isNull();
        assertThat(view.getList("readiness.checkIns[0].redFlags")).isEmpty();
        assertThat(view.getList("readiness.checkIns[0].adjustments")).isEmpty();
        assertThat(view.getString("readiness.checkIns[1].date")).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(view.getInt("readiness.checkIns[1].sleepQuality")).isEqualTo(3);
        assertThat(view.getInt("readiness.checkIns[1].energy")).isEqualTo(4);
        assertThat(view.getInt("readiness.checkIns[1].soreness")).isEqualTo(2);
        assertThat(view.getInt("readiness.checkIns[1].stress")).isEqualTo(3);
        assertThat(view.getInt("readiness.checkIns[1].mood")).isEqualTo(4);
        assertThat(view.getDouble("readiness.checkIns[1].sleepHours")).isEqualTo(7.5);
        assertThat(view.getString("readiness.checkIns[1].pain[0].area")).isEqualTo("knee");
        assertThat(view.getInt("readiness.checkIns[1].pain[0].score")).isEqualTo(3);
        assertThat(view.getList("readiness.checkIns[1].redFlags", String.class)).containsExactly("night-pain");
        assertThat(view.getString("readiness.checkIns[1].adjustments[0].sessionId")).isEqualTo(session);
        assertThat(view.getString("readiness.checkIns[1].adjustments[0].kind")).isEqualTo("lighter");
        assertThat(view.getString("readiness.checkIns[1].adjustments[0].reason"))
                .isEqualTo("sleep and energy well below the usual");
        assertThat(deadLettered()).isEmpty();
    }

    @Test
    void aDuplicateIsAppliedOnceAndTheHigherRevisionStands() throws SQLException {
        RoutineEvents.enrol(tenant, athlete, coach);
        String checkInId = uuid();
        String first = uuid();
        ObjectNode original = checkIn(checkInId, athlete, TODAY);
        RoutineEvents.sendWithId(first, Topics.ROUTINE_SESSIONS, tenant, EventTypes.WELLNESS_CHECKED_IN, athlete, original);
        RoutineEvents.sendWithId(first, Topics.ROUTINE_SESSIONS, tenant, EventTypes.WELLNESS_CHECKED_IN, athlete, original);
        await().atMost(WAIT).until(() -> count(CHECK_INS, athlete) == 1);
        // the same event once more is recognised; its id with other content is another event, refused
        List<String> outcomes = given().auth().oauth2(DevTokens.mint("admin-" + run, tenant, "admin"))
                .contentType(ContentType.JSON).body(List.of(binary(first, original))).when().post("/api/v1/events/check")
                .then().statusCode(200).extract().jsonPath().getList("outcome", String.class);
        assertThat(outcomes).containsExactly("duplicate");
        RoutineEvents.sendWithId(first, Topics.ROUTINE_SESSIONS, tenant, EventTypes.WELLNESS_CHECKED_IN, athlete,
                original.deepCopy().put("energy", 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLettered()).extracting(r -> category(r))
                .containsExactly("conflict"));

        // a correction with a higher revision replaces the check-in; an older revision sent later does not
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.WELLNESS_CHECKED_IN, athlete,
                original.deepCopy().put("energy", 2).put("revision", 2));
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.WELLNESS_CHECKED_IN, athlete,
                original.deepCopy().put("energy", 5).put("revision", 1));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM processed_event WHERE tenant_id = ? "
                + "AND event_type = ?", EventTypes.WELLNESS_CHECKED_IN) == 3);
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().getList("readiness.checkIns.energy", Integer.class))
                .containsExactly(2));
        assertThat(count(CHECK_INS, athlete)).isEqualTo(1);
    }

    @Test
    void aCheckInBreakingTheContractOrNamingAnotherOrganisationOrAthleteIsDeadLettered() {
        RoutineEvents.enrol(tenant, athlete, coach);
        String elsewhere = "club-elsewhere-" + run;
        String teammate = "teammate-readiness-" + uuid();
        RoutineEvents.enrol(tenant, teammate, coach);
        String mine = uuid();
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.WELLNESS_CHECKED_IN, athlete,
                checkIn(mine, athlete, TODAY));
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().getList("readiness.checkIns")).hasSize(1));

        ObjectNode tooPainful = checkIn(uuid(), athlete, TODAY);
        ((ObjectNode) tooPainful.get("pain").get(0)).put("score", 11);
        sendSealed(uuid(), tooPainful);
        ObjectNode noPain = checkIn(uuid(), athlete, TODAY);
        noPain.remove("pain");
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.WELLNESS_CHECKED_IN, athlete, noPain);
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, elsewhere, EventTypes.WELLNESS_CHECKED_IN, athlete,
                checkIn(uuid(), athlete, TODAY));
        // the teammate's event naming the athlete's check-in: a check-in stays with its athlete
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.WELLNESS_CHECKED_IN, athlete,
                checkIn(mine, teammate, TODAY));

        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLettered()).hasSize(4));
        List<ConsumerRecord<String, String>> refused = deadLettered();
        assertThat(refused).extracting(r -> category(r)).containsExactly("contract", "contract", "organisation",
                "conflict");
        assertThat(reason(refused.get(0))).contains("pain").contains("score");
        assertThat(reason(refused.get(1))).contains("pain");
        assertThat(reason(refused.get(2))).isEqualTo("athlete " + athlete + " belongs to another organisation than "
                + elsewhere);
        assertThat(reason(refused.get(3))).isEqualTo("check-in " + mine + " belongs to another athlete than " + teammate);
        assertThat(progress().getList("readiness.checkIns.checkInId", String.class)).containsExactly(mine);
        assertThat(given().auth().oauth2(DevTokens.mint(coach, tenant, "coach")).when()
                .get("/api/v1/athletes/{id}/progress", teammate).then().statusCode(200).extract().jsonPath()
                .getList("readiness.checkIns")).isEmpty();
    }

    @Test
    void exportErasureAndRebuildCoverCheckIns() throws SQLException {
        RoutineEvents.enrol(tenant, athlete, coach);
        String kept = "athlete-readiness-kept-" + uuid();
        RoutineEvents.enrol(tenant, kept, coach);
        String checkInId = uuid();
        ObjectNode data = checkIn(checkInId, athlete, TODAY.minusDays(2));
        data.putArray("adjustments").addObject().put("sessionId", uuid()).put("kind", "pain-free")
                .put("reason", "knee pain 3/10: the pain-free variants today");
        sendSealed(uuid(), data);
        sendSealed(uuid(), checkIn(uuid(), kept, TODAY.minusDays(1)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress(kept).getList("readiness.checkIns")).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().getList("readiness.checkIns")).hasSize(1));

        JsonPath export = given().auth().oauth2(DevTokens.mint(athlete, tenant, "athlete")).when()
                .get("/api/v1/athletes/{id}/export", athlete).then().statusCode(200).extract().jsonPath();
        assertThat(export.getList("checkIns.checkInId", String.class)).containsExactly(checkInId);
        assertThat(export.getString("checkIns[0].date")).isEqualTo(TODAY.minusDays(2).toString());
        assertThat(export.getInt("checkIns[0].mood")).isEqualTo(4);
        assertThat(export.getString("checkIns[0].adjustments[0].kind")).isEqualTo("pain-free");
        assertThat(export.getInt("checkIns[0].pain[0].score")).isEqualTo(3);

        String keptProgress = asAdmin("/api/v1/athletes/" + kept + "/progress");
        String erasure = uuid();
        RoutineEvents.sendWithId(erasure, Topics.ROUTINE_PLANS, tenant, EventTypes.ATHLETE_ERASED, athlete,
                Map.of("athleteId", athlete, "erasedAt", RoutineEvents.time(erasure)));
        await().atMost(WAIT).until(() -> count(CHECK_INS, athlete) == 0);

        // a rebuild reads the erased athlete's check-in again and keeps it out; the other's comes back the same
        given().auth().oauth2(DevTokens.mint("operator", tenant, "platform-operator")).when().post("/api/v1/admin/rebuild")
                .then().statusCode(200);
        assertThat(count(CHECK_INS, athlete)).isZero();
        assertThat(asAdmin("/api/v1/athletes/" + kept + "/progress")).isEqualTo(keptProgress);
    }

    private void sendSealed(String eventId, ObjectNode data) {
        String subject = data.get("checkInId").asText();
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, data.get("athleteId").asText(),
                RoutineStandIn.seal(tenant, data.get("athleteId").asText(), data.toString()),
                RoutineEvents.headers(eventId, EventTypes.WELLNESS_CHECKED_IN, tenant, subject));
    }

    /** The event as a record of a check file, in binary form. */
    private Map<String, Object> binary(String eventId, ObjectNode data) {
        return Map.of("key", athlete, "headers", RoutineEvents.headers(eventId, EventTypes.WELLNESS_CHECKED_IN, tenant,
                data.get("checkInId").asText()), "value", data);
    }

    @Test
    void theRosterShowsTheLatestCheckInSinceYesterdayWithItsMostCautiousAdjustment() {
        RoutineEvents.enrol(tenant, athlete, coach);
        String quiet = "athlete-quiet-" + uuid();
        RoutineEvents.enrol(tenant, quiet, coach);
        ObjectNode yesterday = checkIn(uuid(), athlete, TODAY.minusDays(1));
        var adjustments = yesterday.putArray("adjustments");
        adjustments.addObject().put("sessionId", uuid()).put("kind", "lighter").put("reason", "two answers low");
        adjustments.addObject().put("sessionId", uuid()).put("kind", "rest").put("reason", "new pain above 5/10");
        sendSealed(uuid(), yesterday);
        // two days ago is not this morning's news
        sendSealed(uuid(), checkIn(uuid(), quiet, TODAY.minusDays(2)));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath roster = roster();
            assertThat(roster.getString(row(athlete) + ".checkIn.date")).isEqualTo(TODAY.minusDays(1).toString());
            assertThat(roster.getString(row(athlete) + ".checkIn.adjustment")).isEqualTo("rest");
            assertThat(roster.getInt(row(athlete) + ".checkIn.pain")).isEqualTo(3);
            assertThat(roster.getString(row(athlete) + ".checkIn.painArea")).isEqualTo("knee");
            assertThat(roster.getBoolean(row(athlete) + ".checkIn.redFlag")).isFalse();
            assertThat(roster.getMap(row(quiet))).containsEntry("checkIn", null);
        });

        // this morning's, with nothing due and a red flag, takes its place
        ObjectNode today = checkIn(uuid(), athlete, TODAY);
        today.putArray("pain");
        today.putArray("redFlags").add("night-pain");
        sendSealed(uuid(), today);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath roster = roster();
            assertThat(roster.getString(row(athlete) + ".checkIn.date")).isEqualTo(TODAY.toString());
            assertThat(roster.getString(row(athlete) + ".checkIn.adjustment")).isNull();
            assertThat(roster.getString(row(athlete) + ".checkIn.pain")).isNull();
            assertThat(roster.getBoolean(row(athlete) + ".checkIn.redFlag")).isTrue();
        });
    }

    private JsonPath roster() {
        return given().auth().oauth2(DevTokens.mint(coach, tenant, "coach")).when().get("/api/v1/dashboard").then()
                .statusCode(200).extract().jsonPath();
    }

    private static String row(String who) {
        return "athletes.find { it.athleteId == '" + who + "' }";
    }

    private JsonPath progress() {
        return progress(athlete);
    }

    private JsonPath progress(String who) {
        return given().auth().oauth2(DevTokens.mint(coach, tenant, "coach")).when()
                .get("/api/v1/athletes/{id}/progress", who).then().statusCode(200).extract().jsonPath();
    }

    private String asAdmin(String path) {
        return given().auth().oauth2(DevTokens.mint("admin-" + run, tenant, "admin")).when().get(path).then()
                .statusCode(200).extract().asString();
    }

    private List<ConsumerRecord<String, String>> deadLettered() {
        return RoutineEvents.readAll(Topics.ROUTINE_SESSIONS_DLQ, athlete);
    }

    private static String category(ConsumerRecord<String, String> record) {
        return RoutineEvents.header(record, "medius-dlq-category");
    }

    private static String reason(ConsumerRecord<String, String> record) {
        return RoutineEvents.header(record, "medius-dlq-reason");
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
