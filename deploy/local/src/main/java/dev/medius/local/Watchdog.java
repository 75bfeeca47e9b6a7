package dev.medius.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A process outside the launcher's JVM that stops the services when the launcher dies without stopping them itself
 * (killed with SIGKILL, or the JVM crashing): a JVM's shutdown hooks do not run then, and the services would go on
 * holding their ports and writing to the databases. It asks them to stop, then kills what is left after 20 s.
 */
final class Watchdog implements AutoCloseable {

    private static final String SCRIPT = String.join("\n",
            "launcher=$1; shift",
            "while kill -0 \"$launcher\" 2>/dev/null; do sleep 1; done",
            "kill -TERM \"$@\" 2>/dev/null",
            "for second in $(seq 20); do",
            "  alive=0; for pid in \"$@\"; do kill -0 \"$pid\" 2>/dev/null && alive=1; done",
            "  [ \"$alive\" = 0 ] && exit 0",
            "  sleep 1",
            "done",
            "kill -KILL \"$@\" 2>/dev/null",
            "exit 0");

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    static Watchdog start(long launcher, List<Long> services) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "medius-watchdog", Long.toString(launcher)));
        services.forEach(pid -> command.add(Long.toString(pid)));
        try {
            return new Watchdog(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher stopped the services itself: nothing is left to watch. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
