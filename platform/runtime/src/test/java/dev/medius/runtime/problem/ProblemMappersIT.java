package dev.medius.runtime.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every refusal of the API is an RFC 9457 problem that names what was wrong, and nothing of the inside. */
@QuarkusTest
class ProblemMappersIT {

    private static final String PROBLEMS = "https://medius.dev/problems/";

    @Test
    void aBlankTitleIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"title\": \" \", \"sets\": [3]}")
                .when().post("/test/notes")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(PROBLEMS + "invalid-request"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("title: must not be blank"))
                .body("instance", equalTo("/test/notes"))
                .body("errors.field", contains("title"))
                .body("errors.message", contains("must not be blank"));
    }

    @Test
    void severalInvalidFieldsAreEachNamedInOrder() {
        given().contentType(ContentType.JSON).body("{\"title\": \"\", \"sets\": [8, 0, 8, 8]}")
                .when().post("/test/notes")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("3 fields are invalid"))
                .body("errors.field", contains("sets", "sets[1]", "title"))
                .body("errors.message", contains("size must be between 0 and 3", "must be greater than or equal to 1",
                        "must not be blank"));
    }

    @Test
    void aQueryParameterOutOfRangeIsNamedByItself() {
        given().queryParam("limit", 0)
                .when().get("/test/notes")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("limit"))
                .body("detail", equalTo("limit: must be greater than or equal to 1"));
    }

    @Test
    void aRefusalOfTheDomainKeepsItsStatusTitleAndDetail() {
        given().when().get("/test/notes/7")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(PROBLEMS + "not-found"))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("note 7 does not exist"))
                .body("instance", equalTo("/test/notes/7"));
        given().contentType(ContentType.JSON).body("{\"title\": \"Squats\"}")
                .when().put("/test/notes/7")
                .then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(PROBLEMS + "conflict"))
                .body("title", equalTo("Conflict"))
                .body("detail", equalTo("note 7 changed since you read it"));
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        given().when().get("/test/nowhere")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(PROBLEMS + "not-found"))
                .body("detail", equalTo("no such resource"));
    }

    @Test
    void malformedJsonIsAnUnreadableBodyProblem() {
        given().contentType(ContentType.JSON).body("{\"title\": \"Squats\",")
                .when().post("/test/notes")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(PROBLEMS + "invalid-request"))
                .body("title", equalTo("Unreadable request body"))
                .body("detail", startsWith("malformed JSON at line 1"));
    }

    @Test
    void aValueOfTheWrongKindNamesTheFieldAndWhatWasExpected() {
        given().contentType(ContentType.JSON).body("{\"title\": \"Squats\", \"day\": \"tuesday\"}")
                .when().post("/test/notes")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("day"))
                .body("detail", equalTo("day: expected an ISO-8601 date or time but got 'tuesday'"));
        given().contentType(ContentType.JSON).body("{\"title\": \"Squats\", \"feeling\": \"ELATED\"}")
                .when().post("/test/notes")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("feeling: expected one of [STRONG, TIRED] but got 'ELATED'"));
    }

    @Test
    void textWithTheNulCharacterIsRefusedBeforeItReachesTheDatabase() {
        given().contentType(ContentType.JSON).body("{\"title\": \"Squ\\u0000ats\"}")
                .when().post("/test/notes")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("title"))
                .body("errors.message", contains("must not contain the NUL character"));
        given().urlEncodingEnabled(false).queryParam("search", "squ%00ats")
                .when().get("/test/notes")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("search"))
                .body("errors.message", contains("must not contain the NUL character"));
    }

    @Test
    void withoutATokenTheCallerIsAskedForOne() {
        given().when().get("/test/notes/mine")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(PROBLEMS + "unauthenticated"))
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("a valid bearer token is required"));
        given().auth().oauth2(DevTokens.mintFromIssuer("https://issuer.example", "coach-ana", "org-riverside", "coach"))
                .when().get("/test/notes/mine")
                .then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(PROBLEMS + "unauthenticated"));
    }

    @Test
    void aRoleThatMayNotActIsForbidden() {
        given().auth().oauth2(DevTokens.mint("athlete-bo", "org-riverside", "athlete"))
                .when().delete("/test/notes/7")
                .then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(PROBLEMS + "forbidden"))
                .body("detail", equalTo("your role does not allow this operation"));
        given().auth().oauth2(DevTokens.mint("editor-cy", "org-riverside", "editor"))
                .when().delete("/test/notes/7")
                .then().statusCode(204);
    }

    @Test
    void anUnexpectedFailureGivesAnErrorIdAndNothingOfTheInside() {
        given().when().get("/test/notes/7/history")
                .then().statusCode(500)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(PROBLEMS + "internal-error"))
                .body("title", equalTo("Internal error"))
                .body("detail", matchesPattern("the request failed unexpectedly; error id [0-9a-f-]{36}"))
                .body(not(containsString("10.0.0.7")))
                .body(not(containsString("IllegalStateException")));
    }
}
