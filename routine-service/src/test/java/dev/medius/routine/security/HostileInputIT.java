package dev.medius.routine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.fuzz.FuzzProbe;
import dev.medius.devkit.fuzz.HostileInput;
import dev.medius.devkit.security.ApiSurface;
import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Properties over generated hostile input for every routine-service endpoint that takes a body or
 * an id: never a 5xx, always problem details that name the field at fault and show nothing of the
 * inside of the service; bodies over the configured maximum (1M) get 413.
 */
@QuarkusTest
class HostileInputIT extends OrganisationWithTemplate {

    private static final int TRIES = 25;

    /** catalog-service never runs here: an exercise slug the read model lacks honestly answers 503. */
    private FuzzProbe probe(String token) {
        return new FuzzProbe(new ApiSurface(root), token).allowingUnavailableDependency();
    }

    @Test
    void malformedPlanningBodiesGetProblemDetailsNamingTheField() {
        String template = HostileInput.toJson(Map.of("title", "Fuzzed", "plan", Fixtures.handMadePlan(2)));
        FuzzProbe probe = probe(Fixtures.coach(tenant))
                .bodies("POST", "/api/v1/plans/generate", HostileInput.toJson(Fixtures.deskWorkerProfile(today())), 4 * TRIES)
                .bodies("POST", "/api/v1/templates", template, 4 * TRIES)
                .bodies("PUT", "/api/v1/templates/" + templateId, template, 2 * TRIES)
                .bodies("POST", "/api/v1/templates/" + templateId + "/assignments",
                        HostileInput.toJson(Map.of("athleteIds", List.of(athlete), "teamId", "runners",
                                "startDate", today().toString())), 2 * TRIES)
                .bodies("PUT", "/api/v1/athletes/" + athlete + "/profile", HostileInput.toJson(Map.of(
                        "displayName", "Lucía Moreno", "teamId", "road-runners", "teamName", "Road runners",
                        "sport", "running")), 2 * TRIES);
        assertThat(probe.failures()).isEmpty();
    }

    @Test
    void malformedSessionRecordsGetProblemDetailsNamingTheField() {
        JsonPath assigned = Fixtures.assign(Fixtures.coach(tenant), templateId, List.of(athlete), null, today());
        String assignment = assigned.getString("[0].assignmentId");
        String session = assigned.getString("[0].sessions[0].sessionId");
        String completion = HostileInput.toJson(Fixtures.completion(12, 6.0, 1, "knee", "lateral-band-walk",
                "banded-glute-bridge-abduction"));
        String sessions = "/api/v1/athletes/" + athlete + "/sessions/";
        FuzzProbe probe = probe(Fixtures.athlete(athlete, tenant))
                .bodies("POST", sessions + session + "/completion", completion, 4 * TRIES)
                .bodies("POST", sessions + assigned.getString("[0].sessions[1].sessionId") + "/skip",
                        "{\"reason\": \"travelling\"}", TRIES);
        FuzzProbe coach = probe(Fixtures.coach(tenant)).bodies("POST", "/api/v1/assignments/" + assignment + "/cancel",
                "{\"reason\": \"injured\"}", TRIES);
        assertThat(probe.failures()).isEmpty();
        assertThat(coach.failures()).isEmpty();
    }

    @Test
    void idsNeverBreakTheService() {
        FuzzProbe probe = probe(Fixtures.coach(tenant))
                .paths("GET", value -> "/api/v1/templates/" + value, TRIES)
                .paths("DELETE", value -> "/api/v1/templates/" + value, TRIES)
                .paths("DELETE", value -> "/api/v1/assignments/" + value, TRIES)
                .paths("GET", value -> "/api/v1/athletes/" + value + "/plan", TRIES)
                .paths("GET", value -> "/api/v1/athletes/" + value + "/plan.ics", TRIES)
                .paths("GET", value -> "/api/v1/athletes/" + value + "/profile", TRIES)
                .paths("GET", value -> "/api/v1/athletes?teamId=" + value, TRIES)
                .paths("POST", value -> "/api/v1/athletes/" + athlete + "/sessions/" + value + "/skip", TRIES)
                .paths("POST", value -> "/api/v1/athletes/" + value + "/sessions/" + UUID.randomUUID() + "/skip", TRIES);
        assertThat(probe.failures()).isEmpty();
    }

    @Test
    void bodiesOverTheConfiguredMaximumGet413() {
        FuzzProbe probe = probe(Fixtures.coach(tenant))
                .oversized("POST", "/api/v1/templates", 1024 * 1024 + 1)
                .oversized("POST", "/api/v1/plans/generate", 3 * 1024 * 1024);
        assertThat(probe.failures()).isEmpty();
    }
}
