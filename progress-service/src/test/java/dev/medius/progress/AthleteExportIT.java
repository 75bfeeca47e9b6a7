package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.exercise;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.sessionId;
import static dev.medius.progress.RoutineEvents.skipped;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * progress-service's part of an athlete's export holds every row it keeps about them in the organisation (profile,
 * coaches, plan events and schedule, session facts with volume and notes, skips, flags with acknowledgements) and
 * nothing of another athlete of the organisation or of the same id in another one.
 */
@QuarkusTest
class AthleteExportIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    final String tenant = "club-export-" + uuid();
    final String elsewhere = "club-elsewhere-" + uuid();
    final String athlete = "athlete-" + uuid();
    final String teammate = "teammate-" + uuid();
    final String stranger = "stranger-" + uuid();
    final String coach = "coach-" + uuid();
    final String notes = "Knee sore on the stairs " + uuid();
    final String teammateNotes = "Teammate's private note " + uuid();
    final String strangerNotes = "Another organisation's note " + uuid();
    final String checkInId = uuid();
    ObjectNode plan;

    /**
     * The athlete: a profile, a plan of three sessions, the first completed with knee pain 8/10 and notes (a pain-high
     * flag, acknowledged with a note), the second skipped. A teammate, and an athlete of another organisation, each
     * with a painful completion and notes of their own.
     */
    @BeforeEach
    void athletes() {
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.ATHLETE_UPDATED, athlete,
                CoachRosterIT.profile(athlete, "Lucía Export", "road-runners", 2));
        plan = RoutineEvents.enrol(tenant, athlete, coach, TODAY.minusDays(2), TODAY.minusDays(1), TODAY.plusDays(2));
        ObjectNode done = completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(2), 7.0, 8);
        done.put("notes", notes);
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_COMPLETED, athlete,
                exercise(done, "lateral-band-walk", "abduction", List.of("gluteus-medius"), 2, 12, null));
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_SKIPPED, athlete,
                skipped(sessionId(plan, 1), athlete, coach, TODAY.minusDays(1)));
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.WELLNESS_CHECKED_IN, athlete,
                RoutineEvents.checkIn(checkInId, athlete, TODAY.minusDays(1)));

        send(Topics.ROUTINE_PLANS, tenant, EventTypes.ATHLETE_UPDATED, teammate,
                CoachRosterIT.profile(teammate, "Ana Teammate", "road-runners", 1));
        ObjectNode theirs = RoutineEvents.enrol(tenant, teammate, coach, TODAY.minusDays(1));
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_COMPLETED, teammate,
                completed(sessionId(theirs, 0), teammate, coach, TODAY.minusDays(1), 5.0, 8).put("notes", teammateNotes));
        ObjectNode strangers = RoutineEvents.enrol(elsewhere, stranger, "coach-elsewhere", TODAY.minusDays(1));
        send(Topics.ROUTINE_SESSIONS, elsewhere, EventTypes.SESSION_COMPLETED, stranger,
                completed(sessionId(strangers, 0), stranger, "coach-elsewhere", TODAY.minusDays(1), 5.0, 9)
                        .put("notes", strangerNotes));

        await().atMost(WAIT).untilAsserted(() -> assertThat(export(admin(tenant), athlete).then().extract().jsonPath()
                .getList("flags.kind", String.class)).contains("pain-high"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(export(admin(tenant), athlete).then().extract().jsonPath()
                .getList("sessions.status", String.class)).containsExactly("completed", "skipped"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(export(admin(tenant), athlete).then().extract().jsonPath()
                .getList("checkIns.checkInId", String.class)).containsExactly(checkInId));
        String flagId = export(admin(tenant), athlete).then().extract().jsonPath()
                .getString("flags.find { it.kind == 'pain-high' }.flagId");
        given().auth().oauth2(DevTokens.mint(coach, tenant, "coach")).contentType("application/json")
                .body("{\"note\": \"Physio booked for Thursday\", \"snoozeDays\": 2}")
                .when().post("/api/v1/athletes/{id}/flags/{flag}/acknowledgement", athlete, flagId)
                .then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> assertThat(export(admin(elsewhere), stranger).then().extract().jsonPath()
                .getList("sessions.notes", String.class)).contains(strangerNotes));
        await().atMost(WAIT).untilAsserted(() -> assertThat(export(admin(tenant), teammate).then().extract().jsonPath()
                .getList("sessions.notes", String.class)).contains(teammateNotes));
    }

    @Test
    void theAthleteExportsEverythingHeldAboutThemAndNothingOfAnyoneElse() {
        Response answer = export(DevTokens.mint(athlete, tenant, "athlete"), athlete);
        answer.then().statusCode(200).contentType("application/json");
        JsonPath export = answer.jsonPath();

        assertThat(export.getString("athleteId")).isEqualTo(athlete);
        assertThat(export.getString("organisation")).isEqualTo(tenant);
        assertThat(export.getString("profile.displayName")).isEqualTo("Lucía Export");
        assertThat(export.getLong("profile.revision")).isEqualTo(2);
        assertThat(export.getString("registeredAt")).isNotNull();
        assertThat(export.getList("coaches", String.class)).containsExactly(coach);
        assertThat(export.getList("planEvents.assignmentId", String.class)).containsExactly(plan.get("assignmentId").asText());
        assertThat(export.getList("planEvents[0].sessions.sessionId", String.class))
                .containsExactly(sessionId(plan, 0), sessionId(plan, 1), sessionId(plan, 2));
        assertThat(export.getList("scheduledSessions.sessionId", String.class))
                .containsExactly(sessionId(plan, 0), sessionId(plan, 1), sessionId(plan, 2));
        assertThat(export.getList("scheduledSessions.completed", Boolean.class)).containsExactly(true, false, false);
        assertThat(export.getList("schedule.date", String.class)).containsExactly(TODAY.minusDays(2).toString(),
                TODAY.minusDays(1).toString(), TODAY.plusDays(2).toString());

        assertThat(export.getList("sessions.sessionId", String.class)).containsExactly(sessionId(plan, 0), sessionId(plan, 1));
        assertThat(export.getInt("sessions[0].painScore")).isEqualTo(8);
        assertThat(export.getString("sessions[0].painArea")).isEqualTo("knee");
        assertThat(export.getDouble("sessions[0].sessionRpe")).isEqualTo(7.0);
        assertThat(export.getString("sessions[0].notes")).isEqualTo(notes);
        assertThat(export.getList("sessions[0].exercises.exerciseId", String.class)).containsExactly("lateral-band-walk");
        assertThat(export.getInt("sessions[0].exercises[0].sets")).isEqualTo(2);
        assertThat(export.getInt("sessions[0].exercises[0].reps")).isEqualTo(24);
        assertThat(export.getList("sessions[0].exercises[0].muscles", String.class)).containsExactly("gluteus-medius");
        assertThat(export.getString("sessions[1].skipReason")).isEqualTo("exam week");
        assertThat(export.getList("recent.sessionIds", String.class)).containsExactly(sessionId(plan, 0));
        assertThat(export.getList("checkIns.checkInId", String.class)).containsExactly(checkInId);
        assertThat(export.getString("checkIns[0].date")).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(export.getInt("checkIns[0].sleepQuality")).isEqualTo(3);
        assertThat(export.getDouble("checkIns[0].sleepHours")).isEqualTo(7.5);
        assertThat(export.getString("checkIns[0].pain[0].area")).isEqualTo("knee");

        assertThat(export.getString("flags.find { it.kind == 'pain-high' }.reason")).contains("8");
        assertThat(export.getString("flags.find { it.kind == 'pain-high' }.acknowledgement.note"))
                .isEqualTo("Physio booked for Thursday");
        assertThat(export.getString("flags.find { it.kind == 'pain-high' }.acknowledgement.acknowledgedBy")).isEqualTo(coach);
        assertThat(export.getList("acknowledgementsOfClearedFlags")).isEmpty();

        String body = answer.asString();
        for (String someoneElse : List.of(teammate, "Ana Teammate", teammateNotes, stranger, strangerNotes, elsewhere,
                "coach-elsewhere")) {
            assertThat(body).as("the export shows nothing of another athlete or organisation").doesNotContain(someoneElse);
        }
        // the organisation's admin exports the same document
        assertThat(export(admin(tenant), athlete).then().statusCode(200).extract().jsonPath().getList("sessions.notes"))
                .isEqualTo(export.getList("sessions.notes"));
    }

    @Test
    void onlyTheAthleteAndTheOrganisationsAdminExport() {
        export(DevTokens.mint(teammate, tenant, "athlete"), athlete).then().statusCode(404)
                .contentType("application/problem+json");
        export(DevTokens.mint(coach, tenant, "coach"), athlete).then().statusCode(403);
        export(DevTokens.mint("head-" + coach, tenant, "head-coach", "coach"), athlete).then().statusCode(403);
        // another organisation's admin finds nothing of the athlete, and this one's nothing of theirs
        export(admin(elsewhere), athlete).then().statusCode(404).contentType("application/problem+json");
        export(DevTokens.mint(athlete, elsewhere, "athlete"), athlete).then().statusCode(404);
        export(admin(tenant), stranger).then().statusCode(404).contentType("application/problem+json");
        String theirs = export(admin(elsewhere), stranger).then().statusCode(200).extract().asString();
        assertThat(theirs).contains(strangerNotes).doesNotContain(notes).doesNotContain(athlete).doesNotContain(coach);
        // an organisation that holds nothing about the athlete answers 404
        export(admin(tenant), "nobody-" + uuid()).then().statusCode(404).contentType("application/problem+json");
    }

    static String admin(String tenant) {
        return DevTokens.mint("admin-" + tenant, tenant, "admin");
    }

    static Response export(String token, String athleteId) {
        return given().auth().oauth2(token).when().get("/api/v1/athletes/{id}/export", athleteId);
    }
}
