package dev.medius.runtime.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BrokerReadinessIT {

    private static final String BROKER_CHECK = "checks.find { it.name == 'Kafka connection health check' }";

    @Test
    void readinessReportsTheBrokerUpWithItsNodesAndNeedsNoToken() {
        given().when().get("/q/health/ready")
                .then()
                .body(BROKER_CHECK + ".status", equalTo("UP"))
                .body(BROKER_CHECK + ".data.nodes", equalTo(MediusTestInfrastructure.broker().bootstrapServers()));
    }
}
