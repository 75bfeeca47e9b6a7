package dev.medius.routine.security;


import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.devkit.security.AccessMatrix;
import dev.medius.devkit.security.AccessMatrix.Target;
import dev.medius.devkit.security.ApiSurface;
import dev.medius.devkit.security.DevTokens;
import dev.medius.routine.support.Fixtures;
import dev.medius.runtime.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Every routine-service operation × role × organisation gets the answer the README's API table
 * gives: coaches, head coaches and admins plan, keep templates and assign; the athlete, the athlete's
 * coaches (those who assigned them a plan, as in progress-service), the organisation's head coaches
 * and admins read and record the athlete's sessions and read their profile, and anyone else of the
 * organisation finds nothing; only coaches, head coaches and admins change a profile; editors have no
 * part in plans or athletes; only the athlete and the organisation's admins export what is held about the athlete,
 * and only the organisation's admins erase them.
 * Another organisation's templates, assignments and athletes answer 404 and
 * never show in lists, even to people with the same names there. Statuses are given for none,
 * athlete, coach, editor, admin and head coach.
 */
@QuarkusTest
class AccessMatrixIT extends OrganisationWithTemplate {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String athleteName = "Lucía " + tenant;

    @Inject
    DataSource dataSource;
    private static final String PLANNERS = "401 403 200 403 200 200";
    private static final String PLANNERS_HIDDEN = "401 403 404 403 404 404";
    private static final String EVERYONE = "401 200 200 200 200 200";

    private Target on(String path) {
        return Target.of(tenant, path).people(athlete, coachId).hiding(templateId, templateTitle, athlete, athleteName);
    }

    private Target onTemplate(String suffix) {
        String id = Fixtures.createTemplate(Fixtures.coach(tenant), "Matrix template", Fixtures.handMadePlan(1));
        return on("/api/v1/templates/" + id + suffix).hiding(id);
    }

    private JsonPath assigned() {
        return Fixtures.assign(Fixtures.coach(tenant), templateId, List.of(athlete), null, today());
    }

