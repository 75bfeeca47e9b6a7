package dev.medius.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives HTTP load with {@code wrk} (Debian package {@code wrk}) at a fixed number of connections and
 * reads its throughput and latency percentiles. A Lua script rotates over many (path, token) pairs,
 * so a scenario reads many rosters or athletes rather than one cached answer.
 */
final class Wrk {

    /** Requests per second, latency percentiles in milliseconds, and responses that were not 2xx/3xx or failed. */
    record Load(double requestsPerSecond, double p50Millis, double p99Millis, long errors, long requests) {
    }

    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s)\\s*$");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    static void requireInstalled() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: apt-get install -y wrk (Debian/Ubuntu)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes a script that sends GET requests round-robin over (path, bearer token) pairs. */
    static Path script(Path directory, List<Map.Entry<String, String>> requests) {
        List<String> tokens = requests.stream().map(Map.Entry::getValue).distinct().toList();
        StringBuilder lua = new StringBuilder("local tokens = {\n");
        tokens.forEach(t -> lua.append("  \"").append(t).append("\",\n"));
        lua.append("}\nlocal requests = {\n");
        for (Map.Entry<String, String> r : requests) {
            lua.append("  {\"").append(r.getKey()).append("\", ").append(tokens.indexOf(r.getValue()) + 1).append("},\n");
        }
        lua.append("}\nlocal n = 0\n")
                .append("function setup(thread) end\n")
                .append("request = function()\n")
                .append("  n = n + 1\n")
                .append("  local r = requests[(n % #requests) + 1]\n")
                .append("  return wrk.format(\"GET\", r[1], {[\"Authorization\"] = \"Bearer \" .. tokens[r[2]]})\n")
                .append("end\n");
        try {
            Path script = Files.createTempFile(directory, "wrk-", ".lua");
            Files.writeString(script, lua.toString());
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs wrk against {@code baseUrl} with the script for {@code seconds}. */
    static Load run(String baseUrl, Path script, int connections, int seconds) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(Math.min(2, connections)), "-c",
                Integer.toString(connections), "-d", seconds + "s", "--latency", "--timeout", "10s", "-s",
                script.toString(), baseUrl));
        String output;
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (wrk.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return parse(output);
    }

    static Load parse(String output) {
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (String line : output.split("\n")) {
            Matcher m = PERCENTILE.matcher(line);
            if (m.matches()) {
                double value = Double.parseDouble(m.group(2)) * switch (m.group(3)) {
                    case "us" -> 0.001;
                    case "s" -> 1000.0;
                    default -> 1.0;
                };
                if (m.group(1).equals("50")) {
                    p50 = value;
                } else {
                    p99 = value;
                }
            }
        }
        Matcher rate = RATE.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (!rate.find() || !total.find() || Double.isNaN(p99)) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new Load(Double.parseDouble(rate.group(1)), p50, p99, errors, Long.parseLong(total.group(1)));
    }
}
