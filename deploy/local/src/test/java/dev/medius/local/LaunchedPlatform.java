package dev.medius.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Starts the launcher once per test class, the way a developer does (a separate JVM running the three
 * services as processes, with a throw-away broker and databases), and stops it with Ctrl-C afterwards,
 * checking that no service process outlives it. Subclasses talk to the services over HTTP only.
 */
abstract class LaunchedPlatform {

    static final Path ROOT = Paths.get("").toAbsolutePath().resolve("../..").normalize();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    static Process launcher;
    static Path state;
    static Path output;
    static Map<String, String> platform;
    static List<ProcessHandle> services;

    @BeforeAll
    static void startPlatform(org.junit.jupiter.api.TestInfo info) throws Exception {
        state = Files.createTempDirectory("medius-e2e-");
        String name = info.getTestClass().map(Class::getSimpleName).orElse("platform");
        output = Paths.get("target", name + "-launcher.log").toAbsolutePath();
        Files.createDirectories(output.getParent());
        launcher = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dmedius.root=" + ROOT, LocalPlatform.class.getName(),
                "--ephemeral", "--state", state.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        await("launcher ready").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(launcher.isAlive()).as("launcher alive; output:\n%s", read(output)).isTrue();
            return read(output).contains("Medius is running");
        });
        platform = readPlatformFile(state.resolve("platform.json"));
        assertThat(platform).containsKeys("catalog", "routine", "progress", "kafka");
        services = launcher.toHandle().descendants().collect(Collectors.toList());
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (launcher == null) {
            return;
        }
        try {
            CtrlC.press(launcher);
            await("launcher stopped").atMost(Duration.ofMinutes(2)).until(() -> !launcher.isAlive());
            assertThat(services).as("service processes after Ctrl-C")
                    .allSatisfy(child -> assertThat(child.isAlive()).as("pid " + child.pid()).isFalse());
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            launcher = null;
        }
    }

    static String url(String service) {
        return platform.get(service);
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static Map<String, String> readPlatformFile(Path file) throws IOException {
        Matcher matcher = Pattern.compile("\"(\\w+)\": \"([^\"]+)\"").matcher(Files.readString(file));
        Map<String, String> values = new HashMap<>();
        while (matcher.find()) {
            values.put(matcher.group(1), matcher.group(2));
        }
        return values;
    }

    /**
     * A coach's hand-made plan of one session on {@code day}, of one exercise ({@code item}: slug and dose), saved as a
     * template and assigned to the athlete from that day.
     */
    static void assignOneSession(String coachToken, String athleteId, String title, ObjectNode item, LocalDate day)
            throws Exception {
        ObjectNode session = JSON.createObjectNode().put("dayOffset", 0);
        session.putArray("blocks").addObject().put("kind", "activation").putArray("items").add(item);
        ObjectNode plan = JSON.createObjectNode().put("title", title).put("startDate", day.toString());
        plan.putArray("weeks").addObject().put("number", 1).putArray("sessions").add(session);
        ObjectNode template = JSON.createObjectNode().put("title", title + " " + UUID.randomUUID());
        template.set("plan", plan);
        Answer saved = post(url("routine") + "/api/v1/templates", coachToken, template);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        ObjectNode assignment = JSON.createObjectNode().put("startDate", day.toString());
        assignment.putArray("athleteIds").add(athleteId);
        Answer assigned = post(url("routine") + "/api/v1/templates/" + saved.json().path("id").asText() + "/assignments",
                coachToken, assignment);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
    }

    /** An HTTP answer with its body as JSON (or missing when the body is not JSON). */
    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    static Answer get(String url, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET(), Map.of());
    }

    static Answer post(String url, String token, Object body) throws Exception {
        return post(url, token, body, Map.of());
    }

    static Answer post(String url, String token, Object body, Map<String, String> headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body))),
                headers);
    }

    private static Answer send(HttpRequest.Builder request, Map<String, String> headers) throws Exception {
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }
}