    /** The athlete with a profile and a plan of the organisation's coach. */
    private void registered(String athleteId, String name) {
        Fixtures.putProfile(Fixtures.admin(tenant), athleteId, Fixtures.profile(name, "road-runners", "running"))
                .then().statusCode(200);
        Fixtures.assign(Fixtures.coach(tenant), templateId, List.of(athleteId), null, today());
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
        AccessMatrix matrix = new AccessMatrix(api)
                // the caller's own identity, whoever shares their name elsewhere
                .row("GET /api/v1/me", EVERYONE, EVERYONE, () -> on("/api/v1/me").hiding())
                // the words a profile accepts are no one's data: every role reads them
                .row("GET /api/v1/vocabularies", EVERYONE, EVERYONE, () -> on("/api/v1/vocabularies").hiding())
                // each sees the profiles they may: another organisation's list holds none of these
                .row("GET /api/v1/athletes", "401 200 200 403 200 200", "401 200 200 403 200 200", () -> {
                    registered(athlete, athleteName);
                    return on("/api/v1/athletes");
                })
                .row("POST /api/v1/plans/generate", PLANNERS, PLANNERS,
                        () -> on("/api/v1/plans/generate").body(json(Fixtures.deskWorkerProfile(today()))))
                .row("GET /api/v1/templates", PLANNERS, PLANNERS, () -> on("/api/v1/templates"))
                .row("POST /api/v1/templates", "401 403 201 403 201 201", "401 403 201 403 201 201",
                        () -> on("/api/v1/templates").body(templateBody))
                .row("GET /api/v1/templates/{id}", PLANNERS, PLANNERS_HIDDEN, () -> on("/api/v1/templates/" + templateId))
                .row("PUT /api/v1/templates/{id}", PLANNERS, PLANNERS_HIDDEN, () -> onTemplate("").body(templateBody))
                .row("DELETE /api/v1/templates/{id}", "401 403 204 403 204 204", PLANNERS_HIDDEN, () -> onTemplate(""))
                .row("POST /api/v1/templates/{id}/assignments", "401 403 201 403 201 201", PLANNERS_HIDDEN,
                        () -> onTemplate("/assignments").body(json(Map.of("athleteIds", List.of(athlete),
                                "startDate", today().toString()))))
                .row("DELETE /api/v1/assignments/{id}", "401 403 204 403 204 204", PLANNERS_HIDDEN, () -> onAssignment(""))
                .row("POST /api/v1/assignments/{id}/cancel", PLANNERS, PLANNERS_HIDDEN,
                        () -> onAssignment("/cancel").body("{\"reason\": \"injured\"}"));
        athleteRows(matrix, "401 200 200 403 200 200", "401 201 201 403 201 201", "401 403 200 403 200 200",
                "401 200 403 403 200 403", UnaryOperator.identity());
        // the key that opens the athlete's sealed events: the organisation's admins (an integration reading its own
        // athletes' events) and Medius services, never another organisation
        matrix.row("GET /api/v1/athlete-keys/{keyId}", "401 403 403 403 200 403", "401 403 403 403 404 403", () -> {
            registered(athlete, athleteName);
            return on("/api/v1/athlete-keys/" + keyOf(athlete));
        });
        // making a key is for Medius services alone, which seal data of their own: no person's role, in any organisation
        matrix.row("POST /api/v1/athlete-keys", "401 403 403 403 403 403", "401 403 403 403 403 403",
                () -> on("/api/v1/athlete-keys").body(json(Map.of("tenant", tenant, "athleteId", athlete,
                        "dataTime", java.time.OffsetDateTime.now().toString()))));
        // the retention of session reports is ordered by progress-service's job, never by a person
        matrix.row("POST /api/v1/admin/retention", "401 403 403 403 403 403", "401 403 403 403 403 403",
                () -> on("/api/v1/admin/retention").body(json(Map.of("today", today().toString(), "defaultDays", 730,
                        "organisations", List.of()))));
        // who read which athlete's health data: the organisation's admins, each their own organisation's
        matrix.row("GET /api/v1/organisation/access-trail", "401 403 403 403 200 403", "401 403 403 403 200 403",
                () -> on("/api/v1/organisation/access-trail").hiding(templateId, templateTitle))
                // every answered read of health data leaves one entry in the trail; nothing else does
                .trail(this::trailEntries, "GET /api/v1/athletes/{athleteId}/plan",
                        "GET /api/v1/athletes/{athleteId}/plan.ics", "GET /api/v1/athletes/{athleteId}/export",
                        "GET /api/v1/athletes/{athleteId}/tests");
        assertThat(matrix.coverage(api.operations(Fixtures.coach(tenant)))).isEmpty();
        assertThat(matrix.verify()).isEmpty();
    }

    @Test
    void anotherCoachAndAnotherAthleteOfTheOrganisationFindNothingOfTheAthlete() {
        ApiSurface api = new ApiSurface(root);
        // a coach next door with an athlete of their own: in the organisation, but not this athlete's
        String neighbourCoach = "coach-next-door-" + tenant;
        String neighbour = "athlete-next-door-" + tenant;
        String theirs = Fixtures.createTemplate(coach(neighbourCoach), "Next door", Fixtures.handMadePlan(1));
        Fixtures.assign(coach(neighbourCoach), theirs, List.of(neighbour), null, today());
        AccessMatrix matrix = athleteRows(new AccessMatrix(api), "401 404 404 403 200 200", "401 404 404 403 201 201",
                "401 403 404 403 200 200", "401 404 403 403 200 403", target -> target.people(neighbour, neighbourCoach));
        assertThat(matrix.coverage(api.operations(Fixtures.coach(tenant)).stream()
                .filter(operation -> operation.path().startsWith("/api/v1/athletes/")).toList())).isEmpty();
        assertThat(matrix.verify()).isEmpty();
    }

