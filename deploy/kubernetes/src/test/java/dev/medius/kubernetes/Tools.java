package dev.medius.kubernetes;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/** Command-line tools a test needs: missing, the test fails in CI (CI=true) and is skipped on a workstation. */
final class Tools {

    private Tools() {
    }

    /** The executable {@code tool} on PATH. */
    static Path require(String tool) {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            String advice = tool + " is not on PATH; .ci/run installs it";
            if ("true".equals(System.getenv("CI"))) {
                fail(advice);
            }
            Assumptions.abort(advice);
        }
        return found.get();
    }
}
