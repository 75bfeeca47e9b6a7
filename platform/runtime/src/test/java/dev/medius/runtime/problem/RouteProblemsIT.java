package dev.medius.runtime.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What is refused before any resource runs still answers with problem details. */
@QuarkusTest
class RouteProblemsIT {

    @Test
    void aBodyOverTheLimitIsRefusedWithProblemDetails() {
        // over quarkus.http.limits.max-body-size of the test configuration (64K)
        String body = "{\"title\": \"" + "x".repeat(70 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/test/notes")
                .then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://medius.dev/problems/payload-too-large"))
                .body("title", equalTo("Payload Too Large"))
                .body("detail", equalTo("request body too large"))
                .body("instance", equalTo("/test/notes"));
    }

    @Test
    void operationsEndpointsAskForATokenWithProblemDetails() {
        given().when().get("/q/openapi")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://medius.dev/problems/unauthenticated"))
                .body("instance", equalTo("/q/openapi"));
        given().auth().oauth2(DevTokens.mint("admin-di", "org-riverside", "admin"))
                .when().get("/q/openapi")
                .then().statusCode(200);
    }
}
