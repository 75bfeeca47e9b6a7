package dev.medius.routine.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.medius.devkit.security.DevTokens;
import dev.medius.routine.service.CatalogReadModel;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Requests and data the integration tests share; every test works in an organisation of its own. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String newTenant() {
        return "club-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String coach(String tenant) {
        return DevTokens.mint("coach-" + tenant, tenant, "coach");
    }

    public static String admin(String tenant) {
        return DevTokens.mint("admin-" + tenant, tenant, "admin");
    }

    public static String headCoach(String tenant) {
        return DevTokens.mint("head-coach-" + tenant, tenant, "head-coach");
    }

    /** An athlete's whole profile as a PUT sends it; a null team leaves the athlete without one. */
    public static Map<String, Object> profile(String displayName, String teamId, String sport) {
        Map<String, Object> body = new HashMap<>(Map.of("displayName", displayName));
        if (teamId != null) {
            body.put("teamId", teamId);
        }
        if (sport != null) {
            body.put("sport", sport);
        }
        return body;
    }

    public static Response putProfile(String token, String athleteId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/athletes/" + athleteId + "/profile");
    }

    public static String athlete(String athleteId, String tenant) {
        return DevTokens.mint(athleteId, tenant, "athlete");
    }

    /** Today as the running service reads it, from its clock. */
    public static LocalDate today() {
        return LocalDate.now(Arc.container().instance(Clock.class).get());
    }

    /** Publishes the library and waits until the running service's read model holds it. */
    public static void catalogReady() {
        CatalogReadModel readModel = Arc.container().instance(CatalogReadModel.class).get();
        CatalogFeed.publishLibrary();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> readModel.usableBy("any").size() >= ExerciseLibrary.exercises().size());
    }

    public static Map<String, Object> deskWorkerProfile(LocalDate start) {
        return Map.of("level", "beginner", "sport", "desk-bound", "goals", List.of("glute-activation"),
                "equipment", List.of("mini-band"), "sessionsPerWeek", 3, "minutesPerSession", 20, "weeks", 4,
                "startDate", start.toString(), "painAreas", List.of("knee"));
    }

    public static JsonPath generate(String token, Map<String, Object> profile) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(profile)
                .when().post("/api/v1/plans/generate")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A hand-made one-week plan: the band walk and the bridge on two days, dose given by the coach. */
    public static Map<String, Object> handMadePlan(int sets) {
        Map<String, Object> walk = Map.of("slug", "lateral-band-walk", "sets", sets, "repsMin", 10, "repsMax", 12,
                "perSide", true, "bandResistance", "light");
        Map<String, Object> bridge = Map.of("slug", "banded-glute-bridge-abduction", "sets", sets, "repsMin", 10,
                "repsMax", 15);
        Map<String, Object> session0 = Map.of("dayOffset", 0, "title", "Day 1",
                "blocks", List.of(Map.of("kind", "activation", "items", List.of(walk, bridge))));
        Map<String, Object> session1 = Map.of("dayOffset", 7, "title", "Day 2",
                "blocks", List.of(Map.of("kind", "activation", "items", List.of(walk, bridge))));
        Map<String, Object> session2 = Map.of("dayOffset", 14, "title", "Day 3",
                "blocks", List.of(Map.of("kind", "activation", "items", List.of(walk, bridge))));
        return Map.of("title", "Hand-made hips", "weeks", List.of(
                Map.of("number", 1, "sessions", List.of(session0)),
                Map.of("number", 2, "sessions", List.of(session1)),
                Map.of("number", 3, "sessions", List.of(session2))));
    }

    public static String createTemplate(String token, String title, Object plan) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("title", title, "plan", plan))
                .when().post("/api/v1/templates")
                .then().statusCode(201).extract().path("id");
    }

    public static JsonPath assign(String token, String templateId, List<String> athletes, String teamId, LocalDate start) {
        Map<String, Object> body = teamId == null ? Map.of("athleteIds", athletes, "startDate", start.toString())
                : Map.of("athleteIds", athletes, "teamId", teamId, "startDate", start.toString());
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/templates/" + templateId + "/assignments")
                .then().statusCode(201).extract().jsonPath();
    }

    /** A completion of a hand-made plan session: four sets of band walks at {@code walkReps}, two of bridges. */
    public static Map<String, Object> completion(int walkReps, double rpe, int pain, String area, String walk,
            String bridge) {
        List<Map<String, Object>> walkSets = new ArrayList<>();
        for (String side : List.of("left", "right", "left", "right")) {
            walkSets.add(Map.of("reps", walkReps, "side", side, "band", "light", "rpe", rpe));
        }
        List<Map<String, Object>> bridgeSets = List.of(Map.of("reps", 10, "rpe", rpe), Map.of("reps", 10, "rpe", rpe));
        Map<String, Object> painReport = area == null ? Map.of("score", pain) : Map.of("score", pain, "area", area);
        return Map.of("sessionRpe", rpe, "durationMinutes", 15, "pain", painReport,
                "exercises", List.of(Map.of("exerciseId", walk, "sets", walkSets),
                        Map.of("exerciseId", bridge, "sets", bridgeSets)));
    }
}
