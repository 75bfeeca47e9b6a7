package dev.medius.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What the container variant of the footprint scenario reads from podman and /proc, and the report it makes; the
 * scenario itself builds the images, which takes minutes, so the smoke test does not run it.
 */
class ContainerFootprintTest {

    @Test
    void containerMemoryIsTheUsedHalfOfPodmanStatsInMib() {
        String stats = """
                [
                 {
                  "id": "d8c756d467a3",
                  "name": "medius-bench-catalog-41234",
                  "mem_usage": "245.3MB / 536.9MB",
                  "mem_percent": "45.69%",
                  "pids": "41"
                 }
                ]
                """;

        assertThat(ServiceContainer.chargedMib(stats)).isCloseTo(245.3e6 / (1 << 20), within(1e-9));
    }

    @Test
    void sizesReadInDecimalAndBinaryUnits() {
        assertThat(ServiceContainer.bytes("938kB")).isEqualTo(938_000);
        assertThat(ServiceContainer.bytes("1.5GB")).isEqualTo(1.5e9);
        assertThat(ServiceContainer.bytes("12B")).isEqualTo(12);
        assertThat(ServiceContainer.bytes("512MiB")).isEqualTo(512.0 * 1024 * 1024);
        assertThatThrownBy(() -> ServiceContainer.bytes("--")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void residentMemoryIsVmRssInMib() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t  225280 kB\nThreads:\t41\n";

        assertThat(ServiceContainer.residentMib(status)).isEqualTo(220.0);
    }

    @Test
    void containersRunWithTheManifestsLimitsAndOptionallyTheirCpu() {
        List<String> args = ServiceContainer.runArguments("medius-bench-routine-1", "localhost/medius/routine-service:bench",
                Path.of("/tmp/routine.env"), 0);

        assertThat(String.join(" ", args)).isEqualTo("run -d --name medius-bench-routine-1 --network host --read-only"
                + " --tmpfs /tmp --memory 512m --user 185:185 --cap-drop ALL --env-file /tmp/routine.env"
                + " localhost/medius/routine-service:bench");
        assertThat(ServiceContainer.runArguments("x", "image", Path.of("e"), 1)).containsSequence("--cpus", "1");
    }

    @Test
    void envFileHoldsOneSettingALine() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", "41234");
        env.put("JAVA_OPTS_APPEND", "-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0");

        assertThat(ServiceContainer.envFile(env)).isEqualTo(
                "QUARKUS_HTTP_PORT=41234\nJAVA_OPTS_APPEND=-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0\n");
        assertThatThrownBy(() -> ServiceContainer.envFile(Map.of("KEY", "two\nlines")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportHoldsEachStartToThreeSecondsAndMemoryToTheLimit() {
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        for (String name : List.of("catalog", "routine", "progress")) {
            figures.put(name + " first start to ready", List.of(4.0, 4.2));
            figures.put(name + " start to ready without class archive", List.of(5.0, 5.4));
            figures.put(name + " start to ready", List.of(2.5, 3.5));
            figures.put(name + " resident memory idle", List.of(210.0, 214.0));
            figures.put(name + " container memory idle", List.of(230.0, 236.0));
        }
        figures.put("catalog resident memory after catalog reads", List.of(260.0, 262.0));
        figures.put("catalog container memory after catalog reads", List.of(600.0, 610.0));

        Result result = ContainerFootprintScenario.result(figures, List.of(0.5, 0.5), "bench", true, 250, "", 1, 5, 10);
        String markdown = Report.markdown(result, Bench.root(), 2, Map.of("cpus", 1));

        assertThat(result.find("routine start / start without class archive").values()).containsExactly(0.5, 3.5 / 5.4);
        assertThat(markdown).contains("- command: `bench/run footprint-containers`")
                .contains("| catalog start to ready | 3.00 | 2.50 | 3.50 | s |")
                .contains("- bar progress start to ready ≤ 3.00: **met** (median 3.00)")
                .contains("- bar catalog container memory after catalog reads ≤ 512.0: **missed** (median 605.0)")
                .contains("--memory 512m --user 185:185 --cap-drop ALL --cpus 1 --env-file");
    }
}
