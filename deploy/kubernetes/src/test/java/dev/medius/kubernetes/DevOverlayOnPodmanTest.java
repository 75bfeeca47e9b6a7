package dev.medius.kubernetes;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.containers.Podman;
import dev.medius.devkit.containers.ServiceImages;
import dev.medius.devkit.kafka.KafkaBroker;
import dev.medius.devkit.kafka.PlatformTopics;
import dev.medius.devkit.postgres.PostgresServer;
import dev.medius.devkit.process.Ports;
import dev.medius.devkit.process.ServiceEnvironment;
import dev.medius.devkit.security.DevTokens;
import dev.medius.kubernetes.Manifests.Manifest;
import dev.medius.kubernetes.PodmanPlay.Played;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The dev overlay run as a cluster would run it: the three images built here from Debian's packages, each with the
 * class data archive of its training start; the services' Deployments, ConfigMaps and Secrets rendered by
 * {@code kubectl kustomize} and played by {@code podman kube play} against this machine's PostgreSQL and a broker
 * on the host; each container ready through its own readiness probe; a completion recorded through routine-service's
 * container reaches progress-service's dashboard.
 */
class DevOverlayOnPodmanTest {

    static final Path MODULE = Paths.get("").toAbsolutePath();
    static final Path ROOT = MODULE.resolve("../..").normalize();
    static final Path WORK = MODULE.resolve("target/podman");
    static final String TENANT = "pods-club";
    static final String ATHLETE = "pods-athlete";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    static KafkaBroker broker;
    static PostgresServer postgres;
    static Path playFile;
    static Played played;
    static final Map<String, Integer> ports = new LinkedHashMap<>();
    static final Map<String, Deployment> deployments = new LinkedHashMap<>();

