package dev.medius.progress;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.architecture.ServiceLayers;

/** Dependencies inside progress-service point one way: rest → service → repository / domain, events apart. */
class ArchitectureTest {

    @Test
    void layersPointOneWay() {
        ServiceLayers.check("dev.medius.progress");
    }
}
