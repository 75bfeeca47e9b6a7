package dev.medius.devkit.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** podman as Medius runs it: with the project's {@code deploy/containers/containers.conf}, every call bounded. */
public final class Podman {

    private Podman() {
    }

    /** The settings file podman reads for the checkout at {@code root}. */
    public static Path configuration(Path root) {
        return root.resolve("deploy/containers/containers.conf");
    }

    /** True when {@code command} runs here and exits 0 with {@code --version}. */
    public static boolean installed(String command) {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code podman args...}; returns its standard output, or fails with everything it printed. */
    public static String run(Path root, Duration bound, String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return exec(root, command, bound, null);
    }

    /**
     * Runs {@code command} (podman, or a script that calls it) with podman's settings for {@code root}; its output
     * goes to {@code log} when given. Returns standard output and error, or fails with their end.
     */
    public static String exec(Path root, List<String> command, Duration bound, Path log) {
        try {
            Path output = log != null ? log : Files.createTempFile("medius-podman", ".log");
            if (!Files.exists(output)) {
                Files.createFile(output);
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            builder.environment().putIfAbsent("CONTAINERS_CONF", configuration(root).toString());
            long start = Files.size(output);
            Process process = builder.start();
            boolean finished = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            byte[] all = Files.readAllBytes(output);
            String printed = new String(all, (int) Math.min(start, all.length), (int) (all.length - Math.min(start, all.length)),
                    StandardCharsets.UTF_8);
            if (log == null) {
                Files.deleteIfExists(output);
            }
            if (!finished || process.exitValue() != 0) {
                String tail = printed.length() > 4000 ? printed.substring(printed.length() - 4000) : printed;
                throw new IllegalStateException(String.join(" ", command) + (finished ? " exited with " + process.exitValue()
                        : " did not finish within " + bound) + ":\n" + tail);
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
