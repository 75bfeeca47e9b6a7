package dev.medius.routine;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.architecture.ServiceLayers;

/** The layers of routine-service point one way: rest → service → repository / domain, events out, messaging in. */
class ArchitectureTest {

    @Test
    void layersPointOneWay() {
        ServiceLayers.check("dev.medius.routine");
    }
}
