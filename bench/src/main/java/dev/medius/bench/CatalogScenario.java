package dev.medius.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.devkit.process.ServiceProcess;
import dev.medius.devkit.security.DevTokens;

/**
 * Scenario 3. catalog-service with its shipped library: a filtered list and a get by slug under wrk,
 * against GET /api/v1/me on the same server (token check and a small JSON answer) as the ceiling.
 */
final class CatalogScenario {

    static final String LIST = "/api/v1/exercises?muscle=gluteus-medius&size=20";
    static final String TRIVIAL = "/api/v1/me";

    private final Options options;
    private final Path root;

    CatalogScenario(Options options, Path root) {
        this.options = options;
        this.root = root;
    }

    Result run() throws Exception {
        Wrk.requireInstalled();
        int concurrency = options.size("concurrency", 16, 16);
        int seconds = options.size("seconds", 10, 1);
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        try (Platform platform = Platform.start(root)) {
            ServiceProcess catalog = platform.startService("catalog", platform.createDatabase("catalog"), Map.of());
            Map<String, Path> loads = loads(catalog.url());
            loads.values().forEach(script -> Wrk.run(catalog.url(), script, concurrency, Math.max(1, seconds / 2)));
            for (int run = 1; run <= options.runs(); run++) {
                for (Map.Entry<String, Path> load : loads.entrySet()) {
                    Wrk.Load result = Wrk.run(catalog.url(), load.getValue(), concurrency, seconds);
                    if (result.errors() > 0) {
                        throw new IllegalStateException(load.getKey() + ": " + result.errors() + " failed requests");
                    }
                    figures.computeIfAbsent(load.getKey() + " throughput", k -> new ArrayList<>())
                            .add(result.requestsPerSecond());
                    figures.computeIfAbsent(load.getKey() + " p99", k -> new ArrayList<>()).add(result.p99Millis());
                    Bench.log(String.format("run %d %s: %.0f req/s, p50 %.1f ms, p99 %.1f ms", run, load.getKey(),
                            result.requestsPerSecond(), result.p50Millis(), result.p99Millis()));
                }
            }
        }
        List<Double> ceiling = figures.get("trivial " + TRIVIAL + " throughput");
        Result result = new Result("catalog", "3. Catalog reads at " + concurrency + " connections");
        figures.forEach((name, values) -> result.figure(name, name.endsWith("throughput") ? "req/s" : "ms", values));
        result.figure("list / trivial", "", Bench.ratios(figures.get("filtered list throughput"), ceiling, x -> x));
        result.figure("get by slug / trivial", "", Bench.ratios(figures.get("get by slug throughput"), ceiling, x -> x));
        return result.atLeast("list / trivial", 0.5).atLeast("get by slug / trivial", 0.5)
                .atMost("filtered list p99", 20).atMost("get by slug p99", 20)
                .note("Load: wrk, 2 threads, " + concurrency + " connections, " + seconds + " s per endpoint per run, "
                        + "after a warm-up pass; list is GET " + LIST + ", get is GET /api/v1/exercises/{slug} of the"
                        + " first exercise listed; the ceiling is GET " + TRIVIAL + " on the same server.");
    }

    /** The three reads of this scenario, each as a wrk script; checks first that they answer 200. */
    static Map<String, Path> loads(String catalogUrl) throws Exception {
        String token = DevTokens.mint("bench-reader", SessionEvents.TENANT, "coach");
        HttpClient http = HttpClient.newHttpClient();
        JsonNode page = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        // the shipped library is imported at start-up; wait until the list shows it
        while (page == null || page.path("items").isEmpty()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(catalogUrl + LIST))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + LIST + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            page = new ObjectMapper().readTree(response.body());
            if (page.path("items").isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no gluteus-medius exercise in the catalog: " + response.body());
                }
                Pause.millis(200);
            }
        }
        String slug = page.path("items").get(0).path("slug").asText();
        Path scripts = Files.createTempDirectory("medius-bench-wrk-");
        Map<String, Path> loads = new LinkedHashMap<>();
        loads.put("filtered list", Wrk.script(scripts, List.of(new SimpleEntry<>(LIST, token))));
        loads.put("get by slug", Wrk.script(scripts, List.of(new SimpleEntry<>("/api/v1/exercises/" + slug, token))));
        loads.put("trivial " + TRIVIAL, Wrk.script(scripts, List.of(new SimpleEntry<>(TRIVIAL, token))));
        return loads;
    }
}
