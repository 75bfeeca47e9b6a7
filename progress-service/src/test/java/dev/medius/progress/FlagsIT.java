package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.planAssigned;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.sessionId;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class FlagsIT {

    static final String TENANT = "club-flags";
    static final Duration WAIT = Duration.ofSeconds(30);

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    final String athlete = "athlete-" + uuid();
    final String coach = "coach-" + uuid();

    List<String> flags() {
        return given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete)
                .then().extract().jsonPath().getList("summary.flags.kind", String.class);
    }

    JsonPath progress() {
        return given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete).then().extract().jsonPath();
    }

    /** Assigns a plan of one session on each date; returns its plan.assigned.v1 data. */
    ObjectNode assign(LocalDate... dates) {
        ObjectNode plan = planAssigned(uuid(), athlete, coach, dates);
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        return plan;
    }

    /** Completes the plan's sessions {@code from} (included) to {@code to} (excluded) on their scheduled days. */
    void completeAsScheduled(ObjectNode plan, int from, int to, Double rpe, int... pain) {
        for (int i = from; i < to; i++) {
            send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, completed(sessionId(plan, i),
                    athlete, coach, LocalDate.parse(plan.get("sessions").get(i).get("scheduledDate").asText()), rpe,
                    pain[Math.min(i - from, pain.length - 1)]));
        }
    }

    /** Only a plan puts the athlete on the coach's roster: one with nothing scheduled, for tests of sessions alone. */
    void enrol() {
        RoutineEvents.enrol(TENANT, athlete, coach);
    }

    void complete(LocalDate day, Double rpe, Integer pain) {
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete,
                completed(uuid(), athlete, coach, day, rpe, pain));
    }

    /** Waits for the flag to be raised and then cleared on the alerts topic, checks both against the contract. */
    void assertRaisedThenCleared(String kind) throws Exception {
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> alerts = published(kind);
            assertThat(alerts).extracting(a -> a.get("type").asText())
                    .containsSubsequence(EventTypes.ATHLETE_FLAGGED, EventTypes.ATHLETE_UNFLAGGED);
        });
        List<JsonNode> alerts = alerts(kind);
        JsonNode raised = alerts.stream().filter(a -> a.get("type").asText().equals(EventTypes.ATHLETE_FLAGGED))
                .findFirst().orElseThrow().get("data");
        JsonNode cleared = alerts.stream().filter(a -> a.get("type").asText().equals(EventTypes.ATHLETE_UNFLAGGED))
                .findFirst().orElseThrow().get("data");
        assertThat(EventSchemas.violations(EventTypes.ATHLETE_FLAGGED, raised)).isEmpty();
        assertThat(EventSchemas.violations(EventTypes.ATHLETE_UNFLAGGED, cleared)).isEmpty();
        assertThat(raised.get("athleteId").asText()).isEqualTo(athlete);
        assertThat(raised.get("coachId").asText()).isEqualTo(coach);
        assertThat(cleared.get("flagId").asText()).isEqualTo(raised.get("flagId").asText());
    }

    /** The athlete's alerts of the kind, opened with the athlete's key; waits for the first to be published. */
    List<JsonNode> alerts(String kind) {
        List<List<JsonNode>> found = new java.util.ArrayList<>();
        await().atMost(WAIT).until(() -> {
            found.add(0, published(kind));
            return !found.get(0).isEmpty();
        });
        return found.get(0);
    }

    private List<JsonNode> published(String kind) throws Exception {
        List<JsonNode> result = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : RoutineEvents.readAll(Topics.PROGRESS_ALERTS, athlete)) {
            JsonNode data = RoutineEvents.JSON.readTree(r.value());
            if (kind.equals(data.get("kind").asText())) {
                ObjectNode alert = RoutineEvents.JSON.createObjectNode();
                alert.put("type", RoutineEvents.header(r, "ce_type"));
                alert.put("tenant", RoutineEvents.header(r, "ce_tenantid"));
                alert.set("data", data);
                result.add(alert);
            }
        }
        return result;
    }

    @Test
    void whileRoutineServiceCannotGiveAKeyTheFlagIsRaisedAndItsEventWaitsInTheOutbox() throws Exception {
        enrol();
        RoutineStandIn.away(true);
        try {
            complete(TODAY.minusDays(1), 6.0, 8);
            await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).contains("pain-high"));
            await().atMost(WAIT).until(() -> waitingWithAReason() > 0);
            assertThat(published("pain-high")).isEmpty();
        } finally {
            RoutineStandIn.away(false);
        }
        JsonNode raised = alerts("pain-high").get(0).get("data");
        assertThat(raised.get("athleteId").asText()).isEqualTo(athlete);
        assertThat(raised.get("reason").asText()).contains("8/10");
        await().atMost(WAIT).until(() -> waitingWithAReason() == 0);
    }

    /** The athlete's events still in the outbox after the relay tried them. */
    long waitingWithAReason() throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE message_key = ? AND published_at IS NULL AND last_error IS NOT NULL")) {
            st.setString(1, athlete);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aRedFlagInAMorningCheckInRaisesSeeAClinicianOnTheAlertsTopic() throws Exception {
        enrol();
        ObjectNode morning = RoutineEvents.checkIn(uuid(), athlete, TODAY);
        morning.putArray("redFlags").add("locking");
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.WELLNESS_CHECKED_IN, athlete, morning);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).containsExactly("see-a-clinician"));
        JsonNode raised = alerts("see-a-clinician").get(0).get("data");
        assertThat(EventSchemas.violations(EventTypes.ATHLETE_FLAGGED, raised)).isEmpty();
        assertThat(raised.get("severity").asText()).isEqualTo("high");
        assertThat(raised.get("reason").asText()).isEqualTo("red flag in the check-in of " + TODAY
                + " (locking): a clinician should assess before training");
        // the coach's roster puts the athlete first, with the flag
        assertThat(given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach")).when().get("/api/v1/dashboard")
                .then().extract().jsonPath().getList("athletes[0].flags.kind", String.class)).contains("see-a-clinician");
    }

    @Test
    void painAtTheCeilingStaysRaisedThroughAPainFreeSessionOfTheSameWeek() throws Exception {
        enrol();
        complete(TODAY.minusDays(9), 6.0, 7);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).contains("pain-high"));
        JsonNode raised = alerts("pain-high").get(0);
        assertThat(raised.get("tenant").asText()).isEqualTo(TENANT);
        assertThat(raised.get("data").get("severity").asText()).isEqualTo("high");
        assertThat(raised.get("data").get("value").asDouble()).isEqualTo(7.0);
        assertThat(raised.get("data").get("threshold").asDouble()).isEqualTo(5.0);

        // two days later, pain-free: the 7/10 of the same week still stands
        complete(TODAY.minusDays(7), 6.0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().getList("summary.pain.points")).hasSize(2));
        await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> assertThat(flags()).contains("pain-high"));

        // a week of training later the report is no longer recent
        complete(TODAY, 6.0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).doesNotContain("pain-high"));
        assertRaisedThenCleared("pain-high");
    }

    @Test
    void everyPassIsCountedAndNothingIsLeftPendingOnceAFlagIsRaised() {
        double touchedBefore = metric("medius_flags_evaluations_seconds_count{pass=\"touched\"");
        enrol();
        complete(TODAY.minusDays(2), 6.0, 8);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).contains("pain-high"));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(metric("medius_flags_evaluations_seconds_count{pass=\"touched\"")).isGreaterThan(touchedBefore);
            // the first periodic pass after start evaluates every rule
            assertThat(metric("medius_flags_evaluations_seconds_count{pass=\"full\"")).isEqualTo(1.0);
            assertThat(metric("medius_flags_pending")).isZero();
        });
    }

    static double metric(String prefix) {
        String metrics = given().auth().oauth2(DevTokens.mint("prometheus", TENANT, "admin")).when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void painTwoPointsAboveTheAthletesOwnBaselineRaisesAndClearsOnceItSettles() throws Exception {
        enrol();
        complete(TODAY.minusDays(30), 5.0, 1);
        complete(TODAY.minusDays(28), 5.0, 1);
        complete(TODAY.minusDays(26), 5.0, 1);
        complete(TODAY.minusDays(12), 5.0, 3);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).containsExactly("pain-rising"));
        assertThat(alerts("pain-rising").get(0).get("data").get("reason").asText())
                .contains("against a usual 1/10 (median of 3 earlier reports)");

        complete(TODAY.minusDays(1), 5.0, 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
        assertRaisedThenCleared("pain-rising");
    }

    @Test
    void painOfThreeOverThreeSessionsRaisesAndAPainFreeSessionClears() throws Exception {
        enrol();
        complete(TODAY.minusDays(20), 5.0, 3);
        complete(TODAY.minusDays(18), 5.0, 4);
        complete(TODAY.minusDays(16), 5.0, 3);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).containsExactly("pain-persisting"));

        complete(TODAY.minusDays(14), 5.0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
        assertRaisedThenCleared("pain-persisting");
    }

    @Test
    void aSkipForIllnessRaisesForAWeekAndOtherReasonsDoNot() throws Exception {
        ObjectNode plan = assign(TODAY.minusDays(2), TODAY.minusDays(1), TODAY.plusDays(2));
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_SKIPPED, athlete,
                RoutineEvents.skipped(sessionId(plan, 0), athlete, coach, TODAY.minusDays(2)));
        ObjectNode flu = RoutineEvents.skipped(sessionId(plan, 1), athlete, coach, TODAY.minusDays(1));
        flu.put("reason", "Gripe, en cama");
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_SKIPPED, athlete, flu);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).contains("injury-or-illness"));
        JsonNode raised = alerts("injury-or-illness").get(0).get("data");
        assertThat(raised.get("severity").asText()).isEqualTo("high");
        assertThat(raised.get("reason").asText())
                .isEqualTo("skipped the session of " + TODAY.minusDays(1) + " for illness: \"Gripe, en cama\"");
        try {
            FixedClock.advance(7);
            await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).doesNotContain("injury-or-illness"));
            assertRaisedThenCleared("injury-or-illness");
        } finally {
            FixedClock.reset();
        }
    }

    @Test
    void anAthleteWhoDidEverythingIsNotFlaggedOnATrainingMorningBeforeLogging() {
        ObjectNode plan = assign(TODAY.minusDays(19), TODAY.minusDays(16), TODAY.minusDays(12), TODAY.minusDays(9),
                TODAY.minusDays(5), TODAY.minusDays(2), TODAY, TODAY.plusDays(2));
        completeAsScheduled(plan, 0, 6, 6.0, 1);
        await().atMost(WAIT).ignoreExceptions().untilAsserted(
                () -> assertThat(progress().getInt("summary.adherence.days30.completed")).isEqualTo(6));
        // this morning's session is not due yet: nothing was missed
        assertThat(progress().getInt("summary.adherence.days7.scheduled")).isEqualTo(2);
        assertThat(progress().getDouble("summary.adherence.days7.percent")).isEqualTo(100.0);
        assertThat(progress().getDouble("summary.adherence.days30.percent")).isEqualTo(100.0);
        await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
    }

    /** A morning check-in without pain: sleep quality, energy and mood as given, the rest at 4/5 and 8 h of sleep. */
    void morning(LocalDate day, String at, int sleepQuality, int energy, int mood) {
        ObjectNode checkIn = RoutineEvents.checkIn(uuid(), athlete, day);
        checkIn.put("recordedAt", day + "T" + at + "Z").put("sleepQuality", sleepQuality).put("energy", energy)
                .put("soreness", 4).put("stress", 4).put("mood", mood).put("sleepHours", 8.0);
        checkIn.putArray("pain");
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.WELLNESS_CHECKED_IN, athlete, checkIn);
    }

    @Test
    void threeMorningsBelowTheAthletesUsualRaiseReadinessLowAndAUsualMorningClears() throws Exception {
        enrol();
        for (int daysAgo = 12; daysAgo >= 3; daysAgo--) {
            morning(TODAY.minusDays(daysAgo), "06:30:00", 4, 4, 4);
        }
        morning(TODAY.minusDays(2), "06:30:00", 4, 2, 2);
        morning(TODAY.minusDays(1), "06:30:00", 4, 2, 2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().getList("readiness.checkIns")).hasSize(12));
        assertThat(flags()).doesNotContain("readiness-low");
        morning(TODAY, "06:30:00", 4, 2, 2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).containsExactly("readiness-low"));
        JsonNode raised = alerts("readiness-low").get(0).get("data");
        assertThat(raised.get("severity").asText()).isEqualTo("medium");
        assertThat(raised.get("reason").asText()).startsWith("readiness below the usual in each of the last 3 check-ins, from "
                + TODAY.minusDays(2) + " to " + TODAY + "; on " + TODAY + ": energy 2/5 against a usual ");
        // a second check-in this morning, in line with the usual, is the one that counts for today
        morning(TODAY, "07:45:00", 4, 4, 4);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).doesNotContain("readiness-low"));
        assertRaisedThenCleared("readiness-low");
    }

    @Test
    void aWeekOfHarderSessionsAfterSixSteadyOnesRaisesLoadSpikeWithTheLoadViewsRatio() throws Exception {
        enrol();
        for (int daysAgo = 48; daysAgo >= 0; daysAgo--) {
            ObjectNode session = completed(uuid(), athlete, coach, TODAY.minusDays(daysAgo), daysAgo < 7 ? 8.0 : 5.0, null);
            session.put("durationMinutes", daysAgo < 7 ? 60 : 30);
            send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, session);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).contains("load-spike"));
        JsonPath load = given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/load", athlete).then().statusCode(200).extract().jsonPath();
        assertThat(load.getString("latest.signal")).isEqualTo("spike");
        JsonNode raised = alerts("load-spike").get(0).get("data");
        assertThat(EventSchemas.violations(EventTypes.ATHLETE_FLAGGED, raised)).isEmpty();
        assertThat(raised.get("severity").asText()).isEqualTo("low");
        assertThat(raised.get("value").asDouble()).isEqualTo(load.getDouble("latest.ratio"));
        assertThat(raised.get("threshold").asDouble()).isEqualTo(1.5);
        assertThat(raised.get("reason").asText()).startsWith("acute:chronic load ratio "
                + String.format(java.util.Locale.ROOT, "%.2f", load.getDouble("latest.ratio")) + " today");
    }

    @Test
    void sessionRpeOfNineThreeTimesRunningRaisesAndAnEasierSessionClears() throws Exception {
        enrol();
        complete(TODAY.minusDays(3), 9.0, 0);
        complete(TODAY.minusDays(2), 9.5, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete).then().extract().jsonPath()
                .getList("summary.rpe.points")).hasSize(2));
        assertThat(flags()).doesNotContain("effort-high");
        complete(TODAY.minusDays(1), 9.0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).containsExactly("effort-high"));

        complete(TODAY, 6.0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
        assertRaisedThenCleared("effort-high");
    }

    @Test
    void adherenceDownTwentyPointsRaisesAndCatchingUpClears() throws Exception {
        ObjectNode plan = assign(TODAY.minusDays(30), TODAY.minusDays(20), TODAY.minusDays(10), TODAY.minusDays(5),
                TODAY.minusDays(3));
        completeAsScheduled(plan, 0, 3, 5.0, 0);
        // 100% in the 30 days before the last 7, 0% in the last 7: down 100 points. Flags are evaluated a moment
        // after ingestion, so the athlete may be visible with no such flag yet (the value is then missing)
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete).then().extract().jsonPath()
                .getDouble("summary.flags.find { it.kind == 'adherence-drop' }.value")).isEqualTo(100.0));
        assertThat(alerts("adherence-drop").get(0).get("data").get("value").asDouble()).isGreaterThanOrEqualTo(20.0);

        completeAsScheduled(plan, 3, 5, 5.0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
        assertRaisedThenCleared("adherence-drop");
    }

    /** A plan of a session every three days from twelve days ago, the first of them completed. */
    ObjectNode everyThreeDaysFirstDone() {
        ObjectNode plan = assign(TODAY.minusDays(12), TODAY.minusDays(9), TODAY.minusDays(6), TODAY.minusDays(3), TODAY,
                TODAY.plusDays(3));
        completeAsScheduled(plan, 0, 1, 5.0, 0);
        return plan;
    }

    @Test
    void scheduledSessionsGoneByWithoutACompletionRaiseInactivityAndANewSessionClears() throws Exception {
        ObjectNode plan = everyThreeDaysFirstDone();
        // a periodic pass may see the plan before the completion: wait for the flag to say what both give
        String expected = "no completed session for 12 days (last on " + TODAY.minusDays(12) + "); 3 scheduled sessions missed";
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress()
                .getString("summary.flags.find { it.kind == 'inactive' }.reason")).isEqualTo(expected));
        assertThat(progress().getDouble("summary.flags.find { it.kind == 'inactive' }.value")).isEqualTo(12.0);
        JsonNode raised = alerts("inactive").get(0).get("data");
        assertThat(raised.get("severity").asText()).isEqualTo("low");

        completeAsScheduled(plan, 4, 5, 5.0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).doesNotContain("inactive"));
        assertRaisedThenCleared("inactive");
    }

    @Test
    void anAthleteWhosePlanEndedIsNotInactive() {
        ObjectNode plan = assign(TODAY.minusDays(40), TODAY.minusDays(37), TODAY.minusDays(34), TODAY.minusDays(31),
                TODAY.minusDays(20), TODAY.minusDays(17));
        completeAsScheduled(plan, 0, 4, 5.0, 0);
        await().atMost(WAIT).ignoreExceptions().untilAsserted(
                () -> assertThat(progress().getInt("summary.adherence.days90.completed")).isEqualTo(4));
        await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
    }

    @Test
    void inactivityIsRaisedByThePeriodicEvaluationWhenDaysPassWithoutEvents() throws Exception {
        ObjectNode plan = assign(TODAY, TODAY.plusDays(3), TODAY.plusDays(6), TODAY.plusDays(9));
        completeAsScheduled(plan, 0, 1, 5.0, 0);
        // until the session is ingested the athlete is not found and the answer has no summary to read
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(progress()
                .<Integer>get("summary.daysSinceActivity")).isEqualTo(0));
        assertThat(flags()).isEmpty();
        // the completion's own evaluation is done, so a flag raised from now on is the calendar's
        await().atMost(WAIT).until(() -> metric("medius_flags_pending") == 0.0
                && metric("medius_flags_evaluations_seconds_count{pass=\"full\"") == 1.0);
        double calendarPasses = metric("medius_flags_evaluations_seconds_count{pass=\"calendar\"");
        try {
            // a date no other test moves the clock to, so that the calendar's pass for it is certainly due
            FixedClock.advance(9);
            // no event arrives: only the timer can notice two sessions going by
            await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).contains("inactive"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                    metric("medius_flags_evaluations_seconds_count{pass=\"calendar\"")).isGreaterThan(calendarPasses));
        } finally {
            FixedClock.reset();
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).isEmpty());
        assertRaisedThenCleared("inactive");
    }

    @Test
    void thePeriodicEvaluationKeepsAPainFlagWhileTheCalendarRaisesInactivity() throws Exception {
        ObjectNode plan = assign(TODAY, TODAY.plusDays(3), TODAY.plusDays(6), TODAY.plusDays(9));
        completeAsScheduled(plan, 0, 1, 5.0, 8);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).containsExactly("pain-high"));
        String flagId = alerts("pain-high").get(0).get("data").get("flagId").asText();
        try {
            FixedClock.advance(8);
            await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).contains("pain-high", "inactive"));
        } finally {
            FixedClock.reset();
        }
        // the same flag all along: raised once, never cleared and raised again by a pass of the calendar
        assertThat(alerts("pain-high")).extracting(a -> a.get("type").asText()).containsExactly(EventTypes.ATHLETE_FLAGGED);
        assertThat(alerts("pain-high").get(0).get("data").get("flagId").asText()).isEqualTo(flagId);
    }

    @Test
    void flagsAreSortedByUrgencyOnTheDashboard() {
        ObjectNode plan = assign(TODAY.minusDays(12), TODAY.minusDays(11), TODAY.minusDays(10), TODAY.minusDays(6),
                TODAY.minusDays(3), TODAY.plusDays(2));
        completeAsScheduled(plan, 0, 3, 9.0, 3, 4, 8);
        ObjectNode sprain = RoutineEvents.skipped(sessionId(plan, 5), athlete, coach, TODAY.plusDays(2));
        sprain.put("reason", "sprained ankle").put("recordedAt", TODAY + "T07:00:00Z");
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_SKIPPED, athlete, sprain);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flags()).containsExactly("pain-high", "injury-or-illness",
                "pain-persisting", "effort-high", "adherence-drop", "inactive"));
        List<String> severities = given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath()
                .getList("athletes[0].flags.severity", String.class);
        assertThat(severities).containsExactly("high", "high", "medium", "medium", "medium", "low");
    }
}