    @Test
    void aCoachKeepsTheAthletesOfEveryPlanTheyAssignedAndNoOthers() {
        JsonPath assignment = assigned();
        String session = assignment.getString("[0].sessions[0].sessionId");
        String neighbourCoach = "coach-next-door-" + tenant;
        String stranger = "athlete-nobody-assigned-" + tenant;
        Response refused = planAs(coach(neighbourCoach), athlete);
        refused.then().statusCode(404).contentType("application/problem+json");
        // refused exactly as an athlete nobody assigned is answered, so the athlete's plan is not revealed
        assertThat(refused.asString().replace(athlete, "someone"))
                .isEqualTo(planAs(coach(neighbourCoach), stranger).asString().replace(stranger, "someone"));
        skipAs(coach(neighbourCoach), athlete, session).then().statusCode(404).contentType("application/problem+json");
        planAs(Fixtures.coach(tenant), athlete).then().body("assignments[0].sessions[0].status", equalTo("scheduled"));

        given().auth().oauth2(Fixtures.coach(tenant)).contentType(ContentType.JSON).body("{\"reason\": \"injured\"}")
                .when().post("/api/v1/assignments/" + assignment.getString("[0].assignmentId") + "/cancel")
                .then().statusCode(200);
        // a cancelled plan keeps the athlete on the coach's roster in progress-service, and here
        planAs(Fixtures.coach(tenant), athlete).then().statusCode(200)
                .body("assignments[0].status", equalTo("cancelled"));

        // once the coach next door assigns the athlete a plan, the athlete is theirs too
        String theirs = Fixtures.createTemplate(coach(neighbourCoach), "Next door", Fixtures.handMadePlan(1));
        String next = Fixtures.assign(coach(neighbourCoach), theirs, List.of(athlete), null, today())
                .getString("[0].sessions[0].sessionId");
        planAs(coach(neighbourCoach), athlete).then().statusCode(200).body("assignments.size()", equalTo(2));
        skipAs(coach(neighbourCoach), athlete, next).then().statusCode(201);
    }

    @Test
    void aCoachWhoTrainsThemselvesSeesThemselvesAndTheirOwnAthletesOnly() {
        String coachAndAthlete = "coach-in-training-" + tenant;
        String token = DevTokens.mint(coachAndAthlete, tenant, Caller.COACH, Caller.ATHLETE);
        String session = Fixtures.assign(Fixtures.coach(tenant), templateId, List.of(coachAndAthlete), null, today())
                .getString("[0].sessions[0].sessionId");
        String own = "athlete-of-" + coachAndAthlete;
        String theirs = Fixtures.createTemplate(token, "Own athletes", Fixtures.handMadePlan(1));
        Fixtures.assign(token, theirs, List.of(own), null, today());
        assigned();

        planAs(token, coachAndAthlete).then().statusCode(200).body("assignments[0].coachId", equalTo(coachId));
        skipAs(token, coachAndAthlete, session).then().statusCode(201);
        planAs(token, own).then().statusCode(200);
        planAs(token, athlete).then().statusCode(404).contentType("application/problem+json");
        // as a coach alone they are not their own athlete, as in progress-service
        planAs(coach(coachAndAthlete), coachAndAthlete).then().statusCode(404);
    }

    @Test
    void aCoachNeverReachesAnotherCoachsAthleteNorRegistersThemAgain() {
        registered(athlete, athleteName);
        String neighbour = coach("coach-next-door-" + tenant);
        String known = Fixtures.putProfile(neighbour, athlete, Fixtures.profile("Taken", null, null)).asString();
        assertThat(known.replace(athlete, "someone")).as("refused as an unknown athlete is")
                .isEqualTo(profileAs(neighbour, "nobody-" + tenant).asString().replace("nobody-" + tenant, "someone"));
        profileAs(neighbour, athlete).then().statusCode(404).contentType("application/problem+json");
        rosterAs(neighbour).then().statusCode(200).body("total", equalTo(0));

        // an athlete with a plan but no profile is someone's already: only their coaches register them
        String planned = "planned-" + tenant;
        Fixtures.assign(Fixtures.coach(tenant), templateId, List.of(planned), null, today());
        Fixtures.putProfile(neighbour, planned, Fixtures.profile("Taken", null, null)).then().statusCode(404);
        Fixtures.putProfile(Fixtures.coach(tenant), planned, Fixtures.profile("Planned", null, null))
                .then().statusCode(200);

        // the athlete reads their profile and may not change it
        String own = Fixtures.athlete(athlete, tenant);
        profileAs(own, athlete).then().statusCode(200).body("displayName", equalTo(athleteName));
        Fixtures.putProfile(own, athlete, Fixtures.profile(athleteName, "sprinters", null)).then().statusCode(403);
        profileAs(Fixtures.coach(tenant), athlete).then().statusCode(200).body("teamId", equalTo("road-runners"));
    }

