package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.routine.support.EventTap;
import dev.medius.routine.support.ExerciseLibrary;
import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** generate → template → assign → edit → complete, over HTTP and the real broker. */
@QuarkusTest
class PlanLifecycleIT {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void catalog() {
        Fixtures.catalogReady();
    }

    @Test
    void generatedPlanAssignedToTwoAthletesThenEditedReachesOnlyFutureSessionsAndCompletionIsPublishedOnce()
            throws Exception {
        String tenant = Fixtures.newTenant();
        String coach = Fixtures.coach(tenant);
        String first = "athlete-" + UUID.randomUUID();
        String second = "athlete-" + UUID.randomUUID();
        LocalDate today = Fixtures.today();
        LocalDate start = today.minusDays(7);

        try (EventTap plans = new EventTap(Topics.ROUTINE_PLANS); EventTap sessions = new EventTap(Topics.ROUTINE_SESSIONS)) {
            // generate and keep as a template
            JsonPath generated = Fixtures.generate(coach, Fixtures.deskWorkerProfile(start));
            Map<String, Object> plan = generated.getMap("$");
            String templateId = Fixtures.createTemplate(coach, "Desk hips", plan);

            // assign to two athletes of a team: one plan.assigned.v1 each, keyed by athlete, with every session
            JsonPath assigned = Fixtures.assign(coach, templateId, List.of(first, second), "team-desk", start);
            assertThat(assigned.getList("athleteId")).containsExactly(first, second);
            for (String athlete : List.of(first, second)) {
                await().atMost(EVENT_WAIT).until(() -> plans.ofType(athlete, EventTypes.PLAN_ASSIGNED).size() == 1);
                EventTap.Event event = plans.ofType(athlete, EventTypes.PLAN_ASSIGNED).get(0);
                assertThat(EventSchemas.violations(EventTypes.PLAN_ASSIGNED, event.data())).isEmpty();
                assertThat(event.tenant()).isEqualTo(tenant);
                assertThat(event.data().get("coachId").asText()).isEqualTo("coach-" + tenant);
                assertThat(event.data().get("teamId").asText()).isEqualTo("team-desk");
                assertThat(event.data().get("sessions")).hasSize(12);
                assertThat(event.data().get("sessions").get(0).get("scheduledDate").asText()).isEqualTo(start.toString());
            }
            List<String> assignedIds = assigned.getList("find { it.athleteId == '" + first + "' }.sessions.sessionId");
            assertThat(plans.ofType(first, EventTypes.PLAN_ASSIGNED).get(0).data().findValuesAsText("sessionId"))
                    .containsExactlyElementsOf(assignedIds);

            JsonPath before = athletePlan(coach, first);

            // edit the template: one more set everywhere
            ObjectNode edited = ExerciseLibrary.JSON.valueToTree(plan);
            edited.findParents("sets").forEach(item -> ((ObjectNode) item).put("sets", item.get("sets").asInt() + 1));
            given().auth().oauth2(coach).contentType(ContentType.JSON)
                    .body(Map.of("title", "Desk hips v2", "plan", edited))
                    .when().put("/api/v1/templates/" + templateId)
                    .then().statusCode(200).body("version", equalTo(2));

            JsonPath after = athletePlan(coach, first);
            List<Map<String, Object>> beforeSessions = before.getList("assignments[0].sessions");
            List<Map<String, Object>> afterSessions = after.getList("assignments[0].sessions");
            int past = 0;
            int future = 0;
            for (int i = 0; i < beforeSessions.size(); i++) {
                LocalDate date = LocalDate.parse((String) beforeSessions.get(i).get("date"));
                assertThat(afterSessions.get(i).get("sessionId")).isEqualTo(beforeSessions.get(i).get("sessionId"));
                List<Integer> oldSets = before.getList("assignments[0].sessions[" + i + "].blocks.items.sets.flatten()", Integer.class);
                List<Integer> newSets = after.getList("assignments[0].sessions[" + i + "].blocks.items.sets.flatten()", Integer.class);
                if (date.isBefore(today)) {
                    past++;
                    assertThat(newSets).as("past session %s", date).isEqualTo(oldSets);
                } else {
                    future++;
                    assertThat(newSets).as("future session %s", date).hasSameSizeAs(oldSets);
                    for (int j = 0; j < oldSets.size(); j++) {
                        assertThat(newSets.get(j)).isEqualTo(oldSets.get(j) + 1);
                    }
                }
            }
            assertThat(past).isPositive();
            assertThat(future).isPositive();
            for (String athlete : List.of(first, second)) {
                await().atMost(EVENT_WAIT).until(() -> plans.ofType(athlete, EventTypes.PLAN_CHANGED).size() == 1);
                JsonNode changed = plans.ofType(athlete, EventTypes.PLAN_CHANGED).get(0).data();
                assertThat(EventSchemas.violations(EventTypes.PLAN_CHANGED, changed)).isEmpty();
                assertThat(changed.get("effectiveFrom").asText()).isEqualTo(today.toString());
                assertThat(changed.get("sessions")).hasSize(future);
            }

            // a completion of a past session, sent twice with the same key: one record, one event, same answer
            String sessionId = (String) beforeSessions.get(0).get("sessionId");
            String item = after.getString("assignments[0].sessions[0].blocks[0].items[0].exerciseId");
            Map<String, Object> completion = Map.of("sessionRpe", 6, "durationMinutes", 19,
                    "pain", Map.of("score", 1, "area", "knee"), "notes", "felt good",
                    "exercises", List.of(Map.of("exerciseId", item, "sets", List.of(
                            Map.of("reps", 10, "side", "left", "band", "light", "rpe", 6),
                            Map.of("reps", 10, "side", "right", "band", "light", "rpe", 6)))));
            String key = UUID.randomUUID().toString();
            Response once = complete(Fixtures.athlete(first, tenant), first, sessionId, key, completion);
            Response twice = complete(Fixtures.athlete(first, tenant), first, sessionId, key, completion);
            assertThat(once.statusCode()).isEqualTo(201);
            assertThat(twice.statusCode()).isEqualTo(201);
            assertThat(twice.jsonPath().getString("recordId")).isEqualTo(once.jsonPath().getString("recordId"));
            assertThat(twice.jsonPath().getString("eventId")).isEqualTo(once.jsonPath().getString("eventId"));
            assertThat(twice.header("Idempotent-Replayed")).isEqualTo("true");

            await().atMost(EVENT_WAIT).until(() -> sessions.ofType(first, EventTypes.SESSION_COMPLETED).size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> sessions.ofType(first, EventTypes.SESSION_COMPLETED).size() == 1);
            EventTap.Event completed = sessions.ofType(first, EventTypes.SESSION_COMPLETED).get(0);
            assertThat(completed.id()).isEqualTo(once.jsonPath().getString("eventId"));
            assertThat(EventSchemas.violations(EventTypes.SESSION_COMPLETED, completed.data())).isEmpty();
            JsonNode done = completed.data();
            assertThat(done.get("sessionId").asText()).isEqualTo(sessionId);
            assertThat(done.get("coachId").asText()).isEqualTo("coach-" + tenant);
            assertThat(done.get("teamId").asText()).isEqualTo("team-desk");
            assertThat(done.get("pain").get("score").asInt()).isEqualTo(1);
            JsonNode logged = done.get("exercises").get(0);
            assertThat(logged.get("exerciseId").asText()).isEqualTo(item);
            assertThat(logged.get("pattern").asText()).isNotBlank();
            assertThat(logged.get("muscles")).isNotEmpty();
            assertThat(logged.get("sets")).hasSize(2);

            // a different key for a session already recorded is a conflict, not a second record
            complete(Fixtures.athlete(first, tenant), first, sessionId, UUID.randomUUID().toString(), completion)
                    .then().statusCode(409);
        }
    }

