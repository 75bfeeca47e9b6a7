package dev.medius.progress;

import dev.medius.devkit.quarkus.ServiceStartupChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProgressServiceStartupIT extends ServiceStartupChecks {

    ProgressServiceStartupIT() {
        super("progress-service");
    }
}
