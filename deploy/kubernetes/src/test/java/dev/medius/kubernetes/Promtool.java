package dev.medius.kubernetes;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own checker, run as a process. In CI (CI=true) it must be installed; on a workstation without it
 * the tests that need it are skipped.
 */
final class Promtool {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path executable;

    private Promtool(Path executable) {
        this.executable = executable;
    }

    /** The promtool on PATH; fails in CI and skips elsewhere when there is none. */
    static Promtool onPath() {
        return new Promtool(Tools.require("promtool"));
    }

    /** Runs {@code promtool args} in {@code dir}; fails with its output unless it exits 0 within the bound. */
    String run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("promtool", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
                String text = Files.readString(output);
                if (process.exitValue() != 0) {
                    fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while promtool ran", e);
        }
    }
}
