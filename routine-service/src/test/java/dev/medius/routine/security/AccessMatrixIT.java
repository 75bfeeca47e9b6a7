package dev.medius.routine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.devkit.security.AccessMatrix;
import dev.medius.devkit.security.AccessMatrix.Target;
import dev.medius.devkit.security.ApiSurface;
import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every routine-service operation × role × organisation gets the answer the README's API table
 * gives: coaches and admins plan, keep templates and assign; the athlete, and coaches and admins of
 * the organisation, read and record the athlete's sessions; editors have no part in plans. Another
 * organisation's templates, assignments and athletes answer 404 and never show in lists, even to
 * people with the same names there.
 */
@QuarkusTest
class AccessMatrixIT extends OrganisationWithTemplate {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLANNERS = "401 403 200 403 200";
    private static final String PLANNERS_HIDDEN = "401 403 404 403 404";

    private Target on(String path) {
        return Target.of(tenant, path).people(athlete, coachId).hiding(templateId, templateTitle, athlete);
    }

    private Target onTemplate(String suffix) {
        String id = Fixtures.createTemplate(Fixtures.coach(tenant), "Matrix template", Fixtures.handMadePlan(1));
        return on("/api/v1/templates/" + id + suffix).hiding(id);
    }

    private JsonPath assigned() {
        return Fixtures.assign(Fixtures.coach(tenant), templateId, List.of(athlete), null, today());
    }

    private Target onAssignment(String suffix) {
        return on("/api/v1/assignments/" + assigned().getString("[0].assignmentId") + suffix);
    }

    private Target onSession(String suffix) {
        String session = assigned().getString("[0].sessions[0].sessionId");
        return on("/api/v1/athletes/" + athlete + "/sessions/" + session + suffix);
    }

    @Test
    void everyOperationAnswersEveryRoleInEveryOrganisationAsDocumented() {
        ApiSurface api = new ApiSurface(root);
        String templateBody = json(Map.of("title", "Matrix copy", "plan", Fixtures.handMadePlan(2)));
        String athleteReads = "401 200 200 403 200";
        String athleteWrites = "401 201 201 403 201";
        String athleteHidden = "401 404 404 403 404";
        AccessMatrix matrix = new AccessMatrix(api)
                // the caller's own identity, whoever shares their name elsewhere
                .row("GET /api/v1/me", "401 200 200 200 200", "401 200 200 200 200", () -> on("/api/v1/me").hiding())
                // the words a profile accepts are no one's data: every role reads them
                .row("GET /api/v1/vocabularies", "401 200 200 200 200", "401 200 200 200 200",
                        () -> on("/api/v1/vocabularies").hiding())
                .row("POST /api/v1/plans/generate", PLANNERS, PLANNERS,
                        () -> on("/api/v1/plans/generate").body(json(Fixtures.deskWorkerProfile(today()))))
                .row("GET /api/v1/templates", PLANNERS, PLANNERS, () -> on("/api/v1/templates"))
                .row("POST /api/v1/templates", "401 403 201 403 201", "401 403 201 403 201",
                        () -> on("/api/v1/templates").body(templateBody))
                .row("GET /api/v1/templates/{id}", PLANNERS, PLANNERS_HIDDEN, () -> on("/api/v1/templates/" + templateId))
                .row("PUT /api/v1/templates/{id}", PLANNERS, PLANNERS_HIDDEN, () -> onTemplate("").body(templateBody))
                .row("DELETE /api/v1/templates/{id}", "401 403 204 403 204", PLANNERS_HIDDEN, () -> onTemplate(""))
                .row("POST /api/v1/templates/{id}/assignments", "401 403 201 403 201", PLANNERS_HIDDEN,
                        () -> onTemplate("/assignments").body(json(Map.of("athleteIds", List.of(athlete),
                                "startDate", today().toString()))))
                .row("DELETE /api/v1/assignments/{id}", "401 403 204 403 204", PLANNERS_HIDDEN, () -> onAssignment(""))
                .row("POST /api/v1/assignments/{id}/cancel", PLANNERS, PLANNERS_HIDDEN,
                        () -> onAssignment("/cancel").body("{\"reason\": \"injured\"}"))
                .row("GET /api/v1/athletes/{athleteId}/plan", athleteReads, athleteHidden, () -> {
                    assigned();
                    return on("/api/v1/athletes/" + athlete + "/plan");
                })
                .row("GET /api/v1/athletes/{athleteId}/plan.ics", athleteReads, athleteHidden, () -> {
                    assigned();
                    return on("/api/v1/athletes/" + athlete + "/plan.ics");
                })
                .row("POST /api/v1/athletes/{athleteId}/sessions/{sessionId}/completion", athleteWrites, athleteHidden,
                        () -> onSession("/completion").body(json(Fixtures.completion(12, 6.0, 1, "knee",
                                "lateral-band-walk", "banded-glute-bridge-abduction"))))
                .row("POST /api/v1/athletes/{athleteId}/sessions/{sessionId}/skip", athleteWrites, athleteHidden,
                        () -> onSession("/skip").body("{\"reason\": \"travelling\"}"));
        assertThat(matrix.coverage(api.operations(Fixtures.coach(tenant)))).isEmpty();
        assertThat(matrix.verify()).isEmpty();
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
