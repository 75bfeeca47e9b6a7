package dev.medius.catalog;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.architecture.ClassSizes;
import dev.medius.devkit.architecture.ServiceLayers;

/** Dependencies inside catalog-service point one way: rest → service → repository / domain, events outbound. */
class ArchitectureTest {

    @Test
    void layersPointOneWay() {
        ServiceLayers.check("dev.medius.catalog");
    }

    @Test
    void aClassOverThreeHundredLinesSaysWhyInTheArchitecture() {
        ClassSizes.check(Path.of("src/main/java"), "dev.medius.catalog", Path.of("../docs/architecture.md"));
    }
}
