package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medius.routine.support.Fixtures;
import dev.medius.routine.support.ProgressStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * An athlete's export is one document: routine-service's rows (profile, assignments with their sessions, every report
 * as recorded, the template made for them alone) and progress-service's part, asked for with the caller's token. Only
 * the athlete and the organisation's admins export; nothing of another athlete appears.
 */
@QuarkusTest
class AthleteExportIT {

    final String tenant = Fixtures.newTenant();
    final String athlete = "athlete-" + tenant;
    final String teammate = "teammate-" + tenant;
    final String notes = "Left knee clicked on the last set " + tenant;
    String ownTemplate;
    String sharedTemplate;
    List<String> sessions;

    @BeforeEach
    void athleteWithReports() {
        Fixtures.catalogReady();
        String coach = Fixtures.coach(tenant);
        Fixtures.putProfile(coach, athlete, Fixtures.profile("Lucía Export", "road-runners", "running")).then().statusCode(200);
        Fixtures.putProfile(coach, teammate, Fixtures.profile("Ana Teammate", "road-runners", "running")).then().statusCode(200);
        ownTemplate = Fixtures.createTemplate(coach, "Hips for Lucía", Fixtures.handMadePlan(2));
        sharedTemplate = Fixtures.createTemplate(coach, "Team hips", Fixtures.handMadePlan(1));
        sessions = Fixtures.assign(coach, ownTemplate, List.of(athlete), null, Fixtures.today())
                .getList("[0].sessions.sessionId", String.class);
        String teammateSession = Fixtures.assign(coach, sharedTemplate, List.of(athlete, teammate), null, Fixtures.today())
                .getString("find { it.athleteId == '" + teammate + "' }.sessions[0].sessionId");
        Map<String, Object> completion = new HashMap<>(Fixtures.completion(12, 7.0, 6, "knee", "lateral-band-walk",
                "banded-glute-bridge-abduction"));
        completion.put("notes", notes);
        given().auth().oauth2(Fixtures.athlete(athlete, tenant)).contentType(ContentType.JSON).body(completion)
                .when().post("/api/v1/athletes/" + athlete + "/sessions/" + sessions.get(0) + "/completion")
                .then().statusCode(201);
        given().auth().oauth2(Fixtures.athlete(athlete, tenant)).contentType(ContentType.JSON)
                .body(Map.of("reason", "travelling"))
                .when().post("/api/v1/athletes/" + athlete + "/sessions/" + sessions.get(1) + "/skip")
                .then().statusCode(201);
        given().auth().oauth2(Fixtures.athlete(teammate, tenant)).contentType(ContentType.JSON)
                .body(Map.of("reason", "teammate's own reason"))
                .when().post("/api/v1/athletes/" + teammate + "/sessions/" + teammateSession + "/skip")
                .then().statusCode(201);
        ProgressStandIn.exports(tenant, athlete, "{\"athleteId\":\"" + athlete + "\",\"organisation\":\"" + tenant
                + "\",\"sessions\":[{\"sessionId\":\"" + sessions.get(0) + "\",\"notes\":\"" + notes + "\"}]}");
    }

    @Test
    void theAthleteDownloadsEverythingHeldAboutThemAsOneDocument() {
        String token = Fixtures.athlete(athlete, tenant);
        Response answer = export(token, athlete);
        answer.then().statusCode(200).contentType("application/json")
                .header("Content-Disposition", "attachment; filename=\"" + athlete + "-medius-export.json\"");
        JsonPath export = answer.jsonPath();

        assertThat(export.getString("athleteId")).isEqualTo(athlete);
        assertThat(export.getString("organisation")).isEqualTo(tenant);
        assertThat(export.getString("format")).isEqualTo("medius.athlete-export.v1");
        assertThat(export.getString("exportedAt")).isNotBlank();
        assertThat(export.getString("routine.athlete.displayName")).isEqualTo("Lucía Export");
        assertThat(export.getString("routine.athlete.updatedBy")).isEqualTo("coach-" + tenant);
        assertThat(export.getList("routine.assignments.templateId", String.class))
                .containsExactlyInAnyOrder(ownTemplate, sharedTemplate);
        assertThat(export.getList("routine.assignments.find { it.templateId == '" + ownTemplate + "' }.sessions.sessionId",
                String.class)).containsExactlyElementsOf(sessions);
        assertThat(export.getList("routine.assignments.find { it.templateId == '" + ownTemplate + "' }.sessions.status",
                String.class)).containsExactly("completed", "skipped", "scheduled");
        assertThat(export.getList("routine.sessionRecords.kind", String.class)).containsExactly("completed", "skipped");
        assertThat(export.getString("routine.sessionRecords[0].report.notes")).isEqualTo(notes);
        assertThat(export.getInt("routine.sessionRecords[0].report.pain.score")).isEqualTo(6);
        assertThat(export.getString("routine.sessionRecords[0].recordedBy")).isEqualTo(athlete);
        assertThat(export.getString("routine.sessionRecords[1].report.reason")).isEqualTo("travelling");
        // the template made for the athlete alone is theirs; the team's template is the coach's
        assertThat(export.getList("routine.templates.templateId", String.class)).containsExactly(ownTemplate);
        assertThat(export.getString("routine.templates[0].plan.title")).isNotBlank();
        assertThat(export.getString("progress.sessions[0].notes")).isEqualTo(notes);

        assertThat(ProgressStandIn.calls(athlete)).extracting(ProgressStandIn.Call::authorization)
                .containsExactly("Bearer " + token);
        assertThat(answer.asString()).doesNotContain(teammate).doesNotContain("Ana Teammate")
                .doesNotContain("teammate's own reason");
    }

    @Test
    void theOrganisationsAdminExportsAndNobodyElse() {
        export(Fixtures.admin(tenant), athlete).then().statusCode(200);
        export(Fixtures.coach(tenant), athlete).then().statusCode(403);
        export(Fixtures.headCoach(tenant), athlete).then().statusCode(403);
        export(Fixtures.athlete(teammate, tenant), athlete).then().statusCode(404).contentType("application/problem+json");
        String elsewhere = Fixtures.newTenant();
        export(Fixtures.admin(elsewhere), athlete).then().statusCode(404).contentType("application/problem+json");
        export(Fixtures.athlete(athlete, elsewhere), athlete).then().statusCode(404);
        export(Fixtures.admin(tenant), "nobody-" + tenant).then().statusCode(404);
    }

    @Test
    void whatProgressServiceDoesNotHoldIsEmptyNotMissing() {
        // the teammate's plan events have not reached progress-service: it holds nothing about them yet
        JsonPath export = export(Fixtures.admin(tenant), teammate).then().statusCode(200).extract().jsonPath();
        assertThat(export.getString("routine.athlete.displayName")).isEqualTo("Ana Teammate");
        assertThat(export.getList("routine.templates")).isEmpty();
        assertThat(export.get("progress") == null).isTrue();
        assertThat(export.getString("routine.assignments[0].templateId")).isEqualTo(sharedTemplate);
        assertThat(export.getList("routine.sessionRecords.report.reason", String.class))
                .containsExactly("teammate's own reason");
    }

    static Response export(String token, String athleteId) {
        return given().auth().oauth2(token).when().get("/api/v1/athletes/" + athleteId + "/export");
    }
}
