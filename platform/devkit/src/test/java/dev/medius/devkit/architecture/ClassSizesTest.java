package dev.medius.devkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassSizesTest {

    @TempDir
    Path dir;

    @Test
    void aLongClassPassesOnlyWhenTheSectionNamesIt() throws IOException {
        Path sources = dir.resolve("src/main/java");
        write(sources.resolve("dev/medius/club/domain/Rules.java"), ClassSizes.LIMIT + 1);
        write(sources.resolve("dev/medius/club/rest/Short.java"), ClassSizes.LIMIT);
        Path doc = dir.resolve("architecture.md");

        Files.writeString(doc, "# Architecture\n\n`domain/Rules` is named here, outside the section.\n\n"
                + "## Classes over 300 lines\n\nNone.\n\n## Next\n");
        assertThat(ClassSizes.unexplained(sources, "dev.medius.club", doc)).containsExactly("domain/Rules (301 lines)");
        assertThatThrownBy(() -> ClassSizes.check(sources, "dev.medius.club", doc)).hasMessageContaining("domain/Rules");

        Files.writeString(doc, "# Architecture\n\n## Classes over 300 lines\n\n- `domain/Rules` (about 300): why.\n");
        assertThat(ClassSizes.unexplained(sources, "dev.medius.club", doc)).isEmpty();
    }

    private static void write(Path file, int lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "//\n".repeat(lines));
    }
}
