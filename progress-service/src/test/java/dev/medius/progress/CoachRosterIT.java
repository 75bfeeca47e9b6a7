package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Names and teams from routine-service's profiles, a head coach's whole organisation, and acknowledging a flag. */
@QuarkusTest
class CoachRosterIT {

    static final String TENANT = "club-roster-" + uuid().substring(0, 8);
    static final Duration WAIT = Duration.ofSeconds(30);

    final String coach = "coach-" + uuid();
    final String otherCoach = "coach-" + uuid();
    final String athlete = "athlete-" + uuid();

    String token(String subject, String... roles) {
        return DevTokens.mint(subject, TENANT, roles);
    }

    JsonPath roster(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    }

    static ObjectNode profile(String athlete, String name, String team, long revision) {
        ObjectNode p = RoutineEvents.JSON.createObjectNode();
        p.put("athleteId", athlete);
        p.put("displayName", name);
        p.put("teamId", team);
        p.put("teamName", team.replace('-', ' '));
        p.put("sport", "running");
        p.put("revision", revision);
        p.put("updatedAt", "2026-06-10T08:00:00Z");
        return p;
    }

    /** An athlete of the coach with a pain report of 8/10: a pain-high flag. */
    void soreAthlete() {
        RoutineEvents.enrol(TENANT, athlete, coach);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete,
                completed(uuid(), athlete, coach, TODAY.minusDays(1), 6.0, 8));
        await().atMost(WAIT).untilAsserted(() -> assertThat(roster(token(coach, "coach"))
                .getList("athletes.find { it.athleteId == '" + athlete + "' }.flags.kind", String.class)).contains("pain-high"));
    }

    @Test
    void theHighestRevisionOfAProfileNamesTheAthleteWhateverTheOrder() {
        RoutineEvents.enrol(TENANT, athlete, coach);
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.ATHLETE_UPDATED, athlete, profile(athlete, "Lucía Moreno", "road-runners", 3));
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.ATHLETE_UPDATED, athlete, profile(athlete, "Lucia M.", "first-team", 2));
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> profile = roster(token(coach, "coach"))
                    .getMap("athletes.find { it.athleteId == '" + athlete + "' }.profile");
            assertThat(profile).containsEntry("displayName", "Lucía Moreno").containsEntry("teamId", "road-runners")
                    .containsEntry("teamName", "road runners").containsEntry("sport", "running");
        });
        // the older revision arrived after, and is kept out whenever it is processed
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> assertThat(roster(token(coach, "coach"))
                .getString("athletes.find { it.athleteId == '" + athlete + "' }.profile.displayName")).isEqualTo("Lucía Moreno"));
    }

    @Test
    void aProfileOfAnAthleteOfAnotherOrganisationIsDeadLetteredAndChangesNothing() {
        RoutineEvents.enrol(TENANT, athlete, coach);
        await().atMost(WAIT).until(() -> roster(token(coach, "coach")).getList("athletes.athleteId").contains(athlete));
        String outsider = "club-other-" + uuid().substring(0, 8);
        send(Topics.ROUTINE_PLANS, outsider, EventTypes.ATHLETE_UPDATED, athlete, profile(athlete, "Someone Else", "riders", 9));
        await().atMost(WAIT).untilAsserted(() -> assertThat(RoutineEvents.readAll(Topics.ROUTINE_SESSIONS_DLQ, athlete))
                .anySatisfy(r -> assertThat(RoutineEvents.header(r, "medius-dlq-reason")).contains("another organisation")));
        assertThat(roster(token(coach, "coach")).getString("athletes.find { it.athleteId == '" + athlete + "' }.profile"))
                .isNull();
    }

    @Test
    void aHeadCoachSeesEveryAthleteOfTheOrganisationAndACoachOnlyTheirOwn() {
        String own = "athlete-" + uuid();
        RoutineEvents.enrol(TENANT, athlete, coach);
        RoutineEvents.enrol(TENANT, own, otherCoach);
        String head = token("head-" + uuid(), "head-coach");
        await().atMost(WAIT).untilAsserted(() -> assertThat(roster(head).getList("athletes.athleteId", String.class))
                .contains(athlete, own));
        assertThat(roster(token(otherCoach, "coach")).getList("athletes.athleteId", String.class)).contains(own)
                .doesNotContain(athlete);
        given().auth().oauth2(head).when().get("/api/v1/athletes/{id}/progress", athlete).then().statusCode(200);
        given().auth().oauth2(head).when().get("/api/v1/dashboard?coach={c}", otherCoach).then().statusCode(200);
        given().auth().oauth2(token(otherCoach, "coach")).when().get("/api/v1/athletes/{id}/progress", athlete).then()
                .statusCode(404);
        // no reach beyond the organisation
        given().auth().oauth2(DevTokens.mint("head-x", "club-elsewhere", "head-coach")).when()
                .get("/api/v1/athletes/{id}/progress", athlete).then().statusCode(404);
    }

    @Test
    void anAcknowledgedFlagCarriesTheNoteToOtherCoachesIsPublishedAndASnoozeTakesItOutOfTheQueue() throws Exception {
        soreAthlete();
        JsonPath before = roster(token(coach, "coach"));
        String flagId = before.getString("athletes.find { it.athleteId == '" + athlete + "' }.flags[0].flagId");

        JsonPath ack = given().auth().oauth2(token(coach, "coach")).contentType(ContentType.JSON)
                .body(Map.of("note", "Called her: knee after a fall, seeing the physio Friday", "snoozeDays", 3))
                .when().post("/api/v1/athletes/{a}/flags/{f}/acknowledgement", athlete, flagId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(ack.getString("acknowledgedBy")).isEqualTo(coach);
        assertThat(ack.getString("snoozedUntil")).isEqualTo(TODAY.plusDays(3).toString());

        // a head coach opening the dashboard sees who acknowledged it, the note and the snooze
        JsonPath seen = roster(token("head-" + uuid(), "head-coach"));
        String flag = "athletes.find { it.athleteId == '" + athlete + "' }.flags[0]";
        assertThat(seen.getString(flag + ".acknowledgement.note")).startsWith("Called her");
        assertThat(seen.getString(flag + ".acknowledgement.acknowledgedBy")).isEqualTo(coach);
        assertThat(seen.getBoolean(flag + ".snoozed")).isTrue();

        List<ConsumerRecord<String, String>> alerts = RoutineEvents.readAll(Topics.PROGRESS_ALERTS, athlete);
        ConsumerRecord<String, String> event = alerts.stream()
                .filter(r -> EventTypes.FLAG_ACKNOWLEDGED.equals(RoutineEvents.header(r, "ce_type"))).findFirst().orElseThrow();
        JsonNode data = RoutineEvents.JSON.readTree(event.value());
        assertThat(EventSchemas.violations(EventTypes.FLAG_ACKNOWLEDGED, data)).isEmpty();
        assertThat(RoutineEvents.header(event, "ce_subject")).isEqualTo(flagId);
        assertThat(RoutineEvents.header(event, "ce_tenantid")).isEqualTo(TENANT);
        assertThat(data.get("kind").asText()).isEqualTo("pain-high");
        assertThat(data.get("snoozedUntil").asText()).startsWith(TODAY.plusDays(3).toString());
    }

    @Test
    void onlyTheAthletesCoachesMayAcknowledgeAndBadInputNamesTheField() {
        soreAthlete();
        String flagId = roster(token(coach, "coach"))
                .getString("athletes.find { it.athleteId == '" + athlete + "' }.flags[0].flagId");
        String path = "/api/v1/athletes/{a}/flags/{f}/acknowledgement";
        given().auth().oauth2(token(otherCoach, "coach")).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .when().post(path, athlete, flagId).then().statusCode(404);
        given().auth().oauth2(token(athlete, "athlete")).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .when().post(path, athlete, flagId).then().statusCode(403);
        given().auth().oauth2(token(coach, "coach")).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .when().post(path, athlete, uuid()).then().statusCode(404);
        given().auth().oauth2(token(coach, "coach")).contentType(ContentType.JSON).body(Map.of("snoozeDays", 90))
                .when().post(path, athlete, flagId).then().statusCode(400)
                .contentType("application/problem+json").body(org.hamcrest.Matchers.containsString("snoozeDays"));
        given().auth().oauth2(token(coach, "coach")).contentType(ContentType.JSON).body(Map.of("note", "n".repeat(501)))
                .when().post(path, athlete, flagId).then().statusCode(400).body(org.hamcrest.Matchers.containsString("note"));
        // nothing of the refused attempts was kept
        assertThat(roster(token(coach, "coach")).getString("athletes.find { it.athleteId == '" + athlete
                + "' }.flags[0].acknowledgement")).isNull();
    }

    @Test
    void theOrganisationsRosterComesAPageAtATimeFilteredAndMostUrgentFirst() {
        String club = "club-org-" + uuid().substring(0, 8);
        String[] names = { "Ana Ruiz", "Bea Soto", "Carla Vidal", "Diego Paz", "Elena Gil" };
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String id = "athlete-" + uuid();
            ids.add(id);
            RoutineEvents.enrol(club, id, i < 3 ? coach : otherCoach);
            send(Topics.ROUTINE_PLANS, club, EventTypes.ATHLETE_UPDATED, id, profile(id, names[i], i % 2 == 0 ? "riders" : "trail", 1));
        }
        // Elena, last by name, reports pain: she heads the organisation's roster
        send(Topics.ROUTINE_SESSIONS, club, EventTypes.SESSION_COMPLETED, ids.get(4),
                completed(uuid(), ids.get(4), otherCoach, TODAY.minusDays(1), 6.0, 8));
        String head = DevTokens.mint("head-" + uuid(), club, "head-coach");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath first = given().auth().oauth2(head).when().get("/api/v1/organisation/roster?size=2").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(first.getLong("total")).isEqualTo(5);
            assertThat(first.getLong("totalPages")).isEqualTo(3);
            assertThat(first.getList("athletes.profile.displayName")).containsExactly("Elena Gil", "Ana Ruiz");
            assertThat(first.getLong("attention.flagged")).isEqualTo(1);
            assertThat(first.getLong("attention.athletes")).isEqualTo(5);
            assertThat(first.getList("attention.flags.kind")).containsExactly("pain-high");
        });
        assertThat(orgPage(head, "page=2&size=2").getList("athletes.profile.displayName")).containsExactly("Diego Paz");
        assertThat(orgPage(head, "page=3&size=2").getList("athletes")).isEmpty();
        assertThat(orgPage(head, "sort=name&size=2").getList("athletes.profile.displayName")).containsExactly("Ana Ruiz", "Bea Soto");
        assertThat(orgPage(head, "team=trail").getList("athletes.profile.displayName")).containsExactly("Bea Soto", "Diego Paz");
        assertThat(orgPage(head, "flag=pain-high").getList("athletes.athleteId")).containsExactly(ids.get(4));
        assertThat(orgPage(head, "flag=*").getLong("total")).isEqualTo(1);
        assertThat(orgPage(head, "q=VIDAL").getList("athletes.athleteId")).containsExactly(ids.get(2));
        // the same counts for an admin; nothing for a coach, who has their own roster
        assertThat(orgPage(DevTokens.mint("admin-" + uuid(), club, "admin"), "size=5").getLong("total")).isEqualTo(5);
        given().auth().oauth2(DevTokens.mint(coach, club, "coach")).when().get("/api/v1/organisation/roster").then()
                .statusCode(403);
        for (String[] bad : new String[][] { { "size=0", "size" }, { "size=101", "size" }, { "page=x", "page" },
                { "flag=sore", "flag" }, { "sort=pain", "sort" } }) {
            given().auth().oauth2(head).when().get("/api/v1/organisation/roster?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json").body(org.hamcrest.Matchers.containsString(bad[1]));
        }
    }

    JsonPath orgPage(String token, String query) {
        return given().auth().oauth2(token).when().get("/api/v1/organisation/roster?" + query).then().statusCode(200)
                .extract().jsonPath();
    }
}
