package dev.medius.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Presses Ctrl-C on a launcher: SIGINT. A process started from a shell without job control inherits
 * SIGINT as ignored (POSIX), and then the JVM cannot see it; in that case SIGTERM, which runs the same
 * shutdown, stands in for it.
 */
final class CtrlC {

    private CtrlC() {
    }

    static void press(Process process) throws IOException, InterruptedException {
        String signal = ignoresSigint(process.pid()) ? "-TERM" : "-INT";
        new ProcessBuilder("kill", signal, Long.toString(process.pid())).start().waitFor();
    }

    static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (ignored & (1L << (2 - 1))) != 0; // SIGINT is signal 2
            }
        }
        return false;
    }
}
