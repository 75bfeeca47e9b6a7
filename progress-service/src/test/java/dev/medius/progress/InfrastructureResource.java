package dev.medius.progress;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this service runs against the devkit's broker and a database of its own. */
@QuarkusTestResource(value = MediusTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "service", value = "progress"),
        @ResourceArg(name = "topics", value = "routine.plans:4,routine.sessions:4,routine.sessions.dlq:1,progress.alerts:4") })
public final class InfrastructureResource {

    private InfrastructureResource() {
    }
}