    @Test
    void calendarFeedHasOneEventPerSessionAndCancellingStopsFutureSessions() {
        String tenant = Fixtures.newTenant();
        String coach = Fixtures.coach(tenant);
        String athlete = "athlete-" + UUID.randomUUID();
        LocalDate today = Fixtures.today();
        String templateId = Fixtures.createTemplate(coach, "Hips, by hand", Fixtures.handMadePlan(2));
        JsonPath assigned = Fixtures.assign(coach, templateId, List.of(athlete), null, today.minusDays(7));
        String assignmentId = assigned.getString("[0].assignmentId");

        String ics = given().auth().oauth2(Fixtures.athlete(athlete, tenant))
                .when().get("/api/v1/athletes/" + athlete + "/plan.ics")
                .then().statusCode(200).contentType(containsString("text/calendar"))
                .extract().asString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("END:VCALENDAR");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(4);
        assertThat(ics).contains("DTSTART;VALUE=DATE:" + today.minusDays(7).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));

        try (EventTap plans = new EventTap(Topics.ROUTINE_PLANS)) {
            given().auth().oauth2(coach).contentType(ContentType.JSON).body(Map.of("reason", "injured"))
                    .when().post("/api/v1/assignments/" + assignmentId + "/cancel")
                    .then().statusCode(200).body("status", equalTo("cancelled"));
            await().atMost(EVENT_WAIT).until(() -> plans.ofType(athlete, EventTypes.PLAN_CANCELLED).size() == 1);
            JsonNode cancelled = plans.ofType(athlete, EventTypes.PLAN_CANCELLED).get(0).data();
            assertThat(EventSchemas.violations(EventTypes.PLAN_CANCELLED, cancelled)).isEmpty();
            assertThat(cancelled.get("cancelledFrom").asText()).isEqualTo(today.toString());
            assertThat(cancelled.get("reason").asText()).isEqualTo("injured");
        }
        JsonPath plan = athletePlan(coach, athlete);
        assertThat(plan.getList("assignments[0].sessions.status")).containsExactly("scheduled", "cancelled", "cancelled");
        given().auth().oauth2(coach).when().delete("/api/v1/assignments/" + assignmentId).then().statusCode(409);
        String after = given().auth().oauth2(coach).when().get("/api/v1/athletes/" + athlete + "/plan.ics")
                .then().statusCode(200).extract().asString();
        assertThat(after.split("BEGIN:VEVENT", -1)).hasSize(2);
    }

    @Test
    void planIsReadableByTheAthleteAndTheirCoachButNotByAnotherAthleteOrAnotherOrganisation() {
        String tenant = Fixtures.newTenant();
        String coach = Fixtures.coach(tenant);
        String athlete = "athlete-" + UUID.randomUUID();
        String templateId = Fixtures.createTemplate(coach, "Hips", Fixtures.handMadePlan(2));
        Fixtures.assign(coach, templateId, List.of(athlete), null, Fixtures.today());

        given().auth().oauth2(Fixtures.athlete(athlete, tenant)).when().get("/api/v1/athletes/" + athlete + "/plan")
                .then().statusCode(200).body("assignments[0].sessions.size()", equalTo(3))
                .body("assignments[0].sessions[0].blocks[0].items[0].slug", equalTo("lateral-band-walk"));
        given().auth().oauth2(coach).when().get("/api/v1/athletes/" + athlete + "/plan").then().statusCode(200);
        given().auth().oauth2(Fixtures.athlete("someone-else", tenant)).when().get("/api/v1/athletes/" + athlete + "/plan")
                .then().statusCode(404);
        given().auth().oauth2(Fixtures.coach(Fixtures.newTenant())).when().get("/api/v1/athletes/" + athlete + "/plan")
                .then().statusCode(404);
        given().auth().oauth2(Fixtures.coach(Fixtures.newTenant())).when().get("/api/v1/templates/" + templateId)
                .then().statusCode(404);
    }

    @Test
    void templatesAreListedPerOrganisationAndOnlyUnassignedOnesCanBeDeleted() {
        String tenant = Fixtures.newTenant();
        String coach = Fixtures.coach(tenant);
        String kept = Fixtures.createTemplate(coach, "Kept", Fixtures.handMadePlan(2));
        String spare = Fixtures.createTemplate(coach, "Spare", Fixtures.handMadePlan(1));
        Fixtures.assign(coach, kept, List.of("athlete-" + UUID.randomUUID()), null, Fixtures.today());

        assertThat(given().auth().oauth2(coach).when().get("/api/v1/templates").then().statusCode(200)
                .extract().jsonPath().getList("id")).containsExactlyInAnyOrder(kept, spare);
        assertThat(given().auth().oauth2(Fixtures.coach(Fixtures.newTenant())).when().get("/api/v1/templates")
                .then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();
        given().auth().oauth2(coach).when().delete("/api/v1/templates/" + kept).then().statusCode(409);
        given().auth().oauth2(coach).when().delete("/api/v1/templates/" + spare).then().statusCode(204);
        given().auth().oauth2(coach).when().get("/api/v1/templates/" + spare).then().statusCode(404);
    }

    private static JsonPath athletePlan(String token, String athlete) {
        return given().auth().oauth2(token).when().get("/api/v1/athletes/" + athlete + "/plan")
                .then().statusCode(200).extract().jsonPath();
    }

    static Response complete(String token, String athlete, String sessionId, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(new HashMap<>(body));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/athletes/" + athlete + "/sessions/" + sessionId + "/completion");
    }
}