    @Test
    void aHeadCoachReachesEveryAthleteOfTheirOrganisationAndNoneOfAnother() {
        registered(athlete, athleteName);
        String neighbourCoach = "coach-next-door-" + tenant;
        String neighbour = "athlete-next-door-" + tenant;
        Fixtures.putProfile(coach(neighbourCoach), neighbour, Fixtures.profile("Ana " + tenant, null, null))
                .then().statusCode(200);
        String theirs = Fixtures.createTemplate(coach(neighbourCoach), "Next door", Fixtures.handMadePlan(1));
        Fixtures.assign(coach(neighbourCoach), theirs, List.of(neighbour), null, today());

        String head = DevTokens.mint("head-coach-" + tenant, tenant, Caller.HEAD_COACH, Caller.COACH);
        for (String someone : List.of(athlete, neighbour)) {
            planAs(head, someone).then().statusCode(200);
            profileAs(head, someone).then().statusCode(200);
        }
        rosterAs(head).then().body("items.athleteId", containsInAnyOrder(athlete, neighbour));
        Fixtures.putProfile(head, neighbour, Fixtures.profile("Ana María " + tenant, "trail", null))
                .then().statusCode(200).body("revision", equalTo(2));

        String elsewhere = Fixtures.newTenant();
        String stranger = DevTokens.mint("head-coach-" + tenant, elsewhere, Caller.HEAD_COACH, Caller.COACH);
        for (String someone : List.of(athlete, neighbour)) {
            planAs(stranger, someone).then().statusCode(404);
            profileAs(stranger, someone).then().statusCode(404);
        }
        rosterAs(stranger).then().statusCode(200).body("total", equalTo(0));
        // the same id in another organisation is an athlete of theirs; this organisation's stays as it was
        Fixtures.putProfile(stranger, athlete, Fixtures.profile("Someone else", null, null))
                .then().statusCode(200).body("revision", equalTo(1));
        profileAs(head, athlete).then().body("displayName", equalTo(athleteName)).body("revision", equalTo(1));
    }

