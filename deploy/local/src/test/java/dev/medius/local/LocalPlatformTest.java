package dev.medius.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;

/**
 * Runs the launcher the way a developer does (a separate JVM starting three service processes),
 * checks every service is ready and documented, then presses Ctrl-C and checks nothing is left.
 */
class LocalPlatformTest {

    private static final Path ROOT = Paths.get("").toAbsolutePath().resolve("../..").normalize();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void startsEverythingReadyAndCtrlCLeavesNoProcessBehind() throws Exception {
        Path state = Files.createTempDirectory("medius-launcher-test-");
        Path output = Paths.get("target", "launcher-test.log").toAbsolutePath();
        Process launcher = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dmedius.root=" + ROOT, LocalPlatform.class.getName(), "--ephemeral", "--state", state.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(launcher.isAlive()).as("launcher alive; output:\n%s", read(output)).isTrue();
                return read(output).contains("Medius is running");
            });

            Map<String, String> urls = platformUrls(state.resolve("platform.json"));
            assertThat(urls).containsKeys("catalog", "routine", "progress", "kafka");
            for (String service : List.of("catalog", "routine", "progress")) {
                String base = urls.get(service);
                assertThat(get(base + "/q/health/ready")).as(service + " readiness").contains("\"status\": \"UP\"");
                String operator = DevTokens.mint("prometheus", "operations", "admin");
                assertThat(status(base + "/q/metrics", null)).isEqualTo(401);
                assertThat(status(base + "/q/openapi", operator)).isEqualTo(200);
                assertThat(status(base + "/q/swagger-ui/", operator)).isEqualTo(200);
                assertThat(status(base + "/q/metrics", operator)).isEqualTo(200);
            }
            assertThat(Files.readString(state.resolve("dev-tokens.env")))
                    .contains("MEDIUS_ADMIN_TOKEN=", "MEDIUS_EDITOR_TOKEN=", "MEDIUS_HEAD_COACH_TOKEN=",
                            "MEDIUS_COACH_TOKEN=", "MEDIUS_ATHLETE_TOKEN=", "MEDIUS_DEMO_CLUB_HEAD_COACH_TOKEN=",
                            "MEDIUS_OPERATOR_TOKEN=");

            List<ProcessHandle> children = launcher.toHandle().descendants().collect(Collectors.toList());
            assertThat(children).as("three service processes").hasSizeGreaterThanOrEqualTo(3);
            String kafka = urls.get("kafka");

            CtrlC.press(launcher);

            await().atMost(Duration.ofMinutes(2)).until(() -> !launcher.isAlive());
            assertThat(children).allSatisfy(child -> assertThat(child.isAlive()).as("pid " + child.pid()).isFalse());
            int kafkaPort = Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1));
            assertThat(answers(kafkaPort)).as("broker port closed").isFalse();
            assertThat(read(output)).contains("stopped");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static Map<String, String> platformUrls(Path file) throws IOException {
        Matcher matcher = Pattern.compile("\"(\\w+)\": \"([^\"]+)\"").matcher(Files.readString(file));
        Map<String, String> urls = new java.util.HashMap<>();
        while (matcher.find()) {
            urls.put(matcher.group(1), matcher.group(2));
        }
        return urls;
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private int status(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
