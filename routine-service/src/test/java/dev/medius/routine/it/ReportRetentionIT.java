package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;
import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Session reports older than their organisation's retention go when progress-service's retention job orders it: each
 * organisation at its own cutoff, the others at the default, and a second order of the same day removes nothing.
 */
@QuarkusTest
class ReportRetentionIT {

    private static final String SERVICE = DevTokens.mint("progress-service", "medius-platform", "platform-service");

    @Inject
    DataSource dataSource;

    private final String shortKeeper = Fixtures.newTenant();
    private final String longKeeper = Fixtures.newTenant();

    @Test
    void reportsPastTheirOrganisationsRetentionGoAndASecondOrderRemovesNothing() throws Exception {
        Fixtures.catalogReady();
        LocalDate today = Fixtures.today();
        for (String tenant : List.of(shortKeeper, longKeeper)) {
            String athlete = "athlete-" + UUID.randomUUID().toString().substring(0, 8);
            String template = Fixtures.createTemplate(Fixtures.coach(tenant), "Hips", Fixtures.handMadePlan(2));
            List<String> sessions = Fixtures.assign(Fixtures.coach(tenant), template, List.of(athlete), null,
                    today.minusDays(14)).getList("[0].sessions.sessionId");
            // reported 800, 500 and 3 days ago
            int[] daysAgo = { 800, 500, 3 };
            for (int i = 0; i < daysAgo.length; i++) {
                PlanLifecycleIT.complete(Fixtures.athlete(athlete, tenant), athlete, sessions.get(i), null,
                        Fixtures.completion(12, 5.0, 0, null, "lateral-band-walk", "banded-glute-bridge-abduction"))
                        .then().statusCode(201);
                backdate(sessions.get(i), daysAgo[i]);
            }
        }
        Map<String, Object> order = Map.of("today", today.toString(), "defaultDays", 730,
                "organisations", List.of(Map.of("tenant", shortKeeper, "days", 400)));

        // a person's token, however privileged, cannot order it
        given().auth().oauth2(DevTokens.mint("operator", "medius-platform", "platform-operator"))
                .contentType(ContentType.JSON).body(order).when().post("/api/v1/admin/retention").then().statusCode(403);
        order(Map.of("today", today.toString(), "defaultDays", 30, "organisations", List.of())).then().statusCode(400)
                .body("errors[0].field", equalTo("defaultDays"));

        long removed = order(order).then().statusCode(200).extract().jsonPath().getLong("reportsRemoved");
        assertThat(removed).isGreaterThanOrEqualTo(3);
        // 400 days: only the last report stays; the default 730: the one of 500 days ago stays too
        assertThat(reportAges(shortKeeper)).containsExactly(3);
        assertThat(reportAges(longKeeper)).containsExactly(500, 3);

        order(order).then().statusCode(200).body("reportsRemoved", equalTo(0));
        assertThat(reportAges(shortKeeper)).containsExactly(3);
        assertThat(reportAges(longKeeper)).containsExactly(500, 3);
    }

    private static Response order(Map<String, Object> order) {
        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(order).when()
                .post("/api/v1/admin/retention");
    }

    private void backdate(String sessionId, int daysAgo) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE session_record SET recorded_at = now() - make_interval(days => ?) WHERE session_id = ?::uuid")) {
            st.setInt(1, daysAgo);
            st.setString(2, sessionId);
            assertThat(st.executeUpdate()).isOne();
        }
    }

    /** How many days ago each of the organisation's reports was recorded, oldest first. */
    private List<Integer> reportAges(String tenant) throws SQLException {
        List<Integer> ages = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT extract(day FROM now() - recorded_at)::int FROM session_record WHERE tenant_id = ?"
                        + " ORDER BY recorded_at")) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ages.add(rs.getInt(1));
                }
            }
        }
        return ages;
    }
}
