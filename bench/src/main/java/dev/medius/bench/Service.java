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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service started from its packaged production build ({@code target/quarkus-app}) as its own
 * process, sized as the JVM sizes itself in the Kubernetes manifests' 512 MiB limit, so its start
 * time and resident memory are what a replica shows.
 */
final class Service implements AutoCloseable {

    /** The JVM options every replica runs with, as the images and the manifests' 512 MiB limit set them. */
    private static final String REPLICA_JVM = "-XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:TrimNativeHeapInterval=2000"
            + " -Djava.util.logging.manager=org.jboss.logmanager.LogManager";

    /**
     * The JVM a service's replica runs: the serial collector the JVM picks inside the limit, with a 16 MiB young
     * generation as the images hold it, except for
     * progress-service, whose image sets the parallel one and a larger initial heap (its Dockerfile says why);
     * {@code --jvm-options "..."} replaces them all to try others against the same scenario.
     */
    static List<String> jvmOptions(String service) {
        String collector = "progress".equals(service) ? "-XX:+UseParallelGC -XX:InitialRAMPercentage=31.25"
                : "-XX:+UseSerialGC -Xmn16m";
        return List.of(System.getProperty("bench.jvm-options", REPLICA_JVM + " " + collector).trim().split("\\s+"));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final long startedNanos;
    private double readySeconds = Double.NaN;

    private Service(String name, int port, Process process, Path log, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code <name>-service} with the given environment and JVM options besides its replica's own;
     * returns once the process exists.
     */
    static Service start(String name, Path root, Map<String, String> env, List<String> extraJvmOptions,
            Path logDirectory) {
        Path jar = root.resolve(name + "-service").resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build with ./mvnw -B package -DskipTests");
        }
        int port = Ports.free();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(name));
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        Path log = logDirectory.resolve(name + "-service-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        try {
            long started = System.nanoTime();
            return new Service(name, port, builder.start(), log, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Seconds from process start to ready, once {@link #awaitReady} has seen it ready. */
    double readySeconds() {
        return readySeconds;
    }

    long pid() {
        return process.pid();
    }

    /** Polls readiness every 10 ms; returns the seconds from process start to the first 200. */
    double awaitReady(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + "-service exited; its log: " + log);
            }
            if (ready()) {
                readySeconds = (System.nanoTime() - startedNanos) / 1e9;
                return readySeconds;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + "-service not ready after " + bound + "; its log: " + log);
            }
            Pause.millis(10);
        }
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Resident set size of the process in MiB, from /proc (Linux). */
    double residentMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + name + "-service");
    }

    /** SIGTERM, then a bounded wait, then whatever is left is killed. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
