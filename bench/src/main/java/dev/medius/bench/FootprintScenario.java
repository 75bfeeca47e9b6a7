package dev.medius.bench;

import dev.medius.devkit.process.ServiceProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 6. Starts each service alone (so their start-ups do not compete), times process start to
 * ready, reads resident memory when idle and again after the catalog reads of scenario 3. The
 * ceiling for start-up is the same JVM starting and exiting ({@code java -version}).
 */
final class FootprintScenario {

    private static final List<String> SERVICES = List.of("catalog", "routine", "progress");
    /** The bar's 300 MB, in the MiB that /proc reports. */
    private static final double MEMORY_BAR_MIB = 300e6 / (1 << 20);

    private final Options options;
    private final Path root;

    FootprintScenario(Options options, Path root) {
        this.options = options;
        this.root = root;
    }

    Result run() throws Exception {
        Wrk.requireInstalled();
        int seconds = options.size("seconds", 10, 1);
        int settle = options.size("settle-seconds", 5, 1);
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        List<Double> jvm = new ArrayList<>();
        try (Platform platform = Platform.start(root)) {
            for (int run = 1; run <= options.runs(); run++) {
                jvm.add(jvmStart());
                Map<String, ServiceProcess> started = new LinkedHashMap<>();
                Map<String, String> databases = new LinkedHashMap<>();
                for (String name : SERVICES) {
                    databases.put(name, platform.createDatabase(name));
                    ServiceProcess service = platform.startService(name, databases.get(name), Map.of());
                    add(figures, name + " first start to ready", service.readySeconds());
                    // what a rolling update or an added replica sees: schema migrated, library loaded
                    platform.stop(service);
                    service = platform.startServiceWithoutArchive(name, databases.get(name));
                    add(figures, name + " start to ready without class archive", service.readySeconds());
                    platform.stop(service);
                    service = platform.startService(name, databases.get(name), Map.of());
                    started.put(name, service);
                    add(figures, name + " start to ready", service.readySeconds());
                }
                Pause.millis(settle * 1000L);
                started.forEach((name, service) -> add(figures, name + " memory idle", service.residentMib()));
                ServiceProcess catalog = started.get("catalog");
                for (Path script : CatalogScenario.loads(catalog.url()).values()) {
                    Wrk.run(catalog.url(), script, 16, seconds);
                }
                started.forEach((name, service) -> add(figures, name + " memory after catalog reads",
                        service.residentMib()));
                Bench.log("run " + run + ": " + figures);
                started.values().forEach(platform::stop);
            }
        }
        Result result = new Result("footprint", "6. Footprint: start to ready and resident memory per service");
        result.figure("ceiling: JVM start and exit (java -version)", "s", jvm);
        for (String name : SERVICES) {
            result.figure(name + " first start to ready", "s", figures.get(name + " first start to ready"));
            result.figure(name + " start to ready without class archive", "s",
                    figures.get(name + " start to ready without class archive"));
            result.figure(name + " start to ready", "s", figures.get(name + " start to ready"));
            result.figure(name + " start / JVM start", "", Bench.ratios(figures.get(name + " start to ready"), jvm, x -> x));
            result.figure(name + " start / start without class archive", "", Bench.ratios(
                    figures.get(name + " start to ready"), figures.get(name + " start to ready without class archive"), x -> x));
            result.figure(name + " memory idle", "MiB", figures.get(name + " memory idle"));
            result.figure(name + " memory after catalog reads", "MiB", figures.get(name + " memory after catalog reads"));
            result.atMost(name + " start to ready", 3).atMost(name + " memory idle", MEMORY_BAR_MIB)
                    .atMost(name + " memory after catalog reads", MEMORY_BAR_MIB);
        }
        return result.note("Each service runs its production build (target/quarkus-app) with " + String.join(" ",
                Platform.jvmOptions("catalog")) + " (progress-service: " + String.join(" ", Platform.jvmOptions("progress"))
                + "; what the JVM sizes itself to inside the Kubernetes manifests' 512 MiB limit"
                + " with JAVA_MAX_MEM_RATIO=50) and MALLOC_ARENA_MAX=2, as the manifests set it. Start to ready is from process start to the first 200 of"
                + " /q/health/ready, polled every 10 ms: 'first start' on an empty database, with Flyway's migrations"
                + " and the catalog's import of its library; 'start' is the same service started again on that"
                + " database, as a rolling update or an added replica starts, and is the figure held to the bar."
                + " Every start but the one 'without class archive' maps the class data archive the image carries ("
                + ClassArchive.FILE + ", written by a training start of the same build with the same JVM, as the"
                + " image pipeline does; docs/operations.md)."
                + " Memory is VmRSS from /proc, idle after " + settle + " s and again after " + seconds
                + " s of each catalog read of scenario 3.");
    }

    private static void add(Map<String, List<Double>> figures, String name, double value) {
        figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private static double jvmStart() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        java.getInputStream().readAllBytes();
        java.waitFor();
        return (System.nanoTime() - start) / 1e9;
    }
}
