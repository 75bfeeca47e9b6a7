package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What an athlete writes and feels stays out of the service's log and out of dead-letter reasons
 * (docs/data-protection.md): the notes and pain of a completion, applied or refused, appear in neither, nor does
 * the reason of the flag that pain raises.
 */
@QuarkusTest
class HealthDataExposureIT {

    static final String TENANT = "club-exposure";
    static final Duration WAIT = Duration.ofSeconds(30);

    final String athlete = "athlete-" + uuid();
    final String coach = "coach-" + uuid();
    /** Words only this test's notes contain. */
    final String written = "stairs-" + uuid();
    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLoggerName() + " " + format.formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void notesAndPainOfAppliedAndRefusedCompletionsStayOutOfTheLogAndDeadLetterReasons() {
        RoutineEvents.enrol(TENANT, athlete, coach);
        ObjectNode applied = completed(uuid(), athlete, coach, TODAY, 6.0, 9).put("notes", "Sharp on the " + written);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, applied);
        await().atMost(WAIT).untilAsserted(() -> assertThat(flagReasons()).isNotEmpty());
        String reason = flagReasons().get(0);

        // refused: notes over the contract's 4,000 characters, and a pain score that is not a number
        ObjectNode tooLong = completed(uuid(), athlete, coach, TODAY, 6.0, 4).put("notes", written + " " + "x".repeat(4000));
        ObjectNode unreadablePain = completed(uuid(), athlete, coach, TODAY, 6.0, 4).put("notes", written);
        ((ObjectNode) unreadablePain.get("pain")).put("score", written).put("area", written);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, tooLong);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, unreadablePain);
        await().atMost(WAIT).untilAsserted(() -> assertThat(RoutineEvents.readAll(Topics.ROUTINE_SESSIONS_DLQ, athlete))
                .hasSize(2));

        for (ConsumerRecord<String, String> letter : RoutineEvents.readAll(Topics.ROUTINE_SESSIONS_DLQ, athlete)) {
            String why = RoutineEvents.header(letter, "medius-dlq-reason");
            assertThat(why).as("dead-letter reason").isNotBlank().doesNotContain(written);
        }
        assertThat(logged).as("the service's log").isNotEmpty().noneMatch(line -> line.contains(written))
                .noneMatch(line -> line.contains(reason));
    }

    List<String> flagReasons() {
        return given().auth().oauth2(DevTokens.mint(coach, TENANT, "coach"))
                .when().get("/api/v1/athletes/{id}/progress", athlete)
                .then().extract().jsonPath().getList("summary.flags.reason", String.class);
    }
}
