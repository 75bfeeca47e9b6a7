package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.planAssigned;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.sessionId;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.progress.service.AthleteChange;
import dev.medius.progress.service.DashboardEvents;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DashboardStreamIT {

    static final String TENANT = "club-stream";

    @Inject
    DashboardEvents dashboardEvents;

    /** Opens the stream and collects its lines in the background. */
    static List<String> listen(String token, boolean asQueryParameter) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String url = "http://localhost:" + port + "/api/v1/dashboard/stream"
                + (asQueryParameter ? "?access_token=" + token : "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (!asQueryParameter) {
            request.header("Authorization", "Bearer " + token);
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.add("status:" + response.statusCode());
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
        return lines;
    }

    @Test
    void coachOnTheStreamHearsOfANewCompletionOfTheirAthleteOnly() {
        String athlete = "athlete-" + uuid();
        String coach = "coach-" + uuid();
        ObjectNode plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(1), TODAY);
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete).statusCode() == 200);

        List<String> mine = listen(DevTokens.mint(coach, TENANT, "coach"), true);
        List<String> header = listen(DevTokens.mint(coach, TENANT, "coach"), false);
        List<String> otherCoach = listen(DevTokens.mint("coach-" + uuid(), TENANT, "coach"), true);
        List<String> otherTenant = listen(DevTokens.mint(coach, "club-elsewhere", "coach"), true);
        for (List<String> stream : List.of(mine, header, otherCoach, otherTenant)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> stream.stream().anyMatch(l -> l.contains("\"ready\"")));
        }
        assertThat(mine).contains("status:200");

        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete,
                completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(1), 6.0, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> mine.stream().anyMatch(l -> l.startsWith("data:")
                && l.contains("\"athlete\"") && l.contains(athlete)));
        await().atMost(Duration.ofSeconds(5)).until(() -> header.stream().anyMatch(l -> l.contains(athlete)));
        assertThat(otherCoach).noneMatch(l -> l.contains(athlete));
        assertThat(otherTenant).noneMatch(l -> l.contains(athlete));
    }

    @Test
    void aBurstAsLargeAsAnIngestedBatchReachesTheCoachWhole() {
        String coach = "coach-" + uuid();
        List<String> stream = listen(DevTokens.mint(coach, TENANT, "coach"), false);
        await().atMost(Duration.ofSeconds(15)).until(() -> stream.stream().anyMatch(l -> l.contains("\"ready\"")));

        // one consumer batch changes up to 2,000 athletes at once, far faster than one connection writes events
        List<AthleteChange> burst = IntStream.range(0, 2_000)
                .mapToObj(i -> new AthleteChange(TENANT, "burst-" + i, List.of(coach), "session.completed"))
                .toList();
        List<AthleteChange> othersBurst = IntStream.range(0, 2_000)
                .mapToObj(i -> new AthleteChange(TENANT, "other-" + i, List.of("coach-" + uuid()), "session.completed"))
                .toList();
        dashboardEvents.publish(othersBurst);
        dashboardEvents.publish(burst);

        await().atMost(Duration.ofSeconds(30)).until(() -> stream.stream()
                .filter(l -> l.startsWith("data:") && l.contains("burst-")).count() == burst.size());
        assertThat(stream).noneMatch(l -> l.contains("other-"));
    }

    @Test
    void streamWithoutAValidTokenIsRefused() {
        given().when().get("/api/v1/dashboard/stream").then().statusCode(401).contentType("application/problem+json");
        given().queryParam("access_token", "not-a-token").when().get("/api/v1/dashboard/stream").then().statusCode(401);
        given().queryParam("access_token", DevTokens.mint("c", TENANT, java.util.Set.of("coach"), Duration.ofMinutes(-5)))
                .when().get("/api/v1/dashboard/stream").then().statusCode(401);
    }
}
