package dev.medius.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a scenario's table and appends it, with the machine and commit, to docs/benchmarks.md. */
final class Report {

    private Report() {
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException e) {
            // not Linux: the model stays unknown
        }
        long memory = 0;
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        } catch (IOException e) {
            // not Linux: memory stays unknown
        }
        return String.format("%d cores, %.1f GiB memory, %s", Runtime.getRuntime().availableProcessors(),
                memory / 1024.0 / 1024.0, cpu);
    }

    static String commit(Path root) {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=10").directory(root.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static String markdown(Result result, Path root, int runs, Map<String, ?> sizes) {
        StringBuilder md = new StringBuilder();
        md.append("\n### ").append(result.title).append("\n\n");
        md.append("- date: ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .substring(0, 16)).append("Z; commit `").append(commit(root)).append("`\n");
        md.append("- machine: ").append(machine()).append('\n');
        md.append("- runs: ").append(runs).append("; sizes: ").append(sizes.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        md.append("- command: `bench/run ").append(result.scenario).append("`\n\n");
        md.append("| figure | median | min | max | unit |\n| --- | ---: | ---: | ---: | --- |\n");
        for (Result.Figure f : result.figures) {
            md.append("| ").append(f.name()).append(" | ").append(Result.format(f.median())).append(" | ")
                    .append(Result.format(f.min())).append(" | ").append(Result.format(f.max())).append(" | ")
                    .append(f.unit()).append(" |\n");
        }
        if (!result.bars.isEmpty()) {
            md.append('\n');
            for (Result.Bar bar : result.bars) {
                md.append("- bar ").append(bar.describe()).append(": **")
                        .append(result.met(bar) ? "met" : "missed").append("** (median ")
                        .append(Result.format(result.find(bar.figure()).median())).append(")\n");
            }
        }
        if (!result.notes.isEmpty()) {
            md.append('\n');
            result.notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    static String table(Result result) {
        int width = Math.max(24, result.figures.stream().mapToInt(f -> f.name().length()).max().orElse(0));
        StringBuilder out = new StringBuilder("\n" + result.title + "\n");
        out.append(String.format("%-" + width + "s %12s %12s %12s  %s%n", "figure", "median", "min", "max", "unit"));
        for (Result.Figure f : result.figures) {
            out.append(String.format("%-" + width + "s %12s %12s %12s  %s%n", f.name(), Result.format(f.median()),
                    Result.format(f.min()), Result.format(f.max()), f.unit()));
        }
        for (Result.Bar bar : result.bars) {
            out.append("bar ").append(bar.describe()).append(": ").append(result.met(bar) ? "met" : "MISSED").append('\n');
        }
        return out.toString();
    }

    static void append(Path document, String markdown) {
        try {
            if (!Files.exists(document)) {
                Files.writeString(document, header(), StandardCharsets.UTF_8);
            }
            Files.writeString(document, markdown, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header() {
        return String.join("\n", List.of("# Benchmarks", "",
                "Figures appended by `bench/run` (see [bench/README.md](../bench/README.md)); each is the median of the"
                        + " runs with their min and max, next to a ceiling measured in the same run on the same machine.",
                ""));
    }
}
