package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.planAssigned;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.AccessMatrix;
import dev.medius.devkit.security.AccessMatrix.Target;
import dev.medius.devkit.security.ApiSurface;
import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every progress-service operation × role × organisation gets the answer the README's Access
 * section gives: athletes see themselves, coaches their roster, admins and head coaches their organisation,
 * editors nothing; another organisation's athlete answers 404 and never shows on a dashboard, even to a
 * coach of the same name there. A flag is acknowledged by the athlete's coaches, head coaches and admins. Rebuilding and replaying dead letters are for admins and cover every organisation;
 * checking records is for admins, of their own organisation.
 */
@QuarkusTest
class AccessMatrixIT {

    @TestHTTPResource("/")
    URI root;

    private final String tenant = "club-matrix-" + uuid();

    @Inject
    DataSource dataSource;
    private final String athlete = "athlete-matrix-" + uuid();
    private final String coach = "coach-matrix-" + uuid();

    private String flagId;

    /** The coach's athlete, flagged for a pain report, so that acknowledging the flag can succeed. */
    @BeforeEach
    void athleteOfTheCoach() {
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.PLAN_ASSIGNED, athlete, planAssigned(uuid(), athlete, coach, TODAY));
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_COMPLETED, athlete,
                completed(uuid(), athlete, coach, TODAY.minusDays(1), 6.0, 8));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(AccessIT.dashboard(tenant, coach, "coach"))
                .containsExactly(athlete));
        await().atMost(Duration.ofSeconds(30)).until(() -> (flagId = given().auth()
                .oauth2(DevTokens.mint(coach, tenant, "coach")).when().get("/api/v1/dashboard").then().extract().jsonPath()
                .getString("athletes[0].flags[0].flagId")) != null);
    }

    private Target on(String path) {
        return Target.of(tenant, path).people(athlete, coach).hiding(athlete);
    }

    @Test
    void everyOperationAnswersEveryRoleInEveryOrganisationAsDocumented() {
        ApiSurface api = new ApiSurface(root);
        // the last column is the platform operator's, who runs the platform and reads no organisation's data
        String viewers = "401 200 200 403 200 200 403";
        String admins = "401 403 403 403 200 403 403";
        String operators = "401 403 403 403 403 403 200";
        AccessMatrix matrix = new AccessMatrix(api)
                // the caller's own identity, whoever shares their name elsewhere
                .row("GET /api/v1/me", "401 200 200 200 200 200 200", "401 200 200 200 200 200 200",
                        () -> on("/api/v1/me").hiding())
                .row("GET /api/v1/dashboard", viewers, viewers, () -> on("/api/v1/dashboard"))
                // the whole organisation a page at a time: head coaches and admins
                .row("GET /api/v1/organisation/roster", "401 403 403 403 200 200 403", "401 403 403 403 200 200 403",
                        () -> on("/api/v1/organisation/roster"))
                .row("GET /api/v1/athletes/{athleteId}/progress", viewers, "401 404 404 403 404 404 403",
                        () -> on("/api/v1/athletes/" + athlete + "/progress"))
                // the athlete's training load, by the same rule as their progress
                .row("GET /api/v1/athletes/{athleteId}/load", viewers, "401 404 404 403 404 404 403",
                        () -> on("/api/v1/athletes/" + athlete + "/load"))
                // progress-service's part of the athlete's export: the athlete themselves and the organisation's admins
                .row("GET /api/v1/athletes/{athleteId}/export", "401 200 403 403 200 403 403",
                        "401 404 403 403 404 403 403", () -> on("/api/v1/athletes/" + athlete + "/export"))
                .streamRow("GET /api/v1/dashboard/stream", viewers, viewers, () -> on("/api/v1/dashboard/stream"))
                // the athlete's coaches, head coaches and admins answer a flag; the athlete does not acknowledge their own
                .row("POST /api/v1/athletes/{athleteId}/flags/{flagId}/acknowledgement", "401 403 200 403 200 200 403",
                        "401 403 404 403 404 404 403", () -> on("/api/v1/athletes/" + athlete + "/flags/" + flagId
                                + "/acknowledgement").body("{\"note\": \"seen\", \"snoozeDays\": 1}"))
                // the topics hold every organisation: a rebuild reaches them all, so no organisation's admin may
                .row("POST /api/v1/admin/rebuild", operators, operators, () -> on("/api/v1/admin/rebuild"))
                // the dead-letter topic, like the input topics, holds every organisation: replaying it is the operator's
                .row("POST /api/v1/admin/dead-letters/replay", operators, operators,
                        () -> on("/api/v1/admin/dead-letters/replay"))
                // the retention of the admin's own organisation; the job reaches every organisation
                .row("GET /api/v1/organisation/retention", admins, admins, () -> on("/api/v1/organisation/retention"))
                .row("PUT /api/v1/organisation/retention", admins, admins,
                        () -> on("/api/v1/organisation/retention").body("{\"factsDays\": 400}"))
                .row("POST /api/v1/admin/retention/run", operators, operators, () -> on("/api/v1/admin/retention/run"))
                // a check of the caller's own organisation's records, which changes nothing
                .row("POST /api/v1/events/check", admins, admins, () -> on("/api/v1/events/check").body("[]"))
                // who read which athlete's health data: the organisation's admins, each their own organisation's (the
                // other organisation's trail names its own callers, whom the matrix gives this one's names: AccessTrailIT)
                .row("GET /api/v1/organisation/access-trail", admins, admins,
                        () -> on("/api/v1/organisation/access-trail").hiding())
                // every answered read of health data leaves one entry in the trail; nothing else does
                .trail(this::trailEntries, "GET /api/v1/dashboard", "GET /api/v1/organisation/roster",
                        "GET /api/v1/athletes/{athleteId}/progress", "GET /api/v1/athletes/{athleteId}/load",
                        "GET /api/v1/athletes/{athleteId}/export");
        assertThat(matrix.coverage(api.operations(DevTokens.mint(coach, tenant, "coach")))).isEmpty();
        assertThat(matrix.verify()).isEmpty();
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
}
