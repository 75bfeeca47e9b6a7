package dev.medius.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;

/**
 * The curl examples of docs/api.md, run in order in one bash session against a launched platform,
 * the way a reader pastes them: the same token variables as {@code .medius/dev-tokens.env} and the
 * base URLs in CATALOG, ROUTINE and PROGRESS.
 */
class ApiDocExamplesTest extends LaunchedPlatform {

    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern MARKER = Pattern.compile("^::block (\\d+) status=(\\d+)$", Pattern.MULTILINE);
    /** curl's exit code when --max-time ends the transfer: how the stream example stops listening. */
    private static final int CURL_TIMED_OUT = 28;

    @Test
    void everyCurlExampleOfTheApiDocsSucceedsAgainstTheRunningPlatform() throws Exception {
        List<String> blocks = shBlocks(Files.readString(ROOT.resolve("docs/api.md")));
        assertThat(blocks).as("sh examples in docs/api.md").hasSizeGreaterThanOrEqualTo(10);
        for (String block : blocks) {
            for (String line : block.split("\n")) {
                if (line.contains("curl ")) {
                    assertThat(line).as("examples fail on HTTP errors").containsPattern("curl -s?f");
                }
            }
        }
        for (String tool : List.of("bash", "curl", "jq")) {
            assertThat(onPath(tool)).as("the examples need %s on the PATH", tool).isTrue();
        }
        Map<String, String> tokens = demoTokens();
        awaitPlansCanBeGenerated(tokens.get("MEDIUS_COACH_TOKEN"));

        // a reader's working directory: the launcher's token file where the docs source it from
        Path workdir = Files.createTempDirectory("medius-api-doc-");
        Files.createDirectories(workdir.resolve(".medius"));
        StringBuilder env = new StringBuilder();
        tokens.forEach((name, token) -> env.append(name).append('=').append(token).append('\n'));
        Files.writeString(workdir.resolve(".medius/dev-tokens.env"), env);
        Path script = workdir.resolve("examples.sh");
        Files.writeString(script, script(blocks));
        Path out = workdir.resolve("out.txt");
        Path err = workdir.resolve("err.txt");

        ProcessBuilder bash = new ProcessBuilder("bash", "-c", Files.readString(script)).directory(workdir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        bash.environment().put("CATALOG", url("catalog"));
        bash.environment().put("ROUTINE", url("routine"));
        bash.environment().put("PROGRESS", url("progress"));
        bash.environment().putAll(tokens);
        Process examples = bash.start();
        if (!examples.waitFor(2, TimeUnit.MINUTES)) {
            examples.destroyForcibly();
            throw new AssertionError("examples still running after 2 minutes; output:\n" + Files.readString(out));
        }

        String output = Files.readString(out, StandardCharsets.UTF_8);
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        Map<Integer, String> outputs = new LinkedHashMap<>();
        Matcher marker = MARKER.matcher(output);
        int from = 0;
        while (marker.find()) {
            int block = Integer.parseInt(marker.group(1));
            statuses.put(block, Integer.parseInt(marker.group(2)));
            outputs.put(block, output.substring(from, marker.start()));
            from = marker.end();
        }
        assertThat(statuses.keySet()).as("every example ran; stderr:\n%s\nstdout:\n%s", errors, output)
                .hasSize(blocks.size());
        for (int i = 1; i <= blocks.size(); i++) {
            String block = blocks.get(i - 1);
            String described = "example " + i + ":\n" + block + "\noutput:\n" + outputs.get(i) + "\nstderr:\n" + errors;
            if (block.contains("--max-time")) {
                assertThat(statuses.get(i)).as(described).isIn(0, CURL_TIMED_OUT);
                assertThat(outputs.get(i)).as(described).contains("\"type\":\"ready\"");
            } else {
                assertThat(statuses.get(i)).as(described).isZero();
                assertThat(outputs.get(i)).as(described).isNotBlank();
            }
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static List<String> shBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = SH_BLOCK.matcher(markdown);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    /**
     * One script for all examples, so that ids set by one example reach the next; each example's
     * first failing command's status is kept and printed after it.
     */
    private static String script(List<String> blocks) {
        StringBuilder script = new StringBuilder("set -o pipefail\n");
        for (int i = 0; i < blocks.size(); i++) {
            script.append("__status=0\n")
                    .append("trap '__s=$?; if [ \"$__status\" = 0 ]; then __status=$__s; fi' ERR\n")
                    .append(blocks.get(i)).append('\n')
                    .append("trap - ERR\n")
                    .append("echo\necho \"::block ").append(i + 1).append(" status=$__status\"\n");
        }
        return script.toString();
    }

    /** The tokens the launcher writes for the demo organisation. */
    private static Map<String, String> demoTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("MEDIUS_ADMIN_TOKEN", DevTokens.mint("demo-admin", LocalPlatform.DEMO_TENANT, "admin"));
        tokens.put("MEDIUS_EDITOR_TOKEN", DevTokens.mint("demo-editor", LocalPlatform.DEMO_TENANT, "editor"));
        tokens.put("MEDIUS_HEAD_COACH_TOKEN", DevTokens.mint("demo-head-coach", LocalPlatform.DEMO_TENANT, "head-coach",
                "coach"));
        tokens.put("MEDIUS_COACH_TOKEN", DevTokens.mint("demo-coach", LocalPlatform.DEMO_TENANT, "coach"));
        tokens.put("MEDIUS_ATHLETE_TOKEN", DevTokens.mint("demo-athlete", LocalPlatform.DEMO_TENANT, "athlete"));
        tokens.put("MEDIUS_OPERATOR_TOKEN", LocalPlatform.operatorToken());
        return tokens;
    }

    /** Right after start, routine-service may still be reading the shipped library from catalog.exercises. */
    private static void awaitPlansCanBeGenerated(String coachToken) {
        ObjectNode profile = JSON.createObjectNode().put("level", "beginner").put("sessionsPerWeek", 2)
                .put("minutesPerSession", 20).put("weeks", 1)
                .put("startDate", LocalDate.now(ZoneOffset.UTC).toString());
        profile.putArray("equipment").add("mini-band");
        await("routine-service knows the shipped exercises").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> post(url("routine") + "/api/v1/plans/generate", coachToken, profile),
                        answer -> answer.status() == 200 && answer.body().contains("exerciseId"));
    }
}
