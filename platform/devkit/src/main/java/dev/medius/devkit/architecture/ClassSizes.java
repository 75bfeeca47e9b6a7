package dev.medius.devkit.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service's main classes stay under {@value #LIMIT} lines, or docs/architecture.md says why one does not: its
 * section "Classes over 300 lines" names it by its path under the service's root package, e.g.
 * {@code domain/FlagRules}.
 */
public final class ClassSizes {

    public static final int LIMIT = 300;
    private static final String SECTION = "## Classes over 300 lines";

    private ClassSizes() {
    }

    /**
     * The classes under {@code sources}/{@code rootPackage} longer than the limit that the document's section does not
     * name, as {@code path (lines)}.
     */
    public static List<String> unexplained(Path sources, String rootPackage, Path architecture) {
        Path root = sources.resolve(rootPackage.replace('.', '/'));
        String reasons = section(architecture);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> new Sized(root.relativize(f).toString().replace('\\', '/').replaceFirst("\\.java$", ""),
                            lines(f)))
                    .filter(s -> s.lines > LIMIT && !reasons.contains("`" + s.path + "`"))
                    .map(s -> s.path + " (" + s.lines + " lines)")
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with every class over the limit that the document does not explain. */
    public static void check(Path sources, String rootPackage, Path architecture) {
        List<String> unexplained = unexplained(sources, rootPackage, architecture);
        if (!unexplained.isEmpty()) {
            throw new AssertionError("over " + LIMIT + " lines with no reason in " + architecture + " (\"" + SECTION
                    + "\"): " + String.join(", ", unexplained));
        }
    }

    private record Sized(String path, long lines) {
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String section(Path architecture) {
        try {
            String text = Files.readString(architecture);
            int start = text.indexOf(SECTION);
            if (start < 0) {
                return "";
            }
            int end = text.indexOf("\n## ", start + SECTION.length());
            return end < 0 ? text.substring(start) : text.substring(start, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