    /**
     * The operations on one athlete's profile, plan and sessions, called by the people {@code callers} names. In
     * another organisation the athlete's id names nobody yet: its coaches and admins may register an athlete of
     * their own under it, without reaching this one.
     */
    private AccessMatrix athleteRows(AccessMatrix matrix, String reads, String writes, String changes, String exports,
            UnaryOperator<Target> callers) {
        String hidden = "401 404 404 403 404 404";
        return matrix
                .row("GET /api/v1/athletes/{athleteId}/profile", reads, hidden, () -> {
                    registered(athlete, athleteName);
                    return callers.apply(on("/api/v1/athletes/" + athlete + "/profile"));
                })
                .row("PUT /api/v1/athletes/{athleteId}/profile", changes, "401 403 200 403 200 200", () -> {
                    // an athlete of their own per call, so that no call registers the athlete another one reads
                    String fresh = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
                    registered(fresh, athleteName);
                    return callers.apply(on("/api/v1/athletes/" + fresh + "/profile").people(fresh, coachId)
                            .body(json(Fixtures.profile("Renamed", "trail", "trail-running"))));
                })
                .row("GET /api/v1/athletes/{athleteId}/plan", reads, hidden, () -> {
                    assigned();
                    return callers.apply(on("/api/v1/athletes/" + athlete + "/plan"));
                })
                .row("GET /api/v1/athletes/{athleteId}/plan.ics", reads, hidden, () -> {
                    assigned();
                    return callers.apply(on("/api/v1/athletes/" + athlete + "/plan.ics"));
                })
                .row("POST /api/v1/athletes/{athleteId}/sessions/{sessionId}/completion", writes, hidden,
                        () -> callers.apply(onSession("/completion").body(json(Fixtures.completion(12, 6.0, 1, "knee",
                                "lateral-band-walk", "banded-glute-bridge-abduction")))))
                .row("POST /api/v1/athletes/{athleteId}/sessions/{sessionId}/skip", writes, hidden,
                        () -> callers.apply(onSession("/skip").body("{\"reason\": \"travelling\"}")))
                .row("POST /api/v1/athletes/{athleteId}/check-ins", writes, hidden, () -> {
                    assigned();
                    return callers.apply(on("/api/v1/athletes/" + athlete + "/check-ins")
                            .body("{\"energy\": 4, \"pain\": []}"));
                })
                .row("GET /api/v1/athletes/{athleteId}/tests", reads, hidden, () -> {
                    assigned();
                    return callers.apply(on("/api/v1/athletes/" + athlete + "/tests"));
                })
                // tests are recorded and criteria set by the athlete's coaches, head coaches and admins
                .row("POST /api/v1/athletes/{athleteId}/tests", changes.replace("200", "201"), "401 403 404 403 404 404",
                        () -> {
                            assigned();
                            return callers.apply(on("/api/v1/athletes/" + athlete + "/tests").body(
                                    "{\"kind\": \"side-bridge\", \"sideBridge\": {\"leftSeconds\": 80, \"rightSeconds\": 78}}"));
                        })
                .row("PUT /api/v1/athletes/{athleteId}/tests/return-to-play", changes, "401 403 404 403 404 404", () -> {
                    assigned();
                    return callers.apply(on("/api/v1/athletes/" + athlete + "/tests/return-to-play")
                            .body("{\"minSymmetryPercent\": 90, \"maxPain\": 2}"));
                })
                // keeping the plan against a check-in is a coach's call: never the athlete's
                .row("POST /api/v1/athletes/{athleteId}/sessions/{sessionId}/adjustment/override", changes,
                        "401 403 404 403 404 404", () -> {
                            Target session = onSession("/adjustment/override");
                            given().auth().oauth2(Fixtures.athlete(athlete, tenant)).contentType(ContentType.JSON)
                                    .body("{\"pain\": [], \"redFlags\": [\"locking\"]}")
                                    .when().post("/api/v1/athletes/" + athlete + "/check-ins").then().statusCode(201);
                            return callers.apply(session.body("{\"note\": \"seen by the physio\"}"));
                        })
                // erasure on request: the organisation's admins only; another organisation holds nothing to erase
                .row("DELETE /api/v1/athletes/{athleteId}", "401 403 403 403 200 403", "401 403 403 403 404 403", () -> {
                    String erased = "erased-" + UUID.randomUUID().toString().substring(0, 8);
                    registered(erased, athleteName);
                    return callers.apply(on("/api/v1/athletes/" + erased).people(erased, coachId)
                            .body("{\"reason\": \"the athlete's request\"}"));
                })
                // everything held about the athlete: the athlete themselves and the organisation's admins
                .row("GET /api/v1/athletes/{athleteId}/export", exports, "401 404 403 403 404 403", () -> {
                    registered(athlete, athleteName);
                    return callers.apply(on("/api/v1/athletes/" + athlete + "/export"));
                });
    }

    /** A token of another coach of the organisation than the one {@link Fixtures#coach} names. */
    private String coach(String coachId) {
        return DevTokens.mint(coachId, tenant, Caller.COACH);
    }

    private static Response planAs(String token, String athleteId) {
        return given().auth().oauth2(token).when().get("/api/v1/athletes/" + athleteId + "/plan");
    }

    private static Response profileAs(String token, String athleteId) {
        return given().auth().oauth2(token).when().get("/api/v1/athletes/" + athleteId + "/profile");
    }

    private static Response rosterAs(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/athletes");
    }

    private static Response skipAs(String token, String athleteId, String sessionId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/athletes/" + athleteId + "/sessions/" + sessionId + "/skip");
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long trailEntries() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM access_trail")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String keyOf(String athleteId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT key_id FROM athlete_key WHERE tenant_id = ? AND athlete_id = ?")) {
            st.setString(1, tenant);
            st.setString(2, athleteId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
