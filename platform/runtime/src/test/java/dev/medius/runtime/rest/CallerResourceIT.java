package dev.medius.runtime.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;
import dev.medius.runtime.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CallerResourceIT {

    @Test
    void aTokenIsReadAsSubjectOrganisationAndRoles() {
        given().auth().oauth2(DevTokens.mint("coach-ana", "org-riverside", "coach", "athlete"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("subject", equalTo("coach-ana"))
                .body("tenant", equalTo("org-riverside"))
                .body("roles", contains("athlete", "coach"));
    }

    @Test
    void withoutATokenThereIsNoIdentity() {
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aTokenWithoutAnOrganisationIsNotAMediusToken() {
        given().auth().oauth2(DevTokens.mint("coach-ana", "", "coach"))
                .when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
    }
}
