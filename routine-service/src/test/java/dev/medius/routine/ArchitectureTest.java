package dev.medius.routine;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.architecture.ClassSizes;
import dev.medius.devkit.architecture.ServiceLayers;

/** The layers of routine-service point one way: rest → service → repository / domain, events out, messaging in. */
class ArchitectureTest {

    @Test
    void layersPointOneWay() {
        ServiceLayers.check("dev.medius.routine");
    }

    @Test
    void aClassOverThreeHundredLinesSaysWhyInTheArchitecture() {
        ClassSizes.check(Path.of("src/main/java"), "dev.medius.routine", Path.of("../docs/architecture.md"));
    }
}
