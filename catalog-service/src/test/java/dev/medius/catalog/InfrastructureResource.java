package dev.medius.catalog;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this service runs against the devkit's broker and a database of its own. */
@QuarkusTestResource(value = MediusTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "service", value = "catalog"),
        @ResourceArg(name = "topics", value = "catalog.exercises:3:compact") })
public final class InfrastructureResource {

    private InfrastructureResource() {
    }
}
