package dev.medius.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import dev.medius.events.Topics;
import dev.medius.reliability.Platform.Committed;
import dev.medius.reliability.SessionStream.Sent;

/**
 * progress-service, running as a process with its production configuration, ingests a stream of 10,000
 * completed sessions while one of its dependencies fails in the middle of it: PostgreSQL stops and
 * comes back, the service itself is killed with SIGKILL and started again, the broker stops and comes
 * back. Each time every event ends up counted exactly once in the projections, nothing is parked on the
 * dead-letter topic, the consumer group never commits an offset past what the database holds (sampled
 * with the admin client during the outage), and readiness is DOWN while the dependency is away and UP
 * after.
 */
class IngestionFaultsTest {

    private static final int EVENTS = 10_000;
    /** 50 events every 100 ms: the stream lasts about 20 s, so every fault lands in the middle of it. */
    private static final int EVENTS_PER_TICK = 50;
    /** Longer than the 60 s after which the Kafka connector used to close a consumer whose batch waited. */
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(65);
    private static final int READY = 200;
    private static final int DOWN = 503;
    private static final int NO_ANSWER = -1;

    private Platform platform;
    private SessionStream stream;
    private final List<Committed> duringOutage = new ArrayList<>();

    @BeforeEach
    void startProgressService(TestInfo test) {
        platform = Platform.start("ingestion-" + test.getTestMethod().orElseThrow().getName(), true);
        platform.launch("progress");
        stream = new SessionStream(platform.bootstrapServers(), "rel-" + UUID.randomUUID().toString().substring(0, 6),
                EVENTS);
    }

