package dev.medius.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.devkit.containers.Podman;

/**
 * One service running from its image in a podman container on the host's network, limited and locked down as the
 * Kubernetes manifests run it (512 MiB, read-only root, the image's unprivileged user, no capabilities).
 */
final class ServiceContainer implements AutoCloseable {

    /** The manifests' memory limit, in MiB. */
    static final int MEMORY_LIMIT_MIB = 512;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A size as podman prints it: decimal units, e.g. {@code 245.3MB}. */
    private static final Pattern SIZE = Pattern.compile("([0-9.]+)\\s*([kMGT]?i?B)");
    /** Containers still running; a harness stopped with SIGTERM or Ctrl-C removes them on its way out. */
    private static final Set<ServiceContainer> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(ServiceContainer::close),
                "bench-containers-stop"));
    }

    private final Path root;
    private final String service;
    private final String name;
    private final int port;
    private final long startedNanos;
    private double readySeconds = Double.NaN;

    private ServiceContainer(Path root, String service, String name, int port, long startedNanos) {
        this.root = root;
        this.service = service;
        this.name = name;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /**
     * {@code podman run} of {@code image} listening on {@code port}, configured by {@code env} (written to
     * {@code envFile} for podman, which reads it and is then deleted); {@code cpus} above 0 adds a CPU limit. The start
     * is timed from the moment podman is called. Returns once podman has started the container.
     */
    static ServiceContainer run(Path root, String service, String image, int port, Map<String, String> env, Path envFile,
            int cpus) {
        String name = "medius-bench-" + service + "-" + port;
        try {
            Files.writeString(envFile, envFile(env));
            long started = System.nanoTime();
            ServiceContainer container = new ServiceContainer(root, service, name, port, started);
            RUNNING.add(container);
            try {
                Podman.run(root, Duration.ofMinutes(2), runArguments(name, image, envFile, cpus).toArray(String[]::new));
            } catch (RuntimeException e) {
                container.close();
                throw e;
            }
            return container;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(envFile);
            } catch (IOException e) {
                // in the platform's folder, which is deleted with it
            }
        }
    }

    /** The arguments of {@code podman run}: as the manifests' pod spec runs the image. */
    static List<String> runArguments(String name, String image, Path envFile, int cpus) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "host", "--read-only",
                "--tmpfs", "/tmp", "--memory", MEMORY_LIMIT_MIB + "m", "--user", "185:185", "--cap-drop", "ALL"));
        if (cpus > 0) {
            args.addAll(List.of("--cpus", Integer.toString(cpus)));
        }
        args.addAll(List.of("--env-file", envFile.toString(), image));
        return args;
    }

    /** KEY=value lines, as {@code podman run --env-file} reads them (values taken to the end of the line). */
    static String envFile(Map<String, String> env) {
        env.forEach((key, value) -> {
            if (value.contains("\n")) {
                throw new IllegalArgumentException(key + " spans lines; an env file holds one line a setting");
            }
        });
        return env.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Polls {@code /q/health/ready} every 10 ms until it answers 200; returns the seconds from {@code podman run} to
     * then. Fails with the end of the container's log when it stops or the bound passes.
     */
    double awaitReady(Duration bound) {
        long deadline = startedNanos + bound.toNanos();
        long nextCheck = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (readiness() != 200) {
            long now = System.nanoTime();
            // asking podman costs CPU the start needs, so only now and then
            if (now > nextCheck) {
                if (!"true".equals(inspect("{{.State.Running}}"))) {
                    throw new IllegalStateException(name + " stopped before it was ready:\n" + logTail());
                }
                nextCheck = now + Duration.ofSeconds(5).toNanos();
            }
            if (now > deadline) {
                throw new IllegalStateException(name + " not ready after " + bound + ":\n" + logTail());
            }
            Pause.millis(10);
        }
        readySeconds = (System.nanoTime() - startedNanos) / 1e9;
        return readySeconds;
    }

    double readySeconds() {
        return readySeconds;
    }

    private int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(3))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** VmRSS of the container's JVM (its process 1, seen from the host), in MiB. */
    double residentMib() {
        Path proc = Path.of("/proc", inspect("{{.State.Pid}}"));
        try {
            String command = Files.readString(proc.resolve("comm")).trim();
            if (!command.equals("java")) {
                throw new IllegalStateException(name + "'s process 1 is " + command + ", not the JVM");
            }
            return residentMib(Files.readString(proc.resolve("status")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** VmRSS from the text of /proc/PID/status, in MiB. */
    static double residentMib(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS in " + status);
    }

    /** The memory the container's cgroup charges against its limit, as {@code podman stats} reports it, in MiB. */
    double chargedMib() {
        return chargedMib(Podman.run(root, Duration.ofSeconds(30), "stats", "--no-stream", "--format", "json", name));
    }

    /** The used half of {@code mem_usage} ("245.3MB / 536.9MB") in the JSON of {@code podman stats}, in MiB. */
    static double chargedMib(String statsJson) {
        try {
            JsonNode stats = JSON.readTree(statsJson);
            JsonNode first = stats.isArray() ? stats.path(0) : stats;
            String usage = first.path("mem_usage").asText("");
            return bytes(usage.split("/")[0].trim()) / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new IllegalStateException("podman stats printed no JSON: " + statsJson, e);
        }
    }

    /** Bytes of a size in decimal ({@code kB}, {@code MB}) or binary ({@code KiB}, {@code MiB}) units. */
    static double bytes(String size) {
        Matcher matcher = SIZE.matcher(size.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size: " + size);
        }
        String unit = matcher.group(2);
        int power = "BKMGT".indexOf(Character.toUpperCase(unit.charAt(0)));
        double base = unit.contains("i") ? 1024 : 1000;
        return Double.parseDouble(matcher.group(1)) * Math.pow(base, power);
    }

    private String inspect(String format) {
        return Podman.run(root, Duration.ofSeconds(30), "inspect", "-f", format, name).trim();
    }

    private String logTail() {
        try {
            String log = Podman.run(root, Duration.ofSeconds(30), "logs", "--tail", "40", name);
            return log.isBlank() ? "(no output)" : log;
        } catch (RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the container as Kubernetes stops a pod (SIGTERM, then a bounded wait) and removes it. */
    @Override
    public void close() {
        if (!RUNNING.remove(this)) {
            return;
        }
        try {
            Podman.run(root, Duration.ofMinutes(1), "rm", "-f", "-t", "30", name);
        } catch (RuntimeException e) {
            System.err.println("[bench] could not remove " + name + " (" + service + "-service): " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s-service on %d)", name, service, port);
    }
}
