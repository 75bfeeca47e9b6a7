package dev.medius.catalog;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.architecture.ServiceLayers;

/** Dependencies inside catalog-service point one way: rest → service → repository / domain, events outbound. */
class ArchitectureTest {

    @Test
    void layersPointOneWay() {
        ServiceLayers.check("dev.medius.catalog");
    }
}
