package dev.medius.routine.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.medius.devkit.kafka.KafkaBroker;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.routine.support.EventTap;
import dev.medius.routine.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Completions are accepted while the broker the outbox publishes to is down, and every event arrives
 * once after it is back. The outbox of this test publishes to a broker of its own, which the test
 * stops and starts again on the same port and data.
 */
@QuarkusTest
@TestProfile(OutboxOutageIT.OwnOutboxBroker.class)
class OutboxOutageIT {

    @Inject
    EntityManager entityManager;

    /** Points the outbox at a broker this test controls. */
    public static class OwnOutboxBroker implements QuarkusTestProfile {

        static int port;
        static Path data;
        static KafkaBroker broker;

        static synchronized void start() {
            if (port == 0) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.setReuseAddress(true);
                    socket.bind(new InetSocketAddress("127.0.0.1", 0));
                    port = socket.getLocalPort();
                    data = Files.createTempDirectory("medius-outage-kafka-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            broker = KafkaBroker.start(port, data, false);
            broker.createTopics(List.of(KafkaBroker.TopicSpec.of(Topics.ROUTINE_PLANS, 4),
                    KafkaBroker.TopicSpec.of(Topics.ROUTINE_SESSIONS, 4)));
        }

        static synchronized void stop() {
            broker.close();
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            if (broker == null) {
                start();
            }
            return Map.of("mp.messaging.outgoing.outbox.bootstrap.servers", broker.bootstrapServers());
        }
    }

    @AfterAll
    static void removeBroker() {
        if (OwnOutboxBroker.broker != null) {
            OwnOutboxBroker.stop();
            try (var paths = Files.walk(OwnOutboxBroker.data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }

    @Test
    void completionsAreAcceptedWhileTheBrokerIsDownAndEveryEventArrivesOnceWhenItIsBack() {
        Fixtures.catalogReady();
        String tenant = Fixtures.newTenant();
        String coach = Fixtures.coach(tenant);
        String athlete = "athlete-" + UUID.randomUUID();
        String templateId = Fixtures.createTemplate(coach, "Hips", Fixtures.handMadePlan(1));
        List<String> sessions = Fixtures.assign(coach, templateId, List.of(athlete), null,
                Fixtures.today()).getList("[0].sessions.sessionId");
        try (EventTap plans = new EventTap(Topics.ROUTINE_PLANS, OwnOutboxBroker.broker.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> plans.ofType(athlete, EventTypes.PLAN_ASSIGNED).size() == 1);
        }

        OwnOutboxBroker.stop();
        String token = Fixtures.athlete(athlete, tenant);
        for (String session : sessions) {
            String key = "retry-" + session;
            for (int attempt = 0; attempt < 2; attempt++) {
                given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(Map.of("sessionRpe", 5, "pain", Map.of("score", 0), "exercises",
                                List.of(Map.of("exerciseId", "lateral-band-walk",
                                        "sets", List.of(Map.of("reps", 10, "side", "left"), Map.of("reps", 10, "side", "right"))))))
                        .when().post("/api/v1/athletes/" + athlete + "/sessions/" + session + "/completion")
                        .then().statusCode(201);
            }
        }
        assertThat(pendingCompletions(athlete)).isEqualTo(sessions.size());

        OwnOutboxBroker.start();
        try (EventTap events = new EventTap(Topics.ROUTINE_SESSIONS, OwnOutboxBroker.broker.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> events.ofType(athlete, EventTypes.SESSION_COMPLETED).size() >= sessions.size());
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> events.ofType(athlete, EventTypes.SESSION_COMPLETED).size() == sessions.size());
            Set<String> ids = new HashSet<>();
            Set<String> completed = new HashSet<>();
            events.ofType(athlete, EventTypes.SESSION_COMPLETED).forEach(e -> {
                ids.add(e.id());
                completed.add(e.data().get("sessionId").asText());
            });
            assertThat(ids).hasSize(sessions.size());
            assertThat(completed).containsExactlyInAnyOrderElementsOf(sessions);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingCompletions(athlete) == 0);
    }

    private long pendingCompletions(String athlete) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE message_key = :athlete AND event_type = :type AND published_at IS NULL")
                .setParameter("athlete", athlete).setParameter("type", EventTypes.SESSION_COMPLETED)
                .getSingleResult()).longValue());
    }
}
