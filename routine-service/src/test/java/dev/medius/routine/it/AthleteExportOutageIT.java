package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An export is complete or refused: when progress-service cannot be reached, the athlete gets a 503 problem, not
 * routine-service's half of the document. In an application of its own, as the failures open the breaker.
 */
@QuarkusTest
@TestProfile(AthleteExportOutageIT.ProgressDown.class)
class AthleteExportOutageIT {

    public static class ProgressDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // nothing listens on port 1
            return Map.of("quarkus.rest-client.progress.url", "http://127.0.0.1:1");
        }
    }

    @Test
    void anExportWithoutProgressServicesPartIsRefused() {
        Fixtures.catalogReady();
        String tenant = Fixtures.newTenant();
        String athlete = "athlete-" + tenant;
        String template = Fixtures.createTemplate(Fixtures.coach(tenant), "Hips", Fixtures.handMadePlan(1));
        Fixtures.assign(Fixtures.coach(tenant), template, List.of(athlete), null, Fixtures.today());

        String answer = given().auth().oauth2(Fixtures.athlete(athlete, tenant))
                .when().get("/api/v1/athletes/" + athlete + "/export")
                .then().statusCode(503).contentType("application/problem+json").header("Content-Disposition", (String) null)
                .extract().asString();
        assertThat(answer).contains("progress-service").doesNotContain(template).doesNotContain("assignments");
    }
}
