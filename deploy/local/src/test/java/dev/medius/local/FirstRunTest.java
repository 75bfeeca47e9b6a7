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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.devkit.postgres.PostgresServer;
import dev.medius.devkit.process.Ports;
import dev.medius.devkit.security.DevTokens;

/**
 * A first run as a new user makes it, with the demo: the launcher seeds both organisations and says it is running
 * only afterwards; killed with SIGKILL in the middle of seeding, its services do not outlive it, and started again on
 * the same state it finishes seeding without a single duplicate; a second checkout's state has databases of its own.
 */
class FirstRunTest {

    private static final Path ROOT = Paths.get("").toAbsolutePath().resolve("../..").normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final List<Process> launchers = new ArrayList<>();
    private final List<Path> states = new ArrayList<>();
    private Path home;

    @Test
    void seedsBothOrganisationsResumesAfterSigkillAndKeepsEachCheckoutApart() throws Exception {
        home = Files.createTempDirectory("medius-first-run-");
        Path checkout = home.resolve("checkout-a").resolve(".medius");
        List<Integer> ports = List.of(Ports.free(), Ports.free(), Ports.free(), Ports.free());

        Launch first = launch(checkout, ports, "first");
        await("seeding under way").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(first.process().isAlive()).as("launcher alive; output:\n%s", first.output()).isTrue();
            return first.output().contains("demo: " + DemoOrganisation.CLUB + " / road-runners");
        });
        assertThat(first.output()).doesNotContain("Medius is running");
        List<ProcessHandle> services = first.process().descendants().filter(p -> p.info().commandLine()
                .map(line -> line.contains("quarkus-run.jar")).orElse(false)).toList();
        assertThat(services).hasSize(3);

        first.process().destroyForcibly();
        await("services stopped after the launcher was killed").atMost(Duration.ofSeconds(60))
                .until(() -> services.stream().noneMatch(ProcessHandle::isAlive));

        Launch resumed = launch(checkout, ports, "resumed");
        awaitRunning(resumed);
        String output = resumed.output();
        assertThat(output.indexOf("demo organisations ready")).as(output).isPositive()
                .isLessThan(output.indexOf("Medius is running"));
        Map<String, String> urls = Map.of("routine", "http://127.0.0.1:" + ports.get(2),
                "progress", "http://127.0.0.1:" + ports.get(3));
        assertSeededOnce(urls);

        CtrlC.press(resumed.process());
        await().atMost(Duration.ofMinutes(2)).until(() -> !resumed.process().isAlive());

        Path otherCheckout = home.resolve("checkout-b").resolve(".medius");
        Launch other = launch(otherCheckout, List.of(Ports.free(), Ports.free(), Ports.free(), Ports.free()), "other",
                "--no-demo");
        awaitRunning(other);
        CtrlC.press(other.process());
        await().atMost(Duration.ofMinutes(2)).until(() -> !other.process().isAlive());

        assertThat(prefix(otherCheckout)).isNotEqualTo(prefix(checkout));
        try (PostgresServer postgres = PostgresServer.provision(Optional.empty());
                Connection routine = java.sql.DriverManager.getConnection(
                        postgres.jdbcUrl(prefix(checkout) + "routine"), postgres.user(), postgres.password());
                Statement st = routine.createStatement();
                ResultSet templates = st.executeQuery("SELECT count(*) FROM plan_template")) {
            templates.next();
            assertThat(templates.getInt(1)).as("the first checkout's templates").isEqualTo(DemoOrganisation.groups().size());
        }
    }

    /** Every organisation's templates once, every athlete assigned once, every coach's roster with each athlete once. */
    private static void assertSeededOnce(Map<String, String> urls) throws Exception {
        Map<String, List<DemoOrganisation.Group>> byTenant = DemoOrganisation.groups().stream()
                .collect(Collectors.groupingBy(DemoOrganisation.Group::tenant));
        for (Map.Entry<String, List<DemoOrganisation.Group>> organisation : byTenant.entrySet()) {
            String admin = DevTokens.mint("first-run-admin", organisation.getKey(), "admin");
            List<String> titles = new ArrayList<>();
            get(urls.get("routine") + "/api/v1/templates", admin).forEach(t -> titles.add(t.path("title").asText()));
            assertThat(titles).containsExactlyInAnyOrderElementsOf(
                    organisation.getValue().stream().map(DemoOrganisation.Group::name).toList());
            for (DemoOrganisation.Group group : organisation.getValue()) {
                for (String athlete : group.athletes()) {
                    JsonNode plan = get(urls.get("routine") + "/api/v1/athletes/" + athlete + "/plan", admin);
                    assertThat(plan.path("assignments")).as(athlete + "'s assignments").hasSize(1);
                    // named once: a profile sent again by the resumed seeding leaves the revision as it was
                    JsonNode profile = get(urls.get("routine") + "/api/v1/athletes/" + athlete + "/profile", admin);
                    assertThat(profile.path("displayName").asText()).isEqualTo(DemoProfiles.displayName(athlete));
                    assertThat(profile.path("teamName").asText()).isEqualTo(DemoProfiles.team(group.team()).name());
                    assertThat(profile.path("revision").asLong()).as(athlete + "'s profile revision").isEqualTo(1);
                }
            }
            List<String> seen = new ArrayList<>();
            get(urls.get("routine") + "/api/v1/athletes?size=100", headCoach(organisation.getKey()))
                    .path("items").forEach(a -> seen.add(a.path("athleteId").asText()));
            assertThat(seen).as("the athletes a head coach sees").containsExactlyInAnyOrderElementsOf(
                    organisation.getValue().stream().flatMap(g -> g.athletes().stream()).toList());
            Map<String, List<String>> rosters = organisation.getValue().stream()
                    .collect(Collectors.groupingBy(DemoOrganisation.Group::coach,
                            Collectors.flatMapping(g -> g.athletes().stream(), Collectors.toList())));
            for (Map.Entry<String, List<String>> roster : rosters.entrySet()) {
                String coach = DevTokens.mint(roster.getKey(), organisation.getKey(), "coach");
                await(roster.getKey() + "'s roster").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                    List<String> athletes = new ArrayList<>();
                    get(urls.get("progress") + "/api/v1/dashboard", coach).path("athletes")
                            .forEach(a -> athletes.add(a.path("athleteId").asText()));
                    assertThat(athletes).containsExactlyInAnyOrderElementsOf(roster.getValue());
                });
            }
        }
    }

    /** The demo's head coach in the club; in the academy, whoever holds the role there. */
    private static String headCoach(String tenant) {
        String subject = DemoOrganisation.CLUB.equals(tenant) ? DemoOrganisation.HEAD_COACH : "first-run-head-coach";
        return DevTokens.mint(subject, tenant, "head-coach", "coach");
    }

    private record Launch(Process process, Path log) {
        String output() throws IOException {
            return Files.exists(log) ? Files.readString(log) : "";
        }
    }

    private Launch launch(Path state, List<Integer> ports, String name, String... options) throws IOException {
        states.add(state);
        Path log = Paths.get("target", "first-run-" + name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dmedius.root=" + ROOT, LocalPlatform.class.getName(),
                "--state", state.toString(), "--kafka-port", ports.get(0).toString(),
                "--ports", ports.subList(1, 4).stream().map(String::valueOf).collect(Collectors.joining(","))));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        launchers.add(process);
        return new Launch(process, log);
    }

    private static void awaitRunning(Launch launch) {
        await("launcher running").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(launch.process().isAlive()).as("launcher alive; output:\n%s", launch.output()).isTrue();
            return launch.output().contains("Medius is running");
        });
    }

    private static String prefix(Path state) throws IOException {
        String recorded = Files.readString(state.resolve("initialised")).trim();
        return recorded.substring("databases ".length(), recorded.length() - 1);
    }

    private static JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @AfterEach
    void removeEverything() throws Exception {
        for (Process launcher : launchers) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        try (PostgresServer postgres = PostgresServer.provision(Optional.empty())) {
            for (Path state : states) {
                if (Files.exists(state.resolve("initialised"))) {
                    String prefix = prefix(state);
                    for (String service : List.of("catalog", "routine", "progress")) {
                        postgres.dropDatabase(prefix + service);
                    }
                }
            }
        }
        if (home != null) {
            try (var paths = Files.walk(home)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }
}
