package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.strengthTest;
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
 * strength-test.recorded.v1, sealed as routine-service publishes it or in clear from an outside platform, is applied
 * once by its identity, corrected by revision, refused like a session when it breaks the contract, names another
 * organisation's athlete or another athlete's test, and shown in the athlete's progress under tests.
 */
@QuarkusTest
class StrengthTestIngestionIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TESTS = "SELECT count(*) FROM strength_test WHERE tenant_id = ? AND athlete_id = ?";

    @Inject
    DataSource dataSource;

    final String run = uuid().substring(0, 8);
    final String tenant = "club-strength-" + run;
    final String athlete = "athlete-strength-" + uuid();
    final String coach = "coach-strength-" + run;

    @Test
    void sealedAndClearTestsShowInTheAthletesViewNewestFirst() {
        RoutineEvents.enrol(tenant, athlete, coach);
        // an answer kept before the tests arrive must not outlive them
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(progress().getList("tests")).isEmpty());

        String sealedId = uuid();
        sendSealed(uuid(), strengthTest(sealedId, athlete, TODAY.minusDays(1)));
        String clearId = uuid();
        ObjectNode squat = strengthTest(clearId, athlete, TODAY).put("kind", "single-leg-squat").put("pain", 0)
                .put("leftRating", "good").put("rightRating", "poor");
        squat.putNull("left").putNull("right").putNull("unit").putNull("symmetryPercent").remove("involvedSide");
        squat.putArray("faults").add("knee-valgus").add("pelvic-drop");
        squat.remove("findings");
        OutsidePlatform.publish(OutsidePlatform.structured(tenant, EventTypes.STRENGTH_TEST_RECORDED, clearId,
                TODAY + "T09:06:00Z", squat));
        // over a year ago: the latest side bridge is shown all the same, an older hip abduction is not
        String oldBridge = uuid();
        sendSealed(uuid(), strengthTest(oldBridge, athlete, TODAY.minusDays(400)).put("kind", "side-bridge")
                .put("left", 62.0).put("right", 55.0).put("unit", "s"));
        sendSealed(uuid(), strengthTest(uuid(), athlete, TODAY.minusDays(380)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().getList("tests.testId", String.class))
                .containsExactly(clearId, sealedId, oldBridge));
        JsonPath view = progress();
        assertThat(view.getString("tests[0].kind")).isEqualTo("single-leg-squat");
        assertThat(view.getString("tests[0].testedOn")).isEqualTo(TODAY.toString());
        assertThat(view.getObject("tests[0].left", Double.class)).isNull();
        assertThat(view.getObject("tests[0].unit", String.class)).isNull();
        assertThat(view.getObject("tests[0].involvedSide", String.class)).isNull();
        assertThat(view.getInt("tests[0].pain")).isZero();
        assertThat(view.getString("tests[0].leftRating")).isEqualTo("good");
        assertThat(view.getString("tests[0].rightRating")).isEqualTo("poor");
        assertThat(view.getList("tests[0].faults", String.class)).containsExactly("knee-valgus", "pelvic-drop");
        assertThat(view.getList("tests[0].findings")).isEmpty();
        assertThat(view.getString("tests[1].kind")).isEqualTo("hip-abduction");
        assertThat(view.getString("tests[1].testedOn")).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(view.getDouble("tests[1].left")).isEqualTo(1.68);
        assertThat(view.getDouble("tests[1].right")).isEqualTo(1.44);
        assertThat(view.getString("tests[1].unit")).isEqualTo("N·m/kg");
        assertThat(view.getDouble("tests[1].symmetryPercent")).isEqualTo(85.7);
        assertThat(view.getString("tests[1].involvedSide")).isEqualTo("right");
        assertThat(view.getInt("tests[1].pain")).isEqualTo(1);
        assertThat(view.getObject("tests[1].leftRating", String.class)).isNull();
        assertThat(view.getList("tests[1].faults")).isEmpty();
        assertThat(view.getList("tests[1].findings", String.class))
                .containsExactly("limb symmetry 86 % (right side against the other)");
        assertThat(view.getString("tests[2].kind")).isEqualTo("side-bridge");
        assertThat(view.getString("tests[2].unit")).isEqualTo("s");
        assertThat(deadLettered()).isEmpty();
    }

    @Test
    void aDuplicateIsAppliedOnceAndTheHigherRevisionStands() throws SQLException {
        RoutineEvents.enrol(tenant, athlete, coach);
        String testId = uuid();
        String first = uuid();
        ObjectNode original = strengthTest(testId, athlete, TODAY);
        RoutineEvents.sendWithId(first, Topics.ROUTINE_SESSIONS, tenant, EventTypes.STRENGTH_TEST_RECORDED, athlete,
                original);
        RoutineEvents.sendWithId(first, Topics.ROUTINE_SESSIONS, tenant, EventTypes.STRENGTH_TEST_RECORDED, athlete,
                original);
        await().atMost(WAIT).until(() -> count(TESTS, athlete) == 1);
        // the same event once more is recognised; its id with other content is another event, refused
        List<String> outcomes = given().auth().oauth2(DevTokens.mint("admin-" + run, tenant, "admin"))
                .contentType(ContentType.JSON).body(List.of(binary(first, original))).when().post("/api/v1/events/check")
                .then().statusCode(200).extract().jsonPath().getList("outcome", String.class);
        assertThat(outcomes).containsExactly("duplicate");
        RoutineEvents.sendWithId(first, Topics.ROUTINE_SESSIONS, tenant, EventTypes.STRENGTH_TEST_RECORDED, athlete,
                original.deepCopy().put("pain", 6));
        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLettered()).extracting(r -> category(r))
                .containsExactly("conflict"));

        // a correction with a higher revision replaces the test; an older revision sent later does not
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.STRENGTH_TEST_RECORDED, athlete,
                original.deepCopy().put("right", 1.52).put("symmetryPercent", 90.5).put("revision", 2));
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.STRENGTH_TEST_RECORDED, athlete,
                original.deepCopy().put("right", 1.1).put("revision", 1));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM processed_event WHERE tenant_id = ? "
                + "AND event_type = ?", EventTypes.STRENGTH_TEST_RECORDED) == 3);
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().getList("tests.right", Double.class))
                .containsExactly(1.52));
        assertThat(progress().getList("tests.symmetryPercent", Double.class)).containsExactly(90.5);
        assertThat(count(TESTS, athlete)).isEqualTo(1);
    }

    @Test
    void aTestBreakingTheContractOrNamingAnotherOrganisationOrAthleteIsDeadLettered() {
        RoutineEvents.enrol(tenant, athlete, coach);
        String elsewhere = "club-elsewhere-" + run;
        String teammate = "teammate-strength-" + uuid();
        RoutineEvents.enrol(tenant, teammate, coach);
        String mine = uuid();
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.STRENGTH_TEST_RECORDED, athlete,
                strengthTest(mine, athlete, TODAY));
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().getList("tests")).hasSize(1));

        sendSealed(uuid(), strengthTest(uuid(), athlete, TODAY).put("kind", "grip"));
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.STRENGTH_TEST_RECORDED, athlete,
                strengthTest(uuid(), athlete, TODAY).put("pain", 11));
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, elsewhere, EventTypes.STRENGTH_TEST_RECORDED, athlete,
                strengthTest(uuid(), athlete, TODAY));
        // the teammate's event naming the athlete's test: a test stays with its athlete
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.STRENGTH_TEST_RECORDED, athlete,
                strengthTest(mine, teammate, TODAY));

        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLettered()).hasSize(4));
        List<ConsumerRecord<String, String>> refused = deadLettered();
        assertThat(refused).extracting(r -> category(r)).containsExactly("contract", "contract", "organisation",
                "conflict");
        assertThat(reason(refused.get(0))).contains("kind");
        assertThat(reason(refused.get(1))).contains("pain");
        assertThat(reason(refused.get(2))).isEqualTo("athlete " + athlete + " belongs to another organisation than "
                + elsewhere);
        assertThat(reason(refused.get(3))).isEqualTo("strength test " + mine + " belongs to another athlete than "
                + teammate);
        assertThat(progress().getList("tests.testId", String.class)).containsExactly(mine);
        assertThat(progress(teammate).getList("tests")).isEmpty();
    }

    @Test
    void exportErasureAndRebuildCoverStrengthTests() throws SQLException {
        RoutineEvents.enrol(tenant, athlete, coach);
        String kept = "athlete-strength-kept-" + uuid();
        RoutineEvents.enrol(tenant, kept, coach);
        String testId = uuid();
        sendSealed(uuid(), strengthTest(testId, athlete, TODAY.minusDays(2)));
        sendSealed(uuid(), strengthTest(uuid(), kept, TODAY.minusDays(1)).put("kind", "side-bridge").put("left", 62.0)
                .put("right", 55.0).put("unit", "s"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress(kept).getList("tests")).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().getList("tests")).hasSize(1));

        JsonPath export = given().auth().oauth2(DevTokens.mint(athlete, tenant, "athlete")).when()
                .get("/api/v1/athletes/{id}/export", athlete).then().statusCode(200).extract().jsonPath();
        assertThat(export.getList("strengthTests.testId", String.class)).containsExactly(testId);
        assertThat(export.getString("strengthTests[0].kind")).isEqualTo("hip-abduction");
        assertThat(export.getString("strengthTests[0].testedOn")).isEqualTo(TODAY.minusDays(2).toString());
        assertThat(export.getDouble("strengthTests[0].left")).isEqualTo(1.68);
        assertThat(export.getInt("strengthTests[0].pain")).isEqualTo(1);
        assertThat(export.getList("strengthTests[0].findings", String.class)).hasSize(1);

        String keptProgress = asAdmin("/api/v1/athletes/" + kept + "/progress");
        String erasure = uuid();
        RoutineEvents.sendWithId(erasure, Topics.ROUTINE_PLANS, tenant, EventTypes.ATHLETE_ERASED, athlete,
                Map.of("athleteId", athlete, "erasedAt", RoutineEvents.time(erasure)));
        await().atMost(WAIT).until(() -> count(TESTS, athlete) == 0);

        // a rebuild reads the erased athlete's test again and keeps it out; the other's comes back the same
        given().auth().oauth2(DevTokens.mint("operator", tenant, "platform-operator")).when().post("/api/v1/admin/rebuild")
                .then().statusCode(200);
        assertThat(count(TESTS, athlete)).isZero();
        assertThat(count(TESTS, kept)).isEqualTo(1);
        assertThat(asAdmin("/api/v1/athletes/" + kept + "/progress")).isEqualTo(keptProgress);
    }

    private void sendSealed(String eventId, ObjectNode data) {
        String subject = data.get("testId").asText();
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, data.get("athleteId").asText(),
                RoutineStandIn.seal(tenant, data.get("athleteId").asText(), data.toString()),
                RoutineEvents.headers(eventId, EventTypes.STRENGTH_TEST_RECORDED, tenant, subject));
    }

    /** The event as a record of a check file, in binary form. */
    private Map<String, Object> binary(String eventId, ObjectNode data) {
        return Map.of("key", athlete, "headers", RoutineEvents.headers(eventId, EventTypes.STRENGTH_TEST_RECORDED,
                tenant, data.get("testId").asText()), "value", data);
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
