package dev.medius.progress;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.architecture.ClassSizes;
import dev.medius.devkit.architecture.ServiceLayers;

/** Dependencies inside progress-service point one way: rest → service → repository / domain, events apart. */
class ArchitectureTest {

    @Test
    void layersPointOneWay() {
        ServiceLayers.check("dev.medius.progress");
    }

    @Test
    void aClassOverThreeHundredLinesSaysWhyInTheArchitecture() {
        ClassSizes.check(Path.of("src/main/java"), "dev.medius.progress", Path.of("../docs/architecture.md"));
    }
}
