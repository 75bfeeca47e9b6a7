package dev.medius.devkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

class ServiceLayersTest {

    private static final String FIXTURES = "dev.medius.devkit.architecture.fixture.";

    @Test
    void aServiceThatPointsOneWayPasses() {
        String root = FIXTURES + "layered";
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        assertThat(ServiceLayers.rules(root)).allSatisfy(rule -> assertThat(rule.evaluate(classes).hasViolation()).isFalse());
    }

    @Test
    void aServiceTakingAViewFromRestAndACycleWithStorageFails() {
        String root = FIXTURES + "tangled";
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        assertThat(ServiceLayers.rules(root)).filteredOn(rule -> rule.evaluate(classes).hasViolation()).hasSize(3);
    }

    @Test
    void checkReportsEveryBrokenRule() {
        String root = FIXTURES + "tangled";
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        assertThatThrownBy(() -> ServiceLayers.check(root, classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("HTTP types stay in the resources")
                .hasMessageContaining("never the other way round")
                .hasMessageContaining("cycle");
    }
}
