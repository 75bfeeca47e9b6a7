package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.enrol;
import static dev.medius.progress.RoutineEvents.exercise;
import static dev.medius.progress.RoutineEvents.planAssigned;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.sessionId;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class IngestionIT {

    static final String TENANT = "club-ingest";
    static final Duration WAIT = Duration.ofSeconds(30);

    static JsonPath athlete(String coach, String athlete) {
        return given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete)
                .then().extract().jsonPath();
    }

    static int status(String coach, String athlete) {
        return given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete).statusCode();
    }

    static JsonPath asAdmin(String athlete) {
        return given().auth().oauth2(DevTokens.mint("root", TENANT, "admin"))
                .when().get("/api/v1/athletes/{id}/progress", athlete)
                .then().extract().jsonPath();
    }

    @Test
    void adherenceStreakAndVolumeMatchHandComputedFixture() {
        String athlete = "athlete-" + uuid();
        String coach = "coach-" + uuid();
        // five sessions in the last seven days and one still to come
        ObjectNode plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(6), TODAY.minusDays(5),
                TODAY.minusDays(4), TODAY.minusDays(2), TODAY.minusDays(1), TODAY.plusDays(2));
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        // done: 6 days ago (last week), 2 days ago (Monday) and yesterday; the two in between were missed
        ObjectNode first = completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(6), 5.0, 1);
        exercise(first, "glute-bridge", "hinge", List.of("gluteus-maximus"), 3, 10, null);
        ObjectNode monday = completed(sessionId(plan, 3), athlete, coach, TODAY.minusDays(2), 6.0, 2);
        exercise(monday, "lateral-band-walk", "hip-abduction", List.of("gluteus-medius"), 3, 10, null);
        exercise(monday, "side-plank", "plank", List.of("obliques", "gluteus-medius"), 2, null, 30);
        ObjectNode tuesday = completed(sessionId(plan, 4), athlete, coach, TODAY.minusDays(1), 7.0, 3);
        exercise(tuesday, "lateral-band-walk", "hip-abduction", List.of("gluteus-medius"), 2, 12, null);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, first);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, monday);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, tuesday);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_SKIPPED, athlete,
                RoutineEvents.skipped(sessionId(plan, 1), athlete, coach, TODAY.minusDays(5)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                athlete(coach, athlete).getInt("summary.adherence.days7.completed")).isEqualTo(3));
        JsonPath view = athlete(coach, athlete);
        // 3 of 5 scheduled up to today; the session in two days does not count yet
        assertThat(view.getInt("summary.adherence.days7.scheduled")).isEqualTo(5);
        assertThat(view.getDouble("summary.adherence.days7.percent")).isEqualTo(60.0);
        assertThat(view.getDouble("summary.adherence.days30.percent")).isEqualTo(60.0);
        assertThat(view.getDouble("summary.adherence.days90.percent")).isEqualTo(60.0);
        // yesterday and Monday done, the session before missed
        assertThat(view.getInt("summary.streak")).isEqualTo(2);
        assertThat(view.getString("summary.lastActivity")).startsWith(TODAY.minusDays(1).toString());
        assertThat(view.getInt("summary.daysSinceActivity")).isEqualTo(1);
        // this week (from Monday): 3×10 + 2×12 reps, 2×30 s of hold, 3+2+2 sets over two sessions
        assertThat(view.getInt("summary.weeklyVolume.sessions")).isEqualTo(2);
        assertThat(view.getInt("summary.weeklyVolume.sets")).isEqualTo(7);
        assertThat(view.getInt("summary.weeklyVolume.reps")).isEqualTo(54);
        assertThat(view.getInt("summary.weeklyVolume.holdSeconds")).isEqualTo(60);
        assertThat(view.getList("summary.rpe.points.value", Double.class)).containsExactly(5.0, 6.0, 7.0);
        assertThat(view.getString("summary.rpe.direction")).isEqualTo("rising");
        assertThat(view.getList("summary.pain.points.value", Double.class)).containsExactly(1.0, 2.0, 3.0);
        // weekly series: the last entry is the current week
        int last = view.getList("weeks").size() - 1;
        assertThat(view.getString("weeks[" + last + "].weekStart")).isEqualTo("2026-06-15");
        assertThat(view.getInt("weeks[" + last + "].scheduled")).isEqualTo(2);
        assertThat(view.getInt("weeks[" + last + "].completed")).isEqualTo(2);
        assertThat(view.getInt("weeks[" + (last - 1) + "].scheduled")).isEqualTo(3);
        assertThat(view.getInt("weeks[" + (last - 1) + "].completed")).isEqualTo(1);
        assertThat(view.getInt("weeks[" + (last - 1) + "].reps")).isEqualTo(30);
        assertThat(view.getInt("weeks[" + (last - 1) + "].skipped")).isEqualTo(1);
        assertThat(view.getInt("weeks[" + last + "].skipped")).isZero();
        Map<String, Object> band = view.getMap("exercises.find { it.key == 'lateral-band-walk' }");
        assertThat(view.getInt("exercises.find { it.key == 'lateral-band-walk' }.weeks[" + last + "].reps")).isEqualTo(54);
        assertThat(band).isNotNull();
        // gluteus medius works in both exercises; obliques only in the plank
        assertThat(view.getInt("muscles.find { it.key == 'gluteus-medius' }.weeks[" + last + "].reps")).isEqualTo(54);
        assertThat(view.getInt("muscles.find { it.key == 'gluteus-medius' }.weeks[" + last + "].holdSeconds")).isEqualTo(60);
        assertThat(view.getInt("muscles.find { it.key == 'obliques' }.weeks[" + last + "].holdSeconds")).isEqualTo(60);
        assertThat(view.getInt("patterns.find { it.key == 'hip-abduction' }.weeks[" + last + "].sets")).isEqualTo(5);
    }

    @Test
    void exerciseTextIsStoredAsSentWhateverItsCharacters() {
        String athlete = "athlete-" + uuid();
        String coach = "coach-" + uuid();
        // volume rows are written with COPY, whose text format gives tabs, line breaks, backslashes and \N meanings
        String exerciseId = "band\\walk\tleft";
        String name = "Band walk\nleft \\N \"side\"\r";
        // only a plan puts the athlete on the coach's roster
        enrol(TENANT, athlete, coach);
        ObjectNode session = exercise(completed(uuid(), athlete, coach, TODAY, 5.0, 1), exerciseId, "hip\tabduction",
                List.of("gluteus\\medius", "\\N"), 2, 10, null);
        ((ObjectNode) session.get("exercises").get(0)).put("name", name);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, session);

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                athlete(coach, athlete).getInt("summary.weeklyVolume.reps")).isEqualTo(20));
        JsonPath view = athlete(coach, athlete);
        assertThat(view.getList("exercises.key", String.class)).containsExactly(exerciseId);
        assertThat(view.getList("exercises.name", String.class)).containsExactly(name);
        assertThat(view.getList("patterns.key", String.class)).containsExactly("hip\tabduction");
        assertThat(view.getList("muscles.key", String.class)).containsExactlyInAnyOrder("gluteus\\medius", "\\N");
    }

    @Test
    void manyEventsAreAppliedInBatchesAndAllCount() {
        String athlete = "athlete-" + uuid();
        String coach = "coach-" + uuid();
        // only a plan puts the athlete on the coach's roster
        enrol(TENANT, athlete, coach);
        List<ObjectNode> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            sessions.add(exercise(completed(uuid(), athlete, coach, TODAY, 5.0, 1), "dead-bug", "anti-extension",
                    List.of("rectus-abdominis"), 1, 2, null));
        }
        RoutineEvents.sendAll(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, sessions);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                athlete(coach, athlete).getInt("summary.weeklyVolume.sessions")).isEqualTo(600));
        assertThat(athlete(coach, athlete).getInt("summary.weeklyVolume.reps")).isEqualTo(1200);
        // records arrive several to a transaction, not one by one
        String metrics = given().auth().oauth2(DevTokens.mint("prometheus", TENANT, "admin")).when().get("/q/metrics").then().statusCode(200).extract().asString();
        double largest = metrics.lines().filter(l -> l.startsWith("medius_progress_batch_size_max{mode=\"live\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max().orElse(0);
        assertThat(largest).isGreaterThan(1.0);
    }

    @Test
    void completionsOfAthletesOnEveryPartitionAllCount() {
        String coach = "coach-" + uuid();
        List<String> athletes = java.util.stream.IntStream.range(0, 24).mapToObj(i -> "athlete-" + uuid()).toList();
        // keyed by athlete, they spread over the four partitions: each poll is applied in lanes side by side
        for (String athlete : athletes) {
            // only a plan puts the athlete on the coach's roster
            enrol(TENANT, athlete, coach);
            List<ObjectNode> sessions = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sessions.add(exercise(completed(uuid(), athlete, coach, TODAY, 5.0, 1), "clamshell", "hip-abduction",
                        List.of("gluteus-medius"), 2, 3, null));
            }
            RoutineEvents.sendAll(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, sessions);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String athlete : athletes) {
                JsonPath view = athlete(coach, athlete);
                assertThat(view.getInt("summary.weeklyVolume.sessions")).as(athlete).isEqualTo(5);
                assertThat(view.getInt("summary.weeklyVolume.reps")).as(athlete).isEqualTo(30);
            }
        });
    }

    @Test
    void plainProducerEventsShowUpOnTheCoachDashboard() {
        String athlete = "athlete-" + uuid();
        String coach = "coach-" + uuid();
        ObjectNode plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(1));
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete,
                completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(1), 6.0, 1));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath dashboard = given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                    .when().get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
            assertThat(dashboard.getList("athletes.athleteId")).containsExactly(athlete);
            assertThat(dashboard.getDouble("athletes[0].adherence.days7.percent")).isEqualTo(100.0);
            assertThat(dashboard.getString("coach")).isEqualTo(coach);
        });
    }

    @Test
    void sameEventSentThreeTimesCountsOnce() {
        String athlete = "athlete-" + uuid();
        String coach = "coach-" + uuid();
        ObjectNode plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(3), TODAY.minusDays(2));
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        ObjectNode done = completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(3), 6.0, 1);
        exercise(done, "glute-bridge", "hinge", List.of("gluteus-maximus"), 2, 10, null);
        String id = uuid();
        for (int i = 0; i < 3; i++) {
            RoutineEvents.sendWithId(id, Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, done);
        }
        // a marker after the copies: once it is in, the copies have been processed too (same partition)
        ObjectNode marker = completed(sessionId(plan, 1), athlete, coach, TODAY.minusDays(2), 6.0, 1);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, marker);

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                athlete(coach, athlete).getInt("summary.adherence.days7.completed")).isEqualTo(2));
        JsonPath view = athlete(coach, athlete);
        assertThat(view.getInt("summary.adherence.days7.scheduled")).isEqualTo(2);
        int last = view.getList("weeks").size() - 1;
        assertThat(view.getInt("weeks[" + (last - 1) + "].reps")).isEqualTo(20);
        assertThat(view.getList("summary.rpe.points")).hasSize(2);
        // the same identity and content is a duplicate, not a conflict
        assertThat(RoutineEvents.readAll(Topics.ROUTINE_SESSIONS_DLQ, athlete)).isEmpty();
    }

    @Test
    void brokenRecordsGoToTheDeadLetterTopicAndLaterEventsAreProcessed() {
        String athlete = "athlete-" + uuid();
        String coach = "coach-" + uuid();
        ObjectNode plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(1));
        Map<String, String> headers = RoutineEvents.headers(uuid(), EventTypes.SESSION_COMPLETED, TENANT, athlete);
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, athlete, "{not json", headers);
        ObjectNode invalid = completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(1), 6.0, 1);
        invalid.remove("completedAt");
        invalid.put("sessionRpe", 14);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, invalid);
        send(Topics.ROUTINE_SESSIONS, TENANT, "session.teleported.v1", athlete, invalid);
        Map<String, String> noTenant = new java.util.HashMap<>(
                RoutineEvents.headers(uuid(), EventTypes.SESSION_COMPLETED, TENANT, athlete));
        noTenant.remove("ce_tenantid");
        RoutineEvents.send(Topics.ROUTINE_SESSIONS, athlete, "{}", noTenant);
        // valid events after the broken ones
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete,
                completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(1), 6.0, 1));

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                RoutineEvents.readAll(Topics.ROUTINE_SESSIONS_DLQ, athlete)).hasSize(4));
        List<ConsumerRecord<String, String>> dead = RoutineEvents.readAll(Topics.ROUTINE_SESSIONS_DLQ, athlete);
        assertThat(dead.get(0).value()).isEqualTo("{not json");
        assertThat(RoutineEvents.header(dead.get(0), "ce_id")).isEqualTo(headers.get("ce_id"));
        assertThat(RoutineEvents.header(dead.get(0), "medius-dlq-reason")).startsWith("value is not JSON");
        assertThat(RoutineEvents.header(dead.get(0), "medius-dlq-topic")).isEqualTo(Topics.ROUTINE_SESSIONS);
        assertThat(RoutineEvents.header(dead.get(0), "medius-dlq-partition")).isNotNull();
        assertThat(RoutineEvents.header(dead.get(0), "medius-dlq-offset")).matches("\\d+");
        assertThat(RoutineEvents.header(dead.get(1), "medius-dlq-reason")).startsWith("schema violations")
                .contains("completedAt");
        assertThat(RoutineEvents.header(dead.get(1), "ce_type")).isEqualTo(EventTypes.SESSION_COMPLETED);
        assertThat(RoutineEvents.header(dead.get(2), "medius-dlq-reason")).contains("unknown event type");
        assertThat(RoutineEvents.header(dead.get(3), "medius-dlq-reason")).isEqualTo("missing header ce_tenantid");
        assertThat(dead).allSatisfy(r -> assertThat(RoutineEvents.header(r, "medius-dlq-category")).isEqualTo("contract"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                athlete(coach, athlete).getDouble("summary.adherence.days7.percent")).isEqualTo(100.0));
    }

    @Test
    void completionBeforeItsPlanAssignmentEndsWithTheRightAdherence() {
        String athlete = "athlete-" + uuid();
        String coach = "coach-" + uuid();
        ObjectNode plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(4), TODAY.minusDays(2));
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete,
                completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(4), 6.0, 1));
        // the completion is in before the plan exists: the organisation's admin sees it, the coach it names does not
        await().atMost(WAIT).ignoreExceptions().until(() -> asAdmin(athlete).getString("summary.lastActivity") != null);
        assertThat(asAdmin(athlete).getInt("summary.adherence.days7.scheduled")).isZero();
        assertThat(status(coach, athlete)).isEqualTo(404);

        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath view = athlete(coach, athlete);
            assertThat(view.getInt("summary.adherence.days7.scheduled")).isEqualTo(2);
            assertThat(view.getDouble("summary.adherence.days7.percent")).isEqualTo(50.0);
        });
    }

    @Test
    void planChangeBeforeItsAssignmentAndCancellationGiveTheSameSchedule() {
        String athlete = "athlete-" + uuid();
        String coach = "coach-" + uuid();
        String assignment = uuid();
        ObjectNode plan = planAssigned(assignment, athlete, coach, TODAY.minusDays(6), TODAY.minusDays(4),
                TODAY.minusDays(2), TODAY.minusDays(1));
        // from 3 days ago the change keeps one session; from yesterday the assignment is cancelled
        ObjectNode change = RoutineEvents.JSON.createObjectNode();
        change.put("assignmentId", assignment).put("planId", plan.get("planId").asText()).put("athleteId", athlete)
                .put("coachId", coach).put("effectiveFrom", TODAY.minusDays(3).toString());
        ArrayNode replaced = RoutineEvents.sessions(TODAY.minusDays(3));
        change.set("sessions", replaced);
        ObjectNode cancel = RoutineEvents.JSON.createObjectNode();
        cancel.put("assignmentId", assignment).put("planId", plan.get("planId").asText()).put("athleteId", athlete)
                .put("coachId", coach).put("cancelledFrom", TODAY.minusDays(1).toString());
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_CANCELLED, athlete, cancel);
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_CHANGED, athlete, change);
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete,
                completed(replaced.get(0).get("sessionId").asText(), athlete, coach, TODAY.minusDays(3), 6.0, 1));

        // left: 6 and 4 days ago from the assignment, 3 days ago from the change (done)
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath view = athlete(coach, athlete);
            assertThat(view.getInt("summary.adherence.days7.scheduled")).isEqualTo(3);
            assertThat(view.getInt("summary.adherence.days7.completed")).isEqualTo(1);
            assertThat(view.getDouble("summary.adherence.days7.percent")).isEqualTo(33.3);
            assertThat(view.getInt("summary.streak")).isEqualTo(1);
        });
    }
}