    @AfterEach
    void stopEverything() {
        if (stream != null) {
            stream.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void postgresqlStoppedMidStreamAndStartedAgain() {
        streamUntilPartlyStored();

        platform.postgres().stopKeepingData();
        await("readiness DOWN without the database").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.readiness("progress") == DOWN);
        await("readiness stays DOWN for the whole outage").during(DATABASE_OUTAGE)
                .atMost(DATABASE_OUTAGE.plusSeconds(30)).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    duringOutage.add(platform.committed(Platform.PROGRESS_GROUP, Topics.ROUTINE_SESSIONS));
                    return platform.readiness("progress") == DOWN;
                });
        platform.postgres().startAgain();
        await("readiness UP with the database back").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.readiness("progress") == READY);

        assertEveryEventCountedOnce();
    }

    @Test
    void progressServiceKilledMidStreamAndStartedAgain() {
        streamUntilPartlyStored();

        platform.kill("progress");
        await("the killed service stays away").during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    duringOutage.add(platform.committed(Platform.PROGRESS_GROUP, Topics.ROUTINE_SESSIONS));
                    return platform.readiness("progress") == NO_ANSWER;
                });
        platform.startAgain("progress");
        assertThat(platform.readiness("progress")).isEqualTo(READY);

        assertEveryEventCountedOnce();
    }

    @Test
    void brokerStoppedMidStreamAndStartedAgain() {
        streamUntilPartlyStored();

        // the admin client needs the broker, so offsets are read right before and right after the outage
        duringOutage.add(platform.committed(Platform.PROGRESS_GROUP, Topics.ROUTINE_SESSIONS));
        platform.stopBroker();
        await("readiness DOWN without the broker").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Platform.Readiness readiness = platform.readinessReport("progress");
                    assertThat(readiness.status()).as("readiness: %s", readiness.report()).isEqualTo(DOWN);
                });
        await("readiness stays DOWN while the broker is away").during(Duration.ofSeconds(10))
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> platform.readiness("progress") == DOWN);
        platform.startBroker();
        duringOutage.add(platform.committed(Platform.PROGRESS_GROUP, Topics.ROUTINE_SESSIONS));
        await("readiness UP with the broker back").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.readiness("progress") == READY);

        assertEveryEventCountedOnce();
    }

    /**
     * Starts the stream and returns once progress-service has stored a fifth of it and committed offsets for some,
     * with the rest still coming.
     */
    private void streamUntilPartlyStored() {
        stream.start(EVENTS_PER_TICK);
        await("first events stored and their offsets committed").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> storedSessions() >= EVENTS / 5 && platform.committed(Platform.PROGRESS_GROUP,
                        Topics.ROUTINE_SESSIONS).offsets().values().stream().mapToLong(Long::longValue).sum() > 0);
        assertThat(stream.acknowledged()).as("events still to send when the fault starts").hasSizeLessThan(EVENTS);
    }

    private void assertEveryEventCountedOnce() {
        long recovering = System.nanoTime();
        await("all events sent").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> stream.acknowledged().size() == EVENTS);
        try {
            await("all events stored").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> storedSessions() >= EVENTS);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(String.format("%d of %d events stored, %d dead-lettered; progress-service log:%n%s",
                    storedSessions(), EVENTS, deadLettered(), platform.logTail("progress", 80)), e);
        }
        await("consumer group caught up").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> platform.lag(Platform.PROGRESS_GROUP, List.of(Topics.ROUTINE_SESSIONS)) == 0);

        System.out.printf("ingestion after the fault: all %d events stored and committed %d s after it ended;"
                + " %d offset samples%n", EVENTS, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - recovering),
                duringOutage.size());
        List<Sent> sent = stream.acknowledged();
        Map<String, Instant> processed = processedAt();
        assertThat(processed).as("events applied").hasSize(EVENTS);
        assertThat(processed.keySet()).containsExactlyInAnyOrderElementsOf(sent.stream().map(Sent::id).toList());
        Totals stored = storedTotals();
        assertThat(stored.sessions()).as("completed sessions in the projection").isEqualTo(EVENTS);
        assertThat(stored.rpeSum()).as("sum of session effort").isEqualTo(sent.stream().mapToDouble(Sent::rpe).sum());
        assertThat(stored.repsSum()).as("reps in the volume projection").isEqualTo(sent.stream().mapToLong(Sent::reps).sum());
        assertThat(deadLettered()).as("records parked on the dead-letter topic").isZero();

        assertThat(duringOutage).as("offset samples").isNotEmpty()
                .allSatisfy(sample -> assertThat(sample.offsets()).as("offsets committed before the fault").isNotEmpty());
        for (Committed sample : duringOutage) {
            for (Sent event : sent) {
                Long committed = sample.offsets().get(event.partition());
                if (committed != null && event.offset() < committed) {
                    assertThat(processed.get(event.id()))
                            .as("event %s at %d@%d, behind the offset %d committed by %s, stored by then", event.id(),
                                    event.partition(), event.offset(), committed, sample.readAt())
                            .isBeforeOrEqualTo(sample.readAt());
                }
            }
        }
    }

    private record Totals(long sessions, double rpeSum, long repsSum) {
    }

    private long storedSessions() {
        return storedTotals().sessions();
    }

    private Totals storedTotals() {
        try (Connection db = platform.database("progress");
                PreparedStatement sessions = db.prepareStatement(
                        "SELECT count(*), coalesce(sum(session_rpe), 0) FROM session_fact WHERE tenant_id IN (?, ?)");
                PreparedStatement reps = db.prepareStatement(
                        "SELECT coalesce(sum(reps), 0) FROM exercise_volume WHERE tenant_id IN (?, ?)")) {
            for (PreparedStatement statement : List.of(sessions, reps)) {
                statement.setString(1, stream.tenants().get(0));
                statement.setString(2, stream.tenants().get(1));
            }
            try (ResultSet s = sessions.executeQuery(); ResultSet r = reps.executeQuery()) {
                s.next();
                r.next();
                return new Totals(s.getLong(1), s.getDouble(2), r.getLong(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When each event of the stream was applied, by event id. */
    private Map<String, Instant> processedAt() {
        Map<String, Instant> processed = new HashMap<>();
        try (Connection db = platform.database("progress");
                PreparedStatement statement = db.prepareStatement(
                        "SELECT event_id, processed_at FROM processed_event WHERE tenant_id IN (?, ?)")) {
            statement.setString(1, stream.tenants().get(0));
            statement.setString(2, stream.tenants().get(1));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    processed.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return processed;
    }

    private long deadLettered() {
        try (Admin admin = platform.admin()) {
            return admin.listOffsets(Map.of(new TopicPartition(Topics.ROUTINE_SESSIONS_DLQ, 0), OffsetSpec.latest()))
                    .all().get(20, TimeUnit.SECONDS).values().stream().mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
