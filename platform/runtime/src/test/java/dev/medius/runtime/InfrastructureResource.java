package dev.medius.runtime;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.runtime.outbox.SessionTopic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of the runtime runs against the devkit's broker and a database of its own. */
@QuarkusTestResource(value = MediusTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "service", value = "runtime"),
        @ResourceArg(name = "topics", value = SessionTopic.NAME + ":3") })
public final class InfrastructureResource {

    private InfrastructureResource() {
    }
}
