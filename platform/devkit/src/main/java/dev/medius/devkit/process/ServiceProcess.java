package dev.medius.devkit.process;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Medius service running as a child process from its packaged application
 * ({@code <root>/<name>-service/target/quarkus-app}). The local launcher, the benchmarks and the
 * reliability suite start services this way; the last two also kill and restart them.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final long startedNanos;
    private volatile double readySeconds = Double.NaN;

    private ServiceProcess(String name, int port, Process process, Path log, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code <name>-service} on {@code port} with {@code env} and the JVM options given, appending its output
     * to {@code log}; returns once the process exists.
     */
    public static ServiceProcess start(String name, Path root, int port, Map<String, String> env, List<String> jvmOptions,
            Path log) {
        Path jar = root.resolve(name + "-service").resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build with ./mvnw install -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        return launch(name, root, port, command, env, log);
    }

    /**
     * Starts {@code <name>-service} from its container image on the host's network, confined as the Kubernetes
     * manifests confine it (user 185, read-only root, a writable /tmp, 512 MiB, no capabilities). The child process
     * is podman's client: it passes a stop signal on to the service, and the container is removed once it exits.
     */
    public static ServiceProcess container(String name, Path root, String image, int port, Map<String, String> env,
            Path log) {
        List<String> command = new ArrayList<>(List.of("podman", "run", "--rm", "--name", "medius-" + name + "-" + port,
                "--network", "host", "--read-only", "--tmpfs", "/tmp:rw,size=256m", "--memory", "512m",
                "--user", "185:185", "--cap-drop", "ALL", "--security-opt", "no-new-privileges"));
        // values travel in podman's own environment, so no secret appears on a command line
        env.keySet().forEach(key -> command.addAll(List.of("--env", key)));
        command.addAll(List.of("--env", "QUARKUS_HTTP_PORT", image));
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.putIfAbsent("CONTAINERS_CONF", root.resolve("deploy/containers/containers.conf").toString());
        return launch(name, root, port, command, environment, log);
    }

    private static ServiceProcess launch(String name, Path root, int port, List<String> command, Map<String, String> env,
            Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            long started = System.nanoTime();
            return new ServiceProcess(name, port, builder.start(), log, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The HTTP status of {@code /q/health/ready}, or -1 when nothing answers. */
    public int readiness() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True once ready; fails with the end of its log when the process has exited. */
    public boolean pollReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + "-service exited; last lines of its log (" + log + "):\n" + logTail(40));
        }
        if (readiness() != 200) {
            return false;
        }
        if (Double.isNaN(readySeconds)) {
            readySeconds = (System.nanoTime() - startedNanos) / 1e9;
        }
        return true;
    }

    /** Polls readiness every 10 ms until ready; returns the seconds from process start to the first 200. */
    public double awaitReady(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!pollReady()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + "-service not ready after " + bound + "; its log: " + log);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return readySeconds;
    }

    /** Seconds from process start to ready, once readiness has been seen. */
    public double readySeconds() {
        return readySeconds;
    }

    /** Resident set size of the process in MiB, from /proc (Linux). */
    public double residentMib() {
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

    /** Asks the service to shut down gracefully (SIGTERM). */
    public void terminate() {
        process.destroy();
    }

    /** Kills the service at once (SIGKILL): no shutdown hook runs, nothing in flight is finished. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the graceful stop, then kills whatever is left. */
    public void awaitExit(Duration bound) {
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGTERM, then a bounded wait, then whatever is left is killed. */
    @Override
    public void close() {
        terminate();
        awaitExit(Duration.ofSeconds(30));
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
