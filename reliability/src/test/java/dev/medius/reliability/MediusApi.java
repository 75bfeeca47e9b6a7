package dev.medius.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;

/** The services' public HTTP API as a coach's organisation uses it, with development tokens of one tenant. */
final class MediusApi {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A shipped exercise that routine-service knows once it has read the catalog. */
    private static final String EXERCISE = "lateral-band-walk";

    /** One scheduled session of one athlete, ready to be recorded. */
    record Due(String athleteId, String sessionId) {
    }

    /** An HTTP answer. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final Platform platform;
    private final String tenant;
    private final String coachToken;
    private final String adminToken;

    MediusApi(Platform platform, String tenant) {
        this.platform = platform;
        this.tenant = tenant;
        this.coachToken = DevTokens.mint("coach-" + tenant, tenant, "coach");
        this.adminToken = DevTokens.mint("admin-" + tenant, tenant, "admin");
    }

    static String newTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String tenant() {
        return tenant;
    }

    String adminToken() {
        return adminToken;
    }

    Answer get(String service, String path) {
        return send(HttpRequest.newBuilder(URI.create(platform.url(service) + path)).GET()
                .header("Accept", "application/json"), coachToken);
    }

    Answer post(String service, String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(platform.url(service) + path))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), coachToken);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any request with any token: {@code body} is sent as JSON when not null. */
    Answer call(String token, String method, String service, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            return send(HttpRequest.newBuilder(URI.create(platform.url(service) + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, publisher), token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Prometheus text of {@code /q/metrics}, read as an administrator. */
    Answer metrics(String service) {
        return send(HttpRequest.newBuilder(URI.create(platform.url(service) + "/q/metrics")).GET()
                .header("Accept", "text/plain"), adminToken);
    }

    private static Answer send(HttpRequest.Builder request, String token) {
        try {
            HttpResponse<String> response = Platform.HTTP.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A template of {@code weeks} weeks with {@code perWeek} sessions each, assigned to {@code athletes} athletes from
     * today; returns every session to record. Waits until routine-service has read the catalog.
     */
    List<Due> assignSessions(String prefix, int athletes, int weeks, int perWeek) {
        ObjectNode template = JSON.createObjectNode().put("title", prefix + " plan");
        template.set("plan", plan(weeks, perWeek));
        String[] templateId = new String[1];
        await("routine-service knows the catalog's exercises").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    Answer saved = post("routine", "/api/v1/templates", template);
                    templateId[0] = saved.status() == 201 ? saved.json().path("id").asText() : null;
                    return templateId[0] != null;
                });
        ObjectNode assignment = JSON.createObjectNode().put("startDate", LocalDate.now(ZoneOffset.UTC).toString());
        ArrayNode ids = assignment.putArray("athleteIds");
        for (int i = 0; i < athletes; i++) {
            ids.add(prefix + "-athlete-" + i);
        }
        Answer assigned = post("routine", "/api/v1/templates/" + templateId[0] + "/assignments", assignment);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        List<Due> due = new ArrayList<>();
        for (JsonNode one : assigned.json()) {
            for (JsonNode session : one.path("sessions")) {
                due.add(new Due(one.path("athleteId").asText(), session.path("sessionId").asText()));
            }
        }
        assertThat(due).hasSize(athletes * weeks * perWeek);
        return due;
    }

    private static ObjectNode plan(int weeks, int perWeek) {
        ObjectNode plan = JSON.createObjectNode().put("title", "Hips, " + weeks + " weeks");
        ArrayNode weekList = plan.putArray("weeks");
        for (int week = 1; week <= weeks; week++) {
            ArrayNode sessions = weekList.addObject().put("number", week).putArray("sessions");
            for (int day = 0; day < perWeek; day++) {
                ObjectNode item = JSON.createObjectNode().put("slug", EXERCISE).put("sets", 1).put("repsMin", 10)
                        .put("repsMax", 12).put("perSide", true);
                ObjectNode session = sessions.addObject().put("dayOffset", (week - 1) * 7 + day).put("title",
                        "Week " + week + " day " + (day + 1));
                session.putArray("blocks").addObject().put("kind", "activation").putArray("items").add(item);
            }
        }
        return plan;
    }

    /** Records the session as done: one set a side of ten reps, effort 5, no pain. */
    Answer complete(Due due) {
        ObjectNode body = JSON.createObjectNode().put("sessionRpe", 5);
        body.putObject("pain").put("score", 0);
        ObjectNode exercise = body.putArray("exercises").addObject().put("exerciseId", EXERCISE);
        ArrayNode sets = exercise.putArray("sets");
        sets.addObject().put("reps", 10).put("side", "left");
        sets.addObject().put("reps", 10).put("side", "right");
        return post("routine", "/api/v1/athletes/" + due.athleteId() + "/sessions/" + due.sessionId() + "/completion",
                body);
    }
}
