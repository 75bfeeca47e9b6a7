package dev.medius.routine;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this service runs against the devkit's broker and a database of its own. */
@QuarkusTestResource(value = MediusTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "service", value = "routine"),
        @ResourceArg(name = "topics", value = "catalog.exercises:3:compact,catalog.exercises.dlq:1,routine.plans:4,routine.sessions:4") })
public final class InfrastructureResource {

    private InfrastructureResource() {
    }
}
