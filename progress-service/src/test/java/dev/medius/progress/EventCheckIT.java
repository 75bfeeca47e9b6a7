package dev.medius.progress;

import static dev.medius.progress.OutsidePlatform.binary;
import static dev.medius.progress.OutsidePlatform.completion;
import static dev.medius.progress.OutsidePlatform.planRecord;
import static dev.medius.progress.OutsidePlatform.structured;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** An integrator checks a file of events before sending it: what would Medius do with each, and why. */
@QuarkusTest
class EventCheckIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String tenant = "club-check-" + run;
    final String elsewhere = "club-elsewhere-" + run;
    final String athlete = "athlete-" + run;
    final String stranger = "athlete-elsewhere-" + run;
    final String admin = DevTokens.mint("admin-" + run, tenant, "admin");

    /** The file: one record of each outcome, in the order an integrator might write them. */
    ArrayNode file() {
        String session = UUID.randomUUID().toString();
        ObjectNode done = structured(tenant, EventTypes.SESSION_COMPLETED, session, "2026-06-16T09:31:00Z",
                completion(session, athlete, "2026-06-16T09:30:00Z", 2));
        String later = UUID.randomUUID().toString();
        String foreign = UUID.randomUUID().toString();
        ObjectNode noSubject = binary(tenant, EventTypes.SESSION_COMPLETED, foreign, "2026-06-16T09:31:00Z",
                completion(foreign, athlete, "2026-06-16T09:30:00Z", 1));
        ((ObjectNode) noSubject.get("headers")).remove("ce_subject");
        String theirs = UUID.randomUUID().toString();
        ArrayNode file = OutsidePlatform.JSON.createArrayNode();
        file.add(done);
        file.add(done.deepCopy());
        file.add(binary(tenant, EventTypes.SESSION_COMPLETED, later, "2026-06-16T09:31:00Z",
                completion(later, athlete, "2027-06-16T09:30:00Z", 3)));
        file.add(binary(tenant, EventTypes.SESSION_COMPLETED, theirs, "2026-06-16T09:31:00Z",
                completion(theirs, stranger, "2026-06-16T09:30:00Z", 3)));
        file.add(noSubject);
        file.add(binary(elsewhere, EventTypes.SESSION_COMPLETED, theirs, "2026-06-16T09:31:00Z",
                completion(theirs, stranger, "2026-06-16T09:30:00Z", 3)));
        return file;
    }

    void registerBoth() {
        OutsidePlatform.publish(planRecord(tenant, athlete, "coach-" + run));
        OutsidePlatform.publish(planRecord(elsewhere, stranger, "coach-elsewhere-" + run));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(given().auth()
                .oauth2(DevTokens.mint("coach-elsewhere-" + run, elsewhere, "coach")).when().get("/api/v1/dashboard")
                .then().extract().jsonPath().getList("athletes.athleteId", String.class)).containsExactly(stranger));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(given().auth()
                .oauth2(DevTokens.mint("coach-" + run, tenant, "coach")).when().get("/api/v1/dashboard")
                .then().extract().jsonPath().getList("athletes.athleteId", String.class)).containsExactly(athlete));
    }

    @Test
    void eachRecordGetsTheOutcomeIngestionWouldGiveItAndNothingIsApplied() {
        registerBoth();
        JsonPath answer = given().auth().oauth2(admin).contentType(ContentType.JSON).body(file().toString())
                .when().post("/api/v1/events/check").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("outcome", String.class)).containsExactly("applied", "duplicate", "dead-lettered",
                "dead-lettered", "dead-lettered", "not-checked");
        assertThat(answer.getList("category", String.class)).containsExactly(null, null, "future-time", "organisation",
                "contract", null);
        assertThat(answer.getString("[3].reason")).isEqualTo("athlete " + stranger + " belongs to another organisation than "
                + tenant);
        assertThat(answer.getString("[4].reason")).isEqualTo("missing header ce_subject");
        assertThat(answer.getList("topic", String.class)).containsOnly("routine.sessions");

        // a check keeps nothing: the completion it found applicable is not on the dashboard
        JsonPath progress = given().auth().oauth2(admin).when().get("/api/v1/athletes/{id}/progress", athlete)
                .then().statusCode(200).extract().jsonPath();
        assertThat(progress.getString("summary.lastActivity")).isNull();
    }

    @Test
    void theCommandPrintsEachOutcomeAndFailsWhenARecordWouldBeDeadLettered() throws Exception {
        registerBoth();
        Path events = Files.createTempFile("events", ".jsonl");
        try {
            StringBuilder lines = new StringBuilder();
            file().forEach(record -> lines.append(record).append('\n'));
            Files.writeString(events, lines, StandardCharsets.UTF_8);
            Path command = Paths.get("").toAbsolutePath().resolve("../tools/medius-check-events").normalize();
            ProcessBuilder builder = new ProcessBuilder("bash", command.toString(), "--url",
                    "http://localhost:" + RestAssured.port, events.toString()).redirectErrorStream(true);
            builder.environment().putAll(Map.of("MEDIUS_TOKEN", admin));
            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(process.exitValue()).as(String.join("\n", output)).isEqualTo(1);
            assertThat(output).hasSize(6);
            assertThat(output.get(0)).matches("1\\s+routine\\.sessions\\s+applied\\s*");
            assertThat(output.get(1)).matches("2\\s+routine\\.sessions\\s+duplicate\\s*");
            assertThat(output.get(2)).matches("3\\s+routine\\.sessions\\s+dead-lettered\\s+future-time\\s+completedAt .*");
            assertThat(output.get(3)).contains("organisation", "belongs to another organisation");
            assertThat(output.get(4)).contains("contract", "missing header ce_subject");
            assertThat(output.get(5)).contains("not-checked", elsewhere);

            // a file of good records only: the command succeeds
            Files.writeString(events, file().get(0) + "\n", StandardCharsets.UTF_8);
            Process good = builder.start();
            assertThat(good.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(good.exitValue()).as(new String(good.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
        } finally {
            Files.deleteIfExists(events);
        }
    }

    @Test
    void onlyAdminsCheckAndTheBodyMustBeAnArray() {
        given().auth().oauth2(DevTokens.mint("coach-" + run, tenant, "coach")).contentType(ContentType.JSON).body("[]")
                .when().post("/api/v1/events/check").then().statusCode(403);
        given().contentType(ContentType.JSON).body("[]").when().post("/api/v1/events/check").then().statusCode(401);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").when().post("/api/v1/events/check")
                .then().statusCode(400);
    }
}
