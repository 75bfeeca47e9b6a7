package dev.medius.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metrics an alert or a dashboard panel may read: Medius's own, as the services' code registers them, and those
 * that libraries, Prometheus and the cluster's exporters expose.
 */
final class ExposedMetrics {

    /** Metrics Medius reads but does not register itself, and who exposes them. */
    static final Map<String, String> OTHERS = Map.ofEntries(
            Map.entry("http_server_requests_seconds_count", "Quarkus's HTTP server metrics (Micrometer)"),
            Map.entry("http_server_requests_seconds_bucket", "the same, with platform/runtime's LatencyBuckets"),
            Map.entry("kafka_consumer_fetch_manager_records_lag", "Kafka consumer metrics (Micrometer's Kafka binder)"),
            Map.entry("kafka_producer_topic_record_send_total", "Kafka producer metrics (Micrometer's Kafka binder)"),
            Map.entry("jvm_memory_used_bytes", "Micrometer's JVM memory binder"),
            Map.entry("jvm_memory_max_bytes", "Micrometer's JVM memory binder"),
            Map.entry("up", "Prometheus, for every scrape target"),
            Map.entry("kube_deployment_status_replicas_available", "kube-state-metrics"),
            Map.entry("kube_deployment_spec_replicas", "kube-state-metrics"),
            Map.entry("container_memory_rss", "cAdvisor, in the kubelet"));

    private static final Pattern MEDIUS_METER = Pattern.compile("\"(medius(?:\\.[a-z0-9]+)+)\"");
    private static final String PROMETHEUS_SUFFIXES = "(_seconds|_bytes)?(_total|_count|_sum|_bucket|_max)?";
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER =
            Pattern.compile("(?<![\\w:.])[a-zA-Z_][a-zA-Z0-9_]*(?![\\w(])(?!\\s*\\()");

    private ExposedMetrics() {
    }

    /** Meter names the services' code registers, in Prometheus spelling without unit or type suffix. */
    static Set<String> mediusMeters(Path root) {
        Set<String> meters = new TreeSet<>();
        for (String module : new String[] { "platform", "catalog-service", "routine-service", "progress-service" }) {
            try (Stream<Path> files = Files.walk(root.resolve(module))) {
                files.filter(file -> file.toString().endsWith(".java") && file.toString().contains("/src/main/java/"))
                        .forEach(file -> {
                            Matcher meter = MEDIUS_METER.matcher(read(file));
                            while (meter.find()) {
                                meters.add(meter.group(1).replace('.', '_'));
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return meters;
    }

    /** Whether Prometheus can read {@code metric}: a Medius meter under its exported name, or a known other. */
    static boolean exposed(String metric, Set<String> mediusMeters) {
        return OTHERS.containsKey(metric)
                || mediusMeters.stream().anyMatch(meter -> metric.matches(Pattern.quote(meter) + PROMETHEUS_SUFFIXES));
    }

    /** The metric names a PromQL expression reads (Grafana's $variables allowed). */
    static Set<String> readBy(String expr) {
        String bare = expr.replaceAll("\\$\\{?\\w+}?", "")
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|'(?:[^'\\\\]|\\\\.)*'", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            if (!PROMQL_WORDS.contains(identifier.group())) {
                names.add(identifier.group());
            }
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
