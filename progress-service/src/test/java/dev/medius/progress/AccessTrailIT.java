package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.planAssigned;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.sessionId;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.runtime.trail.AccessTrail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every answered read of health data leaves one entry (who, when, what, which athletes, why allowed), a refused one
 * none; admins query their own organisation's entries; the trail refuses changes and removals but the purge of
 * entries past their keeping period, which a second run finds nothing more to do.
 */
@QuarkusTest
class AccessTrailIT {

    @Inject
    DataSource dataSource;

    @Inject
    AccessTrail trail;

    @Inject
    Clock clock;

    private final String tenant = "club-trail-" + uuid();
    private final String athlete = "athlete-" + uuid();
    private final String other = "athlete-" + uuid();
    private final String coach = "coach-" + uuid();
    private final String otherCoach = "coach-" + uuid();

    @Test
    void eachReadLeavesOneEntrySayingWhoWhatAndWhy() throws Exception {
        var plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(2), TODAY.plusDays(2));
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.PLAN_ASSIGNED, athlete, plan);
        send(Topics.ROUTINE_PLANS, tenant, EventTypes.PLAN_ASSIGNED, other,
                planAssigned(uuid(), other, otherCoach, TODAY.minusDays(2)));
        send(Topics.ROUTINE_SESSIONS, tenant, EventTypes.SESSION_COMPLETED, athlete,
                completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(2), 6.0, 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin()).when()
                .get("/api/v1/organisation/roster").then().extract().jsonPath().getList("athletes").size() == 2);
        long before = entries();

        List<Long> added = new java.util.ArrayList<>();
        given().auth().oauth2(DevTokens.mint(coach, tenant, "coach")).when().get("/api/v1/dashboard").then().statusCode(200);
        added.add(entries() - before);
        given().auth().oauth2(DevTokens.mint(athlete, tenant, "athlete")).when()
                .get("/api/v1/athletes/{id}/progress", athlete).then().statusCode(200);
        added.add(entries() - before);
        // refused: another coach's athlete is not found, and nothing was read
        given().auth().oauth2(DevTokens.mint(otherCoach, tenant, "coach")).when()
                .get("/api/v1/athletes/{id}/progress", athlete).then().statusCode(404);
        added.add(entries() - before);
        given().auth().oauth2(DevTokens.mint("head-" + tenant, tenant, "head-coach")).when()
                .get("/api/v1/athletes/{id}/progress", other).then().statusCode(200);
        added.add(entries() - before);
        given().auth().oauth2(admin()).when().get("/api/v1/organisation/roster").then().statusCode(200);
        added.add(entries() - before);
        // each answered read is in the trail by the time its answer arrives; the refused one is not
        assertThat(added).containsExactly(1L, 2L, 2L, 3L, 4L);

        JsonPath seen = given().auth().oauth2(admin()).queryParam("athleteId", athlete).when()
                .get("/api/v1/organisation/access-trail").then().statusCode(200).extract().jsonPath();
        String byCoach = "find { it.reader == '" + coach + "' }.";
        assertThat(seen.getString(byCoach + "what")).isEqualTo("roster");
        assertThat(seen.getString(byCoach + "operation")).isEqualTo("GET /api/v1/dashboard");
        assertThat(seen.getList(byCoach + "athletes")).containsExactly(athlete);
        assertThat(seen.getList(byCoach + "readerRoles")).containsExactly("coach");
        assertThat(seen.getString(byCoach + "allowedAs")).isEqualTo("coach of the athletes shown");
        assertThat(seen.getString(byCoach + "readAt")).isNotBlank();
        String byAthlete = "find { it.reader == '" + athlete + "' }.";
        assertThat(seen.getString(byAthlete + "operation")).isEqualTo("GET /api/v1/athletes/{athleteId}/progress");
        assertThat(seen.getString(byAthlete + "allowedAs")).isEqualTo("the athlete themselves");
        assertThat(seen.getList("findAll { it.reader == 'admin-" + tenant + "' }.allowedAs"))
                .isNotEmpty().containsOnly("admin of the organisation");
        assertThat(seen.getList("reader")).doesNotContain(otherCoach, "head-" + tenant);
        JsonPath headCoach = given().auth().oauth2(admin()).queryParam("athleteId", other).when()
                .get("/api/v1/organisation/access-trail").then().statusCode(200).extract().jsonPath();
        assertThat(headCoach.getString("find { it.reader == 'head-" + tenant + "' }.allowedAs"))
                .isEqualTo("head coach of the organisation");
        given().auth().oauth2(admin()).queryParam("reader", coach).when().get("/api/v1/organisation/access-trail")
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(1));
        given().auth().oauth2(admin()).queryParam("from", "yesterday").when().get("/api/v1/organisation/access-trail")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));

        // only the organisation's admins, and only their organisation's entries
        given().auth().oauth2(DevTokens.mint(coach, tenant, "coach")).when().get("/api/v1/organisation/access-trail")
                .then().statusCode(403);
        String elsewhere = given().auth().oauth2(DevTokens.mint("admin", "club-elsewhere-" + uuid(), "admin")).when()
                .get("/api/v1/organisation/access-trail").then().statusCode(200).extract().asString();
        assertThat(elsewhere).doesNotContain(athlete).doesNotContain(other).doesNotContain(coach);
    }

    @Test
    void theTrailRefusesChangesAndRemovalsButThePurgeOfOldEntries() throws Exception {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        insert(old, OffsetDateTime.now(clock).minusDays(800));
        insert(recent, OffsetDateTime.now(clock).minusDays(10));
        for (String change : List.of("UPDATE access_trail SET reader = 'someone else' WHERE id = '" + recent + "'",
                "DELETE FROM access_trail WHERE id = '" + recent + "'", "TRUNCATE access_trail")) {
            assertThatThrownBy(() -> execute(change)).as(change).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(trail.purge(Duration.ofDays(730))).isPositive();
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(trail.purge(Duration.ofDays(730))).isZero();
        assertThat(exists(recent)).isTrue();
    }

    private String admin() {
        return DevTokens.mint("admin-" + tenant, tenant, "admin");
    }

    private void insert(UUID id, OffsetDateTime readAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO access_trail (id, tenant_id, read_at, reader, reader_roles, what, operation, athletes, "
                        + "allowed_as) VALUES (?, ?, ?, 'coach', '{coach}', 'progress', 'GET /x', ?, 'coach of the athlete')")) {
            st.setObject(1, id);
            st.setString(2, tenant);
            st.setObject(3, readAt);
            st.setArray(4, c.createArrayOf("text", new Object[] { athlete }));
            st.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private boolean exists(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT 1 FROM access_trail WHERE id = ?")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long entries() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM access_trail WHERE tenant_id = ?")) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
