package dev.medius.routine;

import dev.medius.devkit.quarkus.ServiceStartupChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RoutineServiceStartupIT extends ServiceStartupChecks {

    RoutineServiceStartupIT() {
        super("routine-service");
    }
}
