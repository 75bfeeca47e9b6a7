package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import dev.medius.routine.support.ExerciseLibrary;
import dev.medius.routine.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The catalog client against a stand-in catalog-service: it fills what the read model lacks with the
 * caller's token, takes a 404 as an answer, and falls back after retries when the catalog fails.
 */
@QuarkusTest
@TestProfile(CatalogClientIT.StandInCatalog.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogClientIT {

    /** Requests the stand-in received: path and Authorization header. */
    static final Queue<String[]> CALLS = new ConcurrentLinkedQueue<>();
    static final UUID CATALOG_ONLY_ID = UUID.randomUUID();

    public static class StandInCatalog implements QuarkusTestProfile {
        static HttpServer server;

        @Override
        public Map<String, String> getConfigOverrides() {
            if (server == null) {
                try {
                    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                server.createContext("/api/v1/exercises/", exchange -> {
                    String slug = exchange.getRequestURI().getPath().substring("/api/v1/exercises/".length());
                    CALLS.add(new String[] { slug, exchange.getRequestHeaders().getFirst("Authorization") });
                    int status;
                    byte[] body;
                    if (slug.equals("catalog-only-hip-airplane")) {
                        ObjectNode exercise = ExerciseLibrary.JSON.valueToTree(ExerciseLibrary.variant(
                                ExerciseLibrary.bySlug("single-leg-balance"), CATALOG_ONLY_ID, null, slug, "Hip airplane", 1));
                        exercise.set("id", exercise.remove("exerciseId"));
                        status = 200;
                        body = ExerciseLibrary.JSON.writeValueAsBytes(exercise);
                    } else if (slug.startsWith("broken")) {
                        status = 500;
                        body = "{\"status\":500}".getBytes(StandardCharsets.UTF_8);
                    } else {
                        status = 404;
                        body = "{\"status\":404}".getBytes(StandardCharsets.UTF_8);
                    }
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
            }
            return Map.of("medius.catalog.url", "http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    @AfterAll
    static void stopStandIn() {
        if (StandInCatalog.server != null) {
            StandInCatalog.server.stop(0);
        }
    }

    @BeforeEach
    void catalog() {
        Fixtures.catalogReady();
        CALLS.clear();
    }

    @Test
    @Order(1)
    void exerciseMissingFromTheReadModelIsFetchedFromCatalogServiceWithTheCallersToken() {
        String coach = Fixtures.coach(Fixtures.newTenant());
        given().auth().oauth2(coach).contentType(ContentType.JSON)
                .body(Map.of("title", "Balance", "plan", planWith("catalog-only-hip-airplane")))
                .when().post("/api/v1/templates")
                .then().statusCode(201)
                .body("plan.weeks[0].sessions[0].blocks[0].items[0].name", equalTo("Hip airplane"))
                .body("plan.weeks[0].sessions[0].blocks[0].items[0].exerciseId", equalTo(CATALOG_ONLY_ID.toString()))
                .body("plan.weeks[0].sessions[0].blocks[0].items[0].muscles", hasItem("gluteus-medius"));
        assertThat(CALLS).hasSize(1);
        assertThat(CALLS.peek()[1]).isEqualTo("Bearer " + coach);
    }

    @Test
    @Order(2)
    void unknownExerciseIsAnAnswerNotAFailure() {
        String coach = Fixtures.coach(Fixtures.newTenant());
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(coach).contentType(ContentType.JSON)
                    .body(Map.of("title", "Typo", "plan", planWith("no-such-exercise")))
                    .when().post("/api/v1/templates")
                    .then().statusCode(400)
                    .body("errors.field", hasItem("plan.weeks[0].sessions[0].blocks[0].items[0].slug"));
        }
        // one call per request: no retry of a 404, and the breaker stays closed
        assertThat(CALLS).hasSize(6);
    }

    @Test
    @Order(3) // opens the breaker, so it runs last
    void failingCatalogIsRetriedThenFallsBackAndTheBreakerOpens() {
        String coach = Fixtures.coach(Fixtures.newTenant());
        given().auth().oauth2(coach).contentType(ContentType.JSON)
                .body(Map.of("title", "Broken", "plan", planWith("broken-exercise")))
                .when().post("/api/v1/templates")
                .then().statusCode(503).contentType("application/problem+json");
        // retried (up to two retries), until the breaker's window of four calls is half failures
        int calls = CALLS.size();
        assertThat(calls).isBetween(2, 3);
        // the breaker is open now: the next request falls back at once, without calling the catalog
        given().auth().oauth2(coach).contentType(ContentType.JSON)
                .body(Map.of("title", "Broken", "plan", planWith("broken-again")))
                .when().post("/api/v1/templates")
                .then().statusCode(503);
        assertThat(CALLS).hasSize(calls);
    }

    private static Map<String, Object> planWith(String slug) {
        Map<String, Object> item = Map.of("slug", slug, "sets", 2, "holdSeconds", 20);
        return Map.of("weeks", List.of(Map.of("sessions", List.of(
                Map.of("dayOffset", 0, "blocks", List.of(Map.of("kind", "stability", "items", List.of(item))))))));
    }
}