    @BeforeAll
    static void playTheDevOverlay() throws IOException {
        for (String tool : List.of("podman", "kubectl", "debootstrap", "curl")) {
            Tools.require(tool);
        }
        Files.createDirectories(WORK);
        broker = KafkaBroker.startEphemeral();
        broker.createTopics(PlatformTopics.ALL);
        postgres = PostgresServer.provision(Optional.empty());
        ServiceImages.build(ROOT, "dev", postgres, broker.bootstrapServers(), WORK.resolve("images.log"));

        Map<String, Map<String, String>> settings = new HashMap<>();
        for (String service : ServiceImages.SERVICES) {
            String name = service + "-service";
            ports.put(name, Ports.free());
            String database = "medius_pods_" + service;
            postgres.dropDatabase(database);
            postgres.createDatabase(database);
            Map<String, String> local = new HashMap<>();
            local.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            local.put("kafka.bootstrap.servers", broker.bootstrapServers());
            // the broker on the host speaks plaintext: no TLS, no SASL
            for (String key : List.of("kafka.security.protocol", "kafka.sasl.mechanism", "kafka.sasl.jaas.config",
                    "kafka.ssl.truststore.type", "kafka.ssl.truststore.location", "mp.jwt.verify.publickey.location")) {
                local.put(key, null);
            }
            local.put("mp.jwt.verify.publickey",
                    DevTokens.publicKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            local.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
            settings.put(name, local);
        }
        settings.get("routine-service").put("medius.catalog.url", "http://127.0.0.1:" + ports.get("catalog-service"));
        settings.get("routine-service").put("medius.progress.url", "http://127.0.0.1:" + ports.get("progress-service"));
        settings.get("progress-service").put("medius.routine.url", "http://127.0.0.1:" + ports.get("routine-service"));

        List<Manifest> rendered = Kustomize.render(MODULE.resolve("overlays/dev"));
        played = PodmanPlay.of(rendered, ports, settings, (secret, key) -> secret.startsWith("medius-db-")
                ? ("username".equals(key) ? postgres.user() : postgres.password())
                : secret.equals("progress-service-keys") ? ServiceEnvironment.serviceToken()
                : "unused: the broker on the host needs no credentials");
        played.documents().stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .forEach(d -> deployments.put(d.getMetadata().getName(), d));
        assertThat(deployments.keySet()).containsExactlyInAnyOrderElementsOf(ports.keySet());

        stopPlayed();
        for (Map.Entry<String, String> secret : played.podmanSecrets().entrySet()) {
            Path file = WORK.resolve("secret-" + secret.getKey() + ".json");
            Files.writeString(file, secret.getValue());
            Podman.run(ROOT, Duration.ofSeconds(30), "secret", "create", secret.getKey(), file.toString());
            Files.delete(file);
        }
        playFile = WORK.resolve("dev-overlay-services.yaml");
        StringBuilder yaml = new StringBuilder();
        for (Object document : played.documents()) {
            yaml.append("---\n").append(Manifests.YAML.writeValueAsString(document).replaceFirst("^---\n", ""));
        }
        Files.writeString(playFile, yaml);
        Podman.run(ROOT, Duration.ofMinutes(3), "kube", "play", "--replace", playFile.toString());
    }

    @AfterAll
    static void stop() {
        try {
            stopPlayed();
        } finally {
            if (postgres != null) {
                ServiceImages.SERVICES.forEach(service -> postgres.dropDatabase("medius_pods_" + service));
                postgres.close();
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static void stopPlayed() {
        if (playFile != null && Files.exists(playFile)) {
            Podman.run(ROOT, Duration.ofMinutes(2), "kube", "down", playFile.toString());
        }
        if (played != null) {
            for (String secret : played.podmanSecrets().keySet()) {
                try {
                    Podman.run(ROOT, Duration.ofSeconds(30), "secret", "rm", secret);
                } catch (IllegalStateException absent) {
                    // not there yet, or already removed
                }
            }
        }
    }

    @Test
    void everyContainerBecomesReadyThroughItsOwnReadinessProbe() {
        for (Deployment deployment : deployments.values()) {
            awaitReady(deployment);
        }
    }

    @Test
    void containersRunWithTheManifestsSecurityContextAndLimits() throws IOException {
        for (Deployment deployment : deployments.values()) {
            Container declared = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            JsonNode inspected = JSON.readTree(Podman.run(ROOT, Duration.ofSeconds(30), "inspect", containerName(deployment))).get(0);
            assertThat(inspected.at("/HostConfig/ReadonlyRootfs").asBoolean()).as(containerName(deployment) + " read-only root")
                    .isEqualTo(declared.getSecurityContext().getReadOnlyRootFilesystem());
            assertThat(inspected.at("/Config/User").asText()).as("user").startsWith(
                    deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser() + ":");
            long limit = declared.getResources().getLimits().get("memory").getNumericalAmount().longValueExact();
            assertThat(inspected.at("/HostConfig/Memory").asLong()).as("memory limit").isEqualTo(limit);
            assertThat(inspected.at("/HostConfig/CapDrop").toString()).as("capabilities dropped").contains("CAP_NET_RAW", "CAP_CHOWN");
        }
    }

    @Test
    void aCompletionRecordedThroughRoutineServiceShowsOnProgressServicesDashboard() throws Exception {
        deployments.values().forEach(DevOverlayOnPodmanTest::awaitReady);
        String routine = "http://127.0.0.1:" + ports.get("routine-service");
        String progress = "http://127.0.0.1:" + ports.get("progress-service");
        String coach = DevTokens.mint("pods-coach", TENANT, "coach");
        String athlete = DevTokens.mint(ATHLETE, TENANT, "athlete");
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        ObjectNode profile = JSON.createObjectNode().put("level", "beginner").put("sport", "running")
                .put("sessionsPerWeek", 3).put("minutesPerSession", 20).put("weeks", 2).put("startDate", today);
        profile.putArray("goals").add("knee");
        profile.putArray("equipment").add("mini-band");
        // the catalog reaches routine-service as events: a plan can be made once they have arrived
        AtomicReference<JsonNode> plan = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpResponse<String> response = send(routine + "/api/v1/plans/generate", coach, profile, null);
                    if (response.statusCode() == 200) {
                        plan.set(JSON.readTree(response.body()));
                    }
                    return plan.get() != null;
                });
        ObjectNode template = JSON.createObjectNode().put("title", "Played pods");
        template.set("plan", plan.get());
        String templateId = body(send(routine + "/api/v1/templates", coach, template, null), 201).get("id").asText();
        ObjectNode assignment = JSON.createObjectNode().put("startDate", today);
        assignment.putArray("athleteIds").add(ATHLETE);
        body(send(routine + "/api/v1/templates/" + templateId + "/assignments", coach, assignment, null), 201);

        JsonNode calendar = body(send(routine + "/api/v1/athletes/" + ATHLETE + "/plan", athlete, null, null), 200);
        JsonNode session = calendar.at("/assignments/0/sessions/0");
        ObjectNode completion = JSON.createObjectNode()
                .put("completedAt", DateTimeFormatter.ISO_INSTANT.format(java.time.Instant.now()))
                .put("durationMinutes", 20).put("sessionRpe", 5);
        completion.putObject("pain").put("score", 1).put("area", "knee");
        ArrayNode exercises = completion.putArray("exercises");
        for (JsonNode block : session.get("blocks")) {
            for (JsonNode item : block.get("items")) {
                ObjectNode done = exercises.addObject().put("exerciseId", item.get("exerciseId").asText()).put("skipped", false);
                ArrayNode sets = done.putArray("sets");
                for (int set = 0; set < item.get("sets").asInt(); set++) {
                    for (String side : item.path("perSide").asBoolean() ? List.of("left", "right") : List.of("both")) {
                        ObjectNode one = sets.addObject().put("side", side).put("rpe", 5);
                        if (item.hasNonNull("holdSeconds")) {
                            one.put("holdSeconds", item.get("holdSeconds").asInt());
                        } else {
                            one.put("reps", item.path("targetReps").asInt(10));
                        }
                    }
                }
            }
        }
        String sessionId = session.get("sessionId").asText();
        HttpResponse<String> recorded = send(routine + "/api/v1/athletes/" + ATHLETE + "/sessions/" + sessionId + "/completion",
                athlete, completion, "pods-" + sessionId);
        assertThat(recorded.statusCode()).as(recorded.body()).isBetween(200, 201);

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode dashboard = body(send(progress + "/api/v1/dashboard", coach, null, null), 200);
            JsonNode row = null;
            for (JsonNode candidate : dashboard.get("athletes")) {
                if (ATHLETE.equals(candidate.get("athleteId").asText())) {
                    row = candidate;
                }
            }
            assertThat(row).as("the athlete on the coach's dashboard: " + dashboard).isNotNull();
            assertThat(row.at("/weeklyVolume/sets").asInt()).as("this week's sets").isPositive();
        });
    }

    static String containerName(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        return name + "-pod-0-" + deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getName();
    }

    /** Asks what the container's readiness probe asks, as the kubelet would, until it answers 200. */
    static void awaitReady(Deployment deployment) {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        HTTPGetAction probe = container.getReadinessProbe().getHttpGet();
        URI uri = URI.create("http://127.0.0.1:" + PodmanPlay.port(container.getReadinessProbe()) + probe.getPath());
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String state = Podman.run(ROOT, Duration.ofSeconds(30), "inspect", "-f", "{{.State.Status}}", containerName(deployment)).trim();
            if (!"running".equals(state)) {
                throw new AssertionError(containerName(deployment) + " is " + state + ":\n"
                        + Podman.run(ROOT, Duration.ofSeconds(30), "logs", "--tail", "40", containerName(deployment)));
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(container.getReadinessProbe()
                        .getTimeoutSeconds())).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    static HttpResponse<String> send(String url, String token, JsonNode body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode body(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.uri() + " answered " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
