package dev.medius.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.kafka.SealedRecords;
import dev.medius.devkit.security.DevTokens;

/**
 * The whole platform where the services meet: an organisation's own exercise travels from
 * catalog-service into routine-service's plans, recorded sessions travel into progress-service's
 * dashboard and alerts, and the trace context of the recording request reaches the ingestion.
 * Everything goes over HTTP (and, for alerts, the broker) against the launched processes.
 */
class EndToEndTest extends LaunchedPlatform {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String tenant = "e2e-club-" + run;
    private final String coachId = "coach-" + run;
    private final String editorToken = DevTokens.mint("editor-" + run, tenant, "editor");
    private final String coachToken = DevTokens.mint(coachId, tenant, "coach");
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void editorsExerciseReachesPlansAndRecordedSessionsReachTheCoachDashboardAndAlerts() throws Exception {
        // the global library, which the generator must leave aside so that it can only pick the new exercise
        List<String> globalSlugs = new ArrayList<>();
        get(url("catalog") + "/api/v1/exercises?size=100", coachToken).json().path("items")
                .forEach(item -> globalSlugs.add(item.path("slug").asText()));
        assertThat(globalSlugs).as("global library").isNotEmpty().hasSizeLessThanOrEqualTo(200);

        String slug = "banded-clamshell-" + run;
        Answer created = post(url("catalog") + "/api/v1/exercises", editorToken, exercise(slug));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String exerciseId = created.json().path("id").asText();
        Answer published = post(url("catalog") + "/api/v1/exercises/" + exerciseId + "/publish", editorToken, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        // plan generation reads only routine-service's copy of the catalog: the plan shows what that copy holds
        ObjectNode profile = JSON.createObjectNode().put("level", "beginner").put("sport", "general")
                .put("sessionsPerWeek", 7).put("minutesPerSession", 20).put("weeks", 1)
                .put("startDate", today.toString());
        profile.putArray("equipment");
        ArrayNode exclusions = profile.putArray("exclusions");
        globalSlugs.forEach(exclusions::add);
        JsonNode plan = await("routine-service's read model has the new exercise").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> post(url("routine") + "/api/v1/plans/generate", coachToken, profile),
                        answer -> answer.status() == 200 && answer.body().contains(exerciseId))
                .json();
        assertThat(plan.findValuesAsText("exerciseId")).as("every exercise of the plan").isNotEmpty()
                .containsOnly(exerciseId);

        ObjectNode template = JSON.createObjectNode().put("title", "Clamshell week " + run);
        template.set("plan", plan);
        Answer saved = post(url("routine") + "/api/v1/templates", coachToken, template);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String sore = "athlete-sore-" + run;
        String steady = "athlete-steady-" + run;
        ObjectNode assignment = JSON.createObjectNode().put("teamId", "squad-" + run).put("startDate", today.toString());
        assignment.putArray("athleteIds").add(sore).add(steady);
        Answer assigned = post(url("routine") + "/api/v1/templates/" + saved.json().path("id").asText() + "/assignments",
                coachToken, assignment);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        assertThat(assigned.json().findValuesAsText("athleteId")).containsExactlyInAnyOrder(sore, steady);

        JsonNode soreSession = todaysSession(sore);
        JsonNode steadySession = todaysSession(steady);
        assertThat(soreSession.findValuesAsText("exerciseId")).contains(exerciseId);
        complete(sore, soreSession, 8, Map.of());
        complete(steady, steadySession, 1, Map.of());

        await("the coach's dashboard shows both athletes' sessions").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Answer dashboard = get(url("progress") + "/api/v1/dashboard", coachToken);
                    assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
                    JsonNode soreRow = row(dashboard.json(), sore);
                    JsonNode steadyRow = row(dashboard.json(), steady);
                    for (JsonNode row : List.of(soreRow, steadyRow)) {
                        assertThat(row.path("adherence").path("days7").path("completed").asInt()).as(row.toString())
                                .isPositive();
                        assertThat(row.path("adherence").path("days7").path("percent").asDouble()).isPositive();
                        assertThat(row.path("weeklyVolume").path("sets").asInt()).as(row.toString()).isPositive();
                        assertThat(row.path("weeklyVolume").path("reps").asInt()).isPositive();
                    }
                    assertThat(soreRow.path("flags").findValuesAsText("kind")).as(soreRow.toString()).contains("pain-high");
                    assertThat(steadyRow.path("flags").findValuesAsText("kind")).doesNotContain("pain-high");
                });

        Answer progress = get(url("progress") + "/api/v1/athletes/" + sore + "/progress?weeks=1", coachToken);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        JsonNode thisWeek = progress.json().path("weeks").path(0);
        assertThat(thisWeek.path("completed").asInt()).as(progress.body()).isEqualTo(1);
        assertThat(thisWeek.path("maxPain").asInt()).isEqualTo(8);
        // an exercise is one series under its slug, however a completion names it (docs/events.md, "Exercises")
        assertThat(progress.json().path("exercises").findValuesAsText("key")).contains(slug);

        try (KafkaConsumer<String, String> alerts = alertsConsumer()) {
            await("athlete.flagged.v1 for the sore athlete on progress.alerts").atMost(Duration.ofSeconds(60))
                    .until(() -> {
                        for (ConsumerRecord<String, String> record : alerts.poll(Duration.ofMillis(500))) {
                            if ("athlete.flagged.v1".equals(header(record, "ce_type"))
                                    && tenant.equals(header(record, "ce_tenantid")) && sore.equals(record.key())) {
                                // the flag's reason quotes the athlete's pain: sealed with their key, which the
                                // organisation's admin fetches from routine-service as an integration would
                                assertThat(record.value()).doesNotContain("pain");
                                JsonNode data = JSON.readTree(SealedRecords.open(record.value(), this::athleteKey)
                                        .orElseThrow());
                                if (sore.equals(data.path("athleteId").asText())
                                        && "pain-high".equals(data.path("kind").asText())) {
                                    assertThat(record.key()).isEqualTo(sore);
                                    return true;
                                }
                            }
                        }
                        return false;
                    });
        }
    }

    @Test
    void recordingRequestsTraceIdReachesProgressServicesIngestionOfThatSession() throws Exception {
        // a hand-made one-session plan with a shipped exercise
        String athlete = "athlete-traced-" + run;
        assignOneSession(coachToken, athlete, "Traced session",
                JSON.createObjectNode().put("slug", "lateral-band-walk").put("sets", 1).put("repsMin", 10), today);

        JsonNode due = todaysSession(athlete);
        String traceId = hex(16);
        complete(athlete, due, 0, Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));

        String sessionId = due.path("sessionId").asText();
        Path log = state.resolve("logs").resolve("progress-service.log");
        await("progress-service logs the ingestion of " + sessionId + " with trace id " + traceId)
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .anyMatch(line -> line.contains(sessionId) && line.contains("traceId=" + traceId)));
    }

    private ObjectNode exercise(String slug) {
        ObjectNode exercise = JSON.createObjectNode().put("slug", slug).put("name", "Banded clamshell " + run)
                .put("summary", "Side-lying clamshell against a mini band, the organisation's own variation.")
                .put("category", "strength").put("pattern", "hip-abduction").put("level", "beginner")
                .put("laterality", "bilateral");
        exercise.putArray("equipment");
        exercise.putObject("prescription").put("sets", 2).put("repsMin", 10).put("repsMax", 12).put("restSeconds", 30);
        exercise.putArray("muscles").addObject().put("muscle", "gluteus-medius").put("role", "primary");
        return exercise;
    }

    /** The athlete's session scheduled for today, read as the coach with what it prescribes. */
    private JsonNode todaysSession(String athlete) throws Exception {
        Answer plan = get(url("routine") + "/api/v1/athletes/" + athlete + "/plan", coachToken);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        for (JsonNode assignment : plan.json().path("assignments")) {
            for (JsonNode session : assignment.path("sessions")) {
                if (today.toString().equals(session.path("date").asText())) {
                    return session;
                }
            }
        }
        throw new AssertionError("no session today for " + athlete + ": " + plan.body());
    }

    /** The coach records the session as done as prescribed, with the given pain score. */
    private void complete(String athlete, JsonNode session, int pain, Map<String, String> headers) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ObjectNode body = JSON.createObjectNode().put("startedAt", now.minusMinutes(20).toString())
                .put("completedAt", now.toString()).put("durationMinutes", 20).put("sessionRpe", 6);
        ObjectNode painReport = body.putObject("pain").put("score", pain);
        if (pain > 0) {
            painReport.put("area", "knee");
        }
        ArrayNode exercises = body.putArray("exercises");
        for (JsonNode block : session.path("blocks")) {
            for (JsonNode item : block.path("items")) {
                ObjectNode done = exercises.addObject().put("exerciseId", item.path("exerciseId").asText())
                        .put("skipped", false);
                ArrayNode sets = done.putArray("sets");
                for (int set = 0; set < item.path("sets").asInt(1); set++) {
                    for (String side : item.path("perSide").asBoolean() ? List.of("left", "right") : List.of("both")) {
                        ObjectNode performed = sets.addObject().put("side", side).put("rpe", 6);
                        if (item.path("holdSeconds").isNumber()) {
                            performed.put("holdSeconds", item.path("holdSeconds").asInt());
                        } else {
                            performed.put("reps", item.path("targetReps").asInt(10));
                        }
                    }
                }
            }
        }
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Idempotency-Key", UUID.randomUUID().toString());
        Answer recorded = post(url("routine") + "/api/v1/athletes/" + athlete + "/sessions/"
                + session.path("sessionId").asText() + "/completion", coachToken, body, all);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    private static JsonNode row(JsonNode dashboard, String athlete) {
        for (JsonNode row : dashboard.path("athletes")) {
            if (athlete.equals(row.path("athleteId").asText())) {
                return row;
            }
        }
        throw new AssertionError(athlete + " not on the dashboard yet: " + dashboard);
    }

    /** An athlete's key as routine-service gives it to the organisation's admin. */
    private byte[] athleteKey(String keyId) {
        try {
            Answer key = get(url("routine") + "/api/v1/athlete-keys/" + keyId, DevTokens.mint("admin-" + run, tenant, "admin"));
            assertThat(key.status()).as(key.body()).isEqualTo(200);
            return Base64.getUrlDecoder().decode(key.json().path("k").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaConsumer<String, String> alertsConsumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, url("kafka"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of("progress.alerts"));
        return consumer;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
