package dev.medius.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.medius.devkit.process.ServiceProcess;
import dev.medius.devkit.security.DevTokens;

/**
 * progress-service's flag evaluation as its metrics show it ({@code medius.flags.evaluations} by pass,
 * {@code medius.flags.pending}). Reads measured right after ingestion or a start would otherwise share the
 * machine with the evaluation of every athlete just ingested, or with the first periodic pass, which evaluates
 * every rule for every athlete once per start: both are one-off costs, not the steady state a coach reads in.
 */
final class FlagPasses {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceProcess progress;
    private final String token = DevTokens.mint("prometheus", SessionEvents.TENANT, "admin");

    FlagPasses(ServiceProcess progress) {
        this.progress = progress;
    }

    /** Returns once the first full pass after start has run and no ingested athlete waits for evaluation. */
    void awaitSettled(Duration bound) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (true) {
            String metrics = metrics();
            double full = sum(metrics, "medius_flags_evaluations_seconds_count{pass=\"full\"");
            double pending = sum(metrics, "medius_flags_pending");
            if (full >= 1 && pending == 0) {
                Bench.log(String.format("progress-service's flag evaluation settled in %.0f s (full pass %.1f s)",
                        (System.nanoTime() - start) / 1e9,
                        sum(metrics, "medius_flags_evaluations_seconds_sum{pass=\"full\"")));
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format(
                        "progress-service's flags not settled after %s: %.0f full passes, %.0f athletes pending", bound,
                        full, pending));
            }
            Pause.millis(1000);
        }
    }

    private String metrics() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(progress.url() + "/q/metrics"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("progress-service's /q/metrics answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("progress-service's /q/metrics unreadable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double sum(String metrics, String prefix) {
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
