package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.routine.support.EventTap;
import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** A coach registers athletes with a name, team and sport; each change reaches routine.plans as athlete.updated.v1. */
@QuarkusTest
class AthleteRegistryIT {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    private final String tenant = Fixtures.newTenant();
    private final String athlete = "athlete-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void eachChangeRaisesTheRevisionAndPublishesOneAthleteUpdatedAndAnUnchangedPutPublishesNothing() {
        try (EventTap plans = new EventTap(Topics.ROUTINE_PLANS)) {
            Fixtures.putProfile(Fixtures.coach(tenant), athlete, Fixtures.profile("Lucía Moreno", null, "running"))
                    .then().statusCode(200).body("athleteId", equalTo(athlete))
                    .body("displayName", equalTo("Lucía Moreno")).body("teamId", nullValue())
                    .body("teamName", nullValue()).body("sport", equalTo("running")).body("revision", equalTo(1));
            JsonNode first = awaitProfile(plans, 1);
            assertThat(first.get("displayName").asText()).isEqualTo("Lucía Moreno");
            assertThat(first.get("teamId").isNull()).isTrue();

            Map<String, Object> moved = Map.of("displayName", "Lucía Moreno", "teamId", "road-runners",
                    "teamName", "Road runners", "sport", "running");
            JsonPath updated = Fixtures.putProfile(Fixtures.admin(tenant), athlete, moved).then().statusCode(200)
                    .body("revision", equalTo(2)).body("teamName", equalTo("Road runners")).extract().jsonPath();
            JsonNode second = awaitProfile(plans, 2);
            assertThat(second.get("teamId").asText()).isEqualTo("road-runners");
            assertThat(second.get("teamName").asText()).isEqualTo("Road runners");
            assertThat(second.get("updatedAt").asText()).isEqualTo(updated.getString("updatedAt"));

            // the same profile again: same revision, and no event before the next change's
            Fixtures.putProfile(Fixtures.admin(tenant), athlete, moved).then().statusCode(200)
                    .body("revision", equalTo(2)).body("updatedAt", equalTo(updated.getString("updatedAt")));
            Fixtures.putProfile(Fixtures.admin(tenant), athlete, Map.of("displayName", "Lucía Moreno Ruiz",
                    "teamId", "road-runners")).then().statusCode(200).body("revision", equalTo(3))
                    .body("teamName", equalTo("Road runners")).body("sport", nullValue());
            awaitProfile(plans, 3);
            assertThat(plans.ofType(athlete, EventTypes.ATHLETE_UPDATED))
                    .extracting(event -> event.data().get("revision").asLong()).containsExactly(1L, 2L, 3L);

            given().auth().oauth2(Fixtures.athlete(athlete, tenant))
                    .when().get("/api/v1/athletes/" + athlete + "/profile")
                    .then().statusCode(200).body("displayName", equalTo("Lucía Moreno Ruiz"))
                    .body("revision", equalTo(3));
        }
    }

    @Test
    void aTeamWithoutANameTakesTheOneTheOrganisationGivesIt() {
        String admin = Fixtures.admin(tenant);
        Fixtures.putProfile(admin, athlete, Fixtures.profile("Ana Ruiz", "first-team", "football"))
                .then().statusCode(200).body("teamName", equalTo("first-team"));
        Fixtures.putProfile(admin, athlete, Map.of("displayName", "Ana Ruiz", "teamId", "first-team",
                "teamName", "First team")).then().statusCode(200);
        Fixtures.putProfile(admin, athlete + "-2", Fixtures.profile("Eva Soto", "first-team", null))
                .then().statusCode(200).body("teamName", equalTo("First team"));
    }

    @Test
    void badProfilesAndQueriesGetProblemsNamingTheField() {
        String admin = Fixtures.admin(tenant);
        invalid(Fixtures.putProfile(admin, athlete, Map.of("teamId", "trail")), "displayName");
        invalid(Fixtures.putProfile(admin, athlete, Map.of("displayName", "  ")), "displayName");
        invalid(Fixtures.putProfile(admin, athlete, Map.of("displayName", "x".repeat(201))), "displayName");
        invalid(Fixtures.putProfile(admin, athlete, Map.of("displayName", "Ana", "teamId", "First Team")), "teamId");
        invalid(Fixtures.putProfile(admin, athlete, Map.of("displayName", "Ana", "teamName", "Trail")), "teamName");
        invalid(Fixtures.putProfile(admin, athlete, Map.of("displayName", "Ana", "teamId", "trail", "teamName", "")),
                "teamName");
        invalid(Fixtures.putProfile(admin, athlete, Map.of("displayName", "Ana", "sport", " ")), "sport");
        invalid(Fixtures.putProfile(admin, athlete, Map.of("displayName", "Ana", "sport", "x".repeat(101))), "sport");
        invalid(Fixtures.putProfile(admin, athlete, Map.of("displayName", List.of("Ana"))), "displayName");
        invalid(list(admin, "teamId=Trail"), "teamId");
        invalid(list(admin, "page=-1"), "page");
        invalid(list(admin, "size=0"), "size");
        invalid(list(admin, "size=101"), "size");
        given().auth().oauth2(admin).when().get("/api/v1/athletes/" + athlete + "/profile").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theListIsByNameWithAccentsInPlaceFilteredByTeamAndPaged() {
        String admin = Fixtures.admin(tenant);
        Map<String, String> runners = Map.of("r1", "Bea Gil", "r2", "Álvaro Ruiz", "r3", "alba Sanz");
        runners.forEach((id, name) -> Fixtures.putProfile(admin, athlete + id, Fixtures.profile(name, "road-runners",
                "running")).then().statusCode(200));
        Fixtures.putProfile(admin, athlete + "t1", Fixtures.profile("Carla Díaz", "trail", "trail-running"))
                .then().statusCode(200);
        Fixtures.putProfile(admin, athlete + "n1", Fixtures.profile("Zoe Vidal", null, null)).then().statusCode(200);

        list(admin, "teamId=road-runners&size=2").then().statusCode(200).body("total", equalTo(3))
                .body("totalPages", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.displayName", contains("alba Sanz", "Álvaro Ruiz"));
        list(admin, "teamId=road-runners&size=2&page=1").then().body("items.displayName", contains("Bea Gil"));
        list(admin, "").then().body("total", equalTo(5)).body("items.displayName",
                contains("alba Sanz", "Álvaro Ruiz", "Bea Gil", "Carla Díaz", "Zoe Vidal"));
        list(admin, "teamId=sprinters").then().statusCode(200).body("total", equalTo(0)).body("totalPages", equalTo(0));
        list(admin, "page=999999999&size=100").then().statusCode(200).body("items", empty()).body("total", equalTo(5));

        // a coach lists the athletes of their plans, an athlete themself
        Fixtures.catalogReady();
        String coach = Fixtures.coach(tenant);
        String template = Fixtures.createTemplate(coach, "Hips", Fixtures.handMadePlan(1));
        Fixtures.assign(coach, template, List.of(athlete + "t1", athlete + "new"), null, Fixtures.today());
        list(coach, "").then().body("items.athleteId", contains(athlete + "t1"));
        list(Fixtures.athlete(athlete + "r2", tenant), "").then().body("items.athleteId", contains(athlete + "r2"));
        list(Fixtures.headCoach(tenant), "").then().body("total", equalTo(5));
    }

    private JsonNode awaitProfile(EventTap plans, long revision) {
        await().atMost(EVENT_WAIT).until(() -> plans.ofType(athlete, EventTypes.ATHLETE_UPDATED).stream()
                .anyMatch(event -> event.data().get("revision").asLong() == revision));
        EventTap.Event event = plans.ofType(athlete, EventTypes.ATHLETE_UPDATED).stream()
                .filter(e -> e.data().get("revision").asLong() == revision).findFirst().orElseThrow();
        assertThat(event.refusal()).as("CloudEvents envelope").isNull();
        assertThat(event.tenant()).isEqualTo(tenant);
        assertThat(event.subject()).isEqualTo(athlete);
        assertThat(event.key()).isEqualTo(athlete);
        assertThat(EventSchemas.violations(EventTypes.ATHLETE_UPDATED, event.data())).isEmpty();
        assertThat(event.data().get("athleteId").asText()).isEqualTo(athlete);
        return event.data();
    }

    private static Response list(String token, String query) {
        return given().auth().oauth2(token).when().get("/api/v1/athletes" + (query.isEmpty() ? "" : "?" + query));
    }

    private static void invalid(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("errors.field", contains(field));
    }
}
