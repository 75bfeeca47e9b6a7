package dev.medius.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.reliability.MediusApi.Answer;
import dev.medius.reliability.MediusApi.Due;

/**
 * routine-service's transactional outbox when publishing fails: completions recorded through the REST
 * API while the broker is down are accepted, and reach Kafka once it is back; completions committed
 * but not yet relayed when routine-service is killed (SIGKILL) are relayed after its restart. Either
 * way every recorded session reaches {@code routine.sessions} under one event id, and progress-service
 * counts each event id once.
 */
class PublishingFaultsTest {

    private static final int ATHLETES = 5;
    private static final int SESSIONS_PER_ATHLETE = 4;

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start("publishing", false);
        platform.launch("catalog", "routine", "progress");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void completionsRecordedWhileTheBrokerIsDownReachKafkaOnceItIsBack() {
        Recorded recorded = recordWhileTheBrokerIsDown("outage");
        platform.startBroker();

        assertEverySessionPublishedAndCountedOnce(recorded.tenant(), recorded.due());
    }

    @Test
    void completionsCommittedButNotRelayedWhenRoutineServiceIsKilledAreRelayedAfterItsRestart() {
        // with the broker away the relay cannot send: the kill lands between the commit and the relay
        Recorded recorded = recordWhileTheBrokerIsDown("killed");
        platform.kill("routine");
        platform.startBroker();
        platform.startAgain("routine");

        assertEverySessionPublishedAndCountedOnce(recorded.tenant(), recorded.due());
    }

    /** Sessions of one organisation, recorded as done. */
    private record Recorded(String tenant, List<Due> due) {
    }

    /** Assigns sessions to a new organisation, stops the broker and records them all: they wait in the outbox. */
    private static Recorded recordWhileTheBrokerIsDown(String prefix) {
        MediusApi api = new MediusApi(platform, MediusApi.newTenant(prefix));
        List<Due> due = api.assignSessions(prefix, ATHLETES, 1, SESSIONS_PER_ATHLETE);
        platform.stopBroker();
        for (Due session : due) {
            Answer recorded = api.complete(session);
            assertThat(recorded.status()).as("recording %s: %s", session, recorded.body()).isEqualTo(201);
        }
        assertThat(unpublished(api.tenant())).as("completions waiting in the outbox").isEqualTo(due.size());
        return new Recorded(api.tenant(), due);
    }

    private static void assertEverySessionPublishedAndCountedOnce(String tenant, List<Due> due) {
        Set<String> recorded = new HashSet<>(due.stream().map(Due::sessionId).toList());
        await("outbox emptied").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> unpublished(tenant) == 0);
        Map<String, Set<String>> eventIds = publishedCompletions(tenant, recorded.size());
        assertThat(eventIds.keySet()).as("sessions on " + Topics.ROUTINE_SESSIONS).isEqualTo(recorded);
        assertThat(eventIds).as("event ids per session").allSatisfy((session, ids) -> assertThat(ids).hasSize(1));

        Set<String> published = new HashSet<>();
        eventIds.values().forEach(published::addAll);
        await("progress-service applied every event").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT count(*) FROM processed_event WHERE tenant_id = ? AND event_type = '"
                        + EventTypes.SESSION_COMPLETED + "'", tenant) >= published.size());
        assertThat(appliedEventIds(tenant)).as("event ids applied downstream, each once").isEqualTo(published);
        assertThat(count("SELECT count(*) FROM session_fact WHERE tenant_id = ? AND status = 'completed'", tenant))
                .as("completed sessions on the dashboard's projection").isEqualTo(recorded.size());
    }

    /** Completion events of the tenant on the topic, from its beginning: event ids by session id. */
    private static Map<String, Set<String>> publishedCompletions(String tenant, int expected) {
        Map<String, Set<String>> bySession = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "publishing-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ROUTINE_SESSIONS));
            await("completions on " + Topics.ROUTINE_SESSIONS).atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(record -> collect(tenant, record, bySession));
                        return bySession.size() >= expected;
                    });
            // a copy sent again by a relay retry would already be on the topic: read on to its end
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> collect(tenant, record, bySession));
        }
        return bySession;
    }

    private static void collect(String tenant, ConsumerRecord<String, String> record, Map<String, Set<String>> bySession) {
        if (tenant.equals(header(record, "ce_tenantid")) && EventTypes.SESSION_COMPLETED.equals(header(record, "ce_type"))) {
            // the subject names the session; the data is sealed with the athlete's key (docs/events.md, "Sealed data")
            bySession.computeIfAbsent(header(record, "ce_subject"), s -> new HashSet<>()).add(header(record, "ce_id"));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int unpublished(String tenant) {
        try (Connection db = platform.database("routine");
                PreparedStatement statement = db.prepareStatement("SELECT count(*) FROM outbox_event"
                        + " WHERE tenant_id = ? AND event_type = ? AND published_at IS NULL")) {
            statement.setString(1, tenant);
            statement.setString(2, EventTypes.SESSION_COMPLETED);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> appliedEventIds(String tenant) {
        Set<String> ids = new HashSet<>();
        try (Connection db = platform.database("progress");
                PreparedStatement statement = db.prepareStatement(
                        "SELECT event_id FROM processed_event WHERE tenant_id = ? AND event_type = ?")) {
            statement.setString(1, tenant);
            statement.setString(2, EventTypes.SESSION_COMPLETED);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static long count(String sql, String tenant) {
        try (Connection db = platform.database("progress"); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
