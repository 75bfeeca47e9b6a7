package dev.medius.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The service processes of the last run on a state folder. A launcher killed with SIGKILL leaves its services to its
 * {@link Watchdog}, which needs a few seconds to stop them; a launcher started again at once waits for them rather
 * than finding their ports taken.
 */
final class PreviousRun {

    private static final String FILE = "services.pids";
    private static final Duration BOUND = Duration.ofSeconds(40);

    private PreviousRun() {
    }

    static void record(Path state, List<Long> pids) {
        try {
            Files.writeString(state.resolve(FILE), pids.stream().map(String::valueOf).collect(Collectors.joining("\n")) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the last run's services to exit; stops any still running after the bound (a watchdog killed too). */
    static void awaitGone(Path state) {
        Path file = state.resolve(FILE);
        if (!Files.exists(file)) {
            return;
        }
        List<ProcessHandle> left;
        try {
            left = Files.readAllLines(file).stream().filter(line -> !line.isBlank())
                    .map(line -> ProcessHandle.of(Long.parseLong(line.trim()))).flatMap(Optional::stream)
                    .filter(PreviousRun::isService).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (left.isEmpty()) {
            return;
        }
        LocalPlatform.log("waiting for " + left.size() + " service(s) of the previous run to stop");
        // the first half of the bound for the watchdog, the second for a polite stop of our own
        if (!exited(left, BOUND.dividedBy(2))) {
            left.forEach(ProcessHandle::destroy);
            exited(left, BOUND.dividedBy(2));
        }
        left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Whether every process exited within the bound. */
    private static boolean exited(List<ProcessHandle> processes, Duration bound) {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not wait for the previous run's services", e.getCause());
        }
    }

    /** A pid may have been reused since: only a Medius service process is ours to wait for. */
    private static boolean isService(ProcessHandle process) {
        return process.isAlive() && process.info().commandLine().map(line -> line.contains("quarkus-run.jar")).orElse(false);
    }
}
