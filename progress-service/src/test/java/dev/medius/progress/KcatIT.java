package dev.medius.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An integrator's first day, with a Kafka client that is not Medius code: kcat publishes a plan and sessions in both
 * CloudEvents modes exactly as docs/events.md shows, and the coach's dashboard shows them.
 */
@QuarkusTest
class KcatIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TENANT = "club-kcat";
    static final Duration WAIT = Duration.ofSeconds(60);

    final String athlete = "athlete-" + UUID.randomUUID();
    final String coach = "coach-" + UUID.randomUUID();

    /** Runs kcat as a producer of one record read from a file, with these headers; fails the test if kcat fails. */
    static void kcat(String topic, String key, Map<String, String> headers, String value) throws Exception {
        Path file = Files.createTempFile("event", ".json");
        try {
            Files.writeString(file, value, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("kcat", "-P", "-b",
                    MediusTestInfrastructure.broker().bootstrapServers(), "-t", topic, "-k", key));
            headers.forEach((name, v) -> command.addAll(List.of("-H", name + "=" + v)));
            command.addAll(List.of("-l", file.toString()));
            Process kcat;
            try {
                kcat = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("kcat is needed (Debian package kcat; .ci/run installs it): " + e.getMessage(), e);
            }
            assertThat(kcat.waitFor(60, TimeUnit.SECONDS)).as("kcat ends").isTrue();
            String output = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kcat.exitValue()).as("kcat: " + output).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static Map<String, String> binary(String type, String subject, String time) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/acme/mobile-app", "ce_time", time, "ce_subject", subject, "ce_tenantid", TENANT,
                "content-type", "application/json");
    }

    ObjectNode completion(String session, String day, int pain) {
        ObjectNode d = JSON.createObjectNode().put("sessionId", session).put("athleteId", athlete)
                .put("scheduledDate", day).put("completedAt", day + "T09:30:00Z").put("sessionRpe", 6);
        d.putObject("pain").put("score", pain).put("area", "knee");
        ObjectNode ex = d.putArray("exercises").addObject().put("exerciseId", "lateral-band-walk")
                .put("slug", "lateral-band-walk").put("name", "Lateral band walk");
        ex.putArray("sets").addObject().put("reps", 12);
        return d;
    }

    JsonPath coachView() {
        return given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void sessionsPublishedWithKcatInBothModesReachTheCoachsDashboard() throws Exception {
        String assignment = UUID.randomUUID().toString();
        ObjectNode plan = JSON.createObjectNode().put("assignmentId", assignment).put("planId", UUID.randomUUID().toString())
                .put("athleteId", athlete).put("coachId", coach).put("title", "Hip stability")
                .put("startDate", "2026-06-15").put("endDate", "2026-06-19");
        plan.putArray("sessions").addObject().put("sessionId", UUID.randomUUID().toString())
                .put("scheduledDate", "2026-06-15").put("title", "Session");
        kcat(Topics.ROUTINE_PLANS, athlete, binary(EventTypes.PLAN_ASSIGNED, assignment, "2026-06-14T08:00:00Z"),
                plan.toString());

        String first = UUID.randomUUID().toString();
        kcat(Topics.ROUTINE_SESSIONS, athlete, binary(EventTypes.SESSION_COMPLETED, first, "2026-06-15T09:31:00Z"),
                completion(first, "2026-06-15", 2).toString());

        String second = UUID.randomUUID().toString();
        ObjectNode structured = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("type", EventTypes.SESSION_COMPLETED).put("source", "/acme/mobile-app").put("subject", second)
                .put("time", "2026-06-17T09:31:00Z").put("tenantid", TENANT).put("datacontenttype", "application/json");
        structured.set("data", completion(second, "2026-06-17", 4));
        kcat(Topics.ROUTINE_SESSIONS, athlete, Map.of("content-type", "application/cloudevents+json"),
                structured.toString());

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            JsonPath dashboard = coachView();
            assertThat(dashboard.getList("athletes.athleteId", String.class)).containsExactly(athlete);
            assertThat(dashboard.getList("athletes[0].pain.points.value", Double.class)).containsExactly(2.0, 4.0);
            assertThat(dashboard.getString("athletes[0].lastActivity")).startsWith("2026-06-17T09:30");
        });
        JsonPath progress = given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete).then().statusCode(200).extract().jsonPath();
        assertThat(progress.getList("exercises.key", String.class)).containsExactly("lateral-band-walk");
    }

    @Test
    void aKcatRecordWithoutItsSubjectIsDeadLetteredWithTheReason() throws Exception {
        String session = UUID.randomUUID().toString();
        Map<String, String> headers = new java.util.HashMap<>(binary(EventTypes.SESSION_COMPLETED, session,
                "2026-06-16T09:31:00Z"));
        headers.remove("ce_subject");
        kcat(Topics.ROUTINE_SESSIONS, athlete, headers, completion(session, "2026-06-16", 1).toString());
        await().atMost(WAIT).untilAsserted(() -> assertThat(RoutineEvents.readAll(Topics.ROUTINE_SESSIONS_DLQ, athlete))
                .extracting(r -> RoutineEvents.header(r, "medius-dlq-reason")).containsExactly("missing header ce_subject"));
    }
}
