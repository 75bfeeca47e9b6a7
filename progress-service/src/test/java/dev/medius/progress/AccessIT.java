package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.planAssigned;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccessIT {

    final String tenant = "club-access-" + uuid();
    final String otherTenant = "club-elsewhere-" + uuid();
    final String coachAna = "coach-ana-" + uuid();
    final String coachBo = "coach-bo-" + uuid();
    final String lucia = "athlete-lucia-" + uuid();
    final String marco = "athlete-marco-" + uuid();
    final String stranger = "athlete-stranger-" + uuid();

    @BeforeEach
    void rosters() {
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.PLAN_ASSIGNED, lucia, planAssigned(uuid(), lucia, coachAna, TODAY));
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.PLAN_ASSIGNED, marco, planAssigned(uuid(), marco, coachBo, TODAY));
        // the same coach name in another organisation, with an athlete of its own
        send(Topics.ROUTINE_PLANS, otherTenant, EventTypes.PLAN_ASSIGNED, stranger,
                planAssigned(uuid(), stranger, coachAna, TODAY));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dashboard(otherTenant, coachAna, "coach"))
                .containsExactly(stranger));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dashboard(tenant, "root", "admin"))
                .containsExactlyInAnyOrder(lucia, marco));
    }

    static List<String> dashboard(String tenant, String subject, String role) {
        return given().auth().oauth2(DevTokens.mint(subject, tenant, role)).when().get("/api/v1/dashboard")
                .then().statusCode(200).extract().jsonPath().getList("athletes.athleteId", String.class);
    }

    static int progress(String tenant, String subject, String role, String athlete) {
        return given().auth().oauth2(DevTokens.mint(subject, tenant, role))
                .when().get("/api/v1/athletes/{id}/progress", athlete).statusCode();
    }

    @Test
    void coachSeesOnlyOwnAthletes() {
        assertThat(dashboard(tenant, coachAna, "coach")).containsExactly(lucia);
        assertThat(progress(tenant, coachAna, "coach", lucia)).isEqualTo(200);
        given().auth().oauth2(DevTokens.mint(coachAna, tenant, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", marco)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void athleteSeesOnlyThemselves() {
        assertThat(dashboard(tenant, lucia, "athlete")).containsExactly(lucia);
        assertThat(progress(tenant, lucia, "athlete", lucia)).isEqualTo(200);
        assertThat(progress(tenant, lucia, "athlete", marco)).isEqualTo(404);
    }

    @Test
    void anotherOrganisationsAthleteIsNotFound() {
        assertThat(progress(otherTenant, coachAna, "coach", lucia)).isEqualTo(404);
        assertThat(progress(otherTenant, "root", "admin", lucia)).isEqualTo(404);
        assertThat(progress(tenant, "root", "admin", stranger)).isEqualTo(404);
        assertThat(dashboard(tenant, coachAna, "coach")).doesNotContain(stranger);
        assertThat(dashboard("club-empty-" + uuid(), "root", "admin")).isEmpty();
    }

    @Test
    void adminSeesTheOrganisationAndMayNameACoach() {
        assertThat(progress(tenant, "root", "admin", marco)).isEqualTo(200);
        List<String> bo = given().auth().oauth2(DevTokens.mint("root", tenant, "admin"))
                .queryParam("coach", coachBo).when().get("/api/v1/dashboard")
                .then().statusCode(200).body("coach", equalTo(coachBo))
                .extract().jsonPath().getList("athletes.athleteId", String.class);
        assertThat(bo).containsExactly(marco);
    }

    @Test
    void coachCannotAskForAnotherCoachsRoster() {
        given().auth().oauth2(DevTokens.mint(coachAna, tenant, "coach")).queryParam("coach", coachBo)
                .when().get("/api/v1/dashboard").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void missingTokenOrWrongRoleIsRefusedAndBadParametersNameTheField() {
        given().when().get("/api/v1/dashboard").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.mint("ed", tenant, "editor")).when().get("/api/v1/dashboard")
                .then().statusCode(403);
        given().auth().oauth2(DevTokens.mint(coachAna, tenant, "coach")).queryParam("weeks", 0)
                .when().get("/api/v1/athletes/{id}/progress", lucia)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("weeks"));
        given().auth().oauth2(DevTokens.mint(coachAna, tenant, "coach")).queryParam("weeks", "many")
                .when().get("/api/v1/athletes/{id}/progress", lucia)
                .then().statusCode(400).body("errors.field", hasItem("weeks"));
        given().auth().oauth2(DevTokens.mint(coachAna, tenant, "coach")).when().post("/api/v1/admin/rebuild")
                .then().statusCode(403);
    }
}
