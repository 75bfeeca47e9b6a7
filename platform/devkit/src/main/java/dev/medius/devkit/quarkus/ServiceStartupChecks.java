package dev.medius.devkit.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;

/**
 * What every Medius service must show once started: readiness with its database and broker checked,
 * documentation and metrics behind a token, identity read from the token, problem details for the unknown.
 * A service's start-up test is a {@code @QuarkusTest} that extends this class.
 */
public abstract class ServiceStartupChecks {

    private static final String OPERATOR = DevTokens.mint("prometheus", "operations", "admin");

    private final String service;

    protected ServiceStartupChecks(String service) {
        this.service = service;
    }

    @Test
    void reportsReadyWithDatabaseAndBrokerChecked() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesApiDocumentationAndMetricsToAuthenticatedCallersOnly() {
        given().when().get("/q/metrics").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/q/openapi").then().statusCode(401);
        given().auth().oauth2(OPERATOR).when().get("/q/openapi").then().statusCode(200)
                .body(containsString("Medius " + service + " API"));
        given().auth().oauth2(OPERATOR).when().get("/q/swagger-ui/").then().statusCode(200);
        given().auth().oauth2(OPERATOR).when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void readsIdentityFromDevelopmentTokenAndRefusesMissingOrExpiredOnes() {
        given().auth().oauth2(DevTokens.mint("coach-1", "club-a", "coach"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("subject", equalTo("coach-1"))
                .body("tenant", equalTo("club-a"))
                .body("roles", hasItems("coach"));
        given().when().get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2(DevTokens.mint("coach-1", "club-a", Set.of("coach"), Duration.ofMinutes(-5)))
                .when().get("/api/v1/me")
                .then().statusCode(401);
    }

    @Test
    void unknownResourceAnswersProblemDetails() {
        given().auth().oauth2(DevTokens.mint("coach-1", "club-a", "coach"))
                .when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo("/api/v1/no-such-thing"));
    }
}
