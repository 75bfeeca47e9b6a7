package dev.medius.catalog;

import dev.medius.devkit.quarkus.ServiceStartupChecks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CatalogServiceStartupIT extends ServiceStartupChecks {

    CatalogServiceStartupIT() {
        super("catalog-service");
    }
}
