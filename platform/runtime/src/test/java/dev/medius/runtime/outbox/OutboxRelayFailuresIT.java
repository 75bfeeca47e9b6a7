package dev.medius.runtime.outbox;

import static dev.medius.runtime.outbox.SessionTopic.header;
import static dev.medius.runtime.outbox.SessionTopic.headers;
import static dev.medius.runtime.outbox.SessionTopic.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.medius.runtime.outbox.Outbox.Envelope;
import io.quarkus.test.junit.QuarkusTest;

/** What the relay does when the broker refuses an event, when a transaction rolls back, and with damaged rows. */
@QuarkusTest
class OutboxRelayFailuresIT {

    @Inject
    SessionLog log;

    private SessionTopic topic;
    private final List<UUID> leftQueued = new ArrayList<>();

    @BeforeEach
    void openTopic() {
        topic = SessionTopic.open();
    }

    @AfterEach
    void cleanUp() {
        topic.close();
        // a refused event would be retried for ever and slow every later test down
        leftQueued.forEach(log::forget);
    }

    @Test
    void anEventTheBrokerRefusesStaysQueuedWhileTheRestOfItsBatchIsPublished() {
        String athlete = "athlete-" + UUID.randomUUID();
        Envelope oversized = SessionTopic.oversized(athlete, 2);
        Envelope before = session(athlete, 1);
        Envelope after = session(athlete, 3);
        leftQueued.add(oversized.id());
        log.commit(List.of(before, oversized, after));

        List<ConsumerRecord<String, String>> received = topic.read(athlete, 2);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> row(athlete, oversized.id()).attempts > 0);

        assertThat(received).extracting(record -> header(record, "ce_id"))
                .containsExactly(before.id().toString(), after.id().toString());
        OutboxEvent refused = row(athlete, oversized.id());
        assertThat(refused.publishedAt).isNull();
        assertThat(refused.lastError).contains("RecordTooLargeException");
        assertThat(row(athlete, before.id()).publishedAt).isNotNull();
        assertThat(row(athlete, after.id()).publishedAt).isNotNull();
    }

    @Test
    void aTransactionThatRollsBackPublishesNothing() {
        String athlete = "athlete-" + UUID.randomUUID();
        Envelope abandoned = session(athlete, 1);
        assertThatThrownBy(() -> log.abandon(abandoned)).isInstanceOf(SessionLog.AbandonedChange.class);
        // anything relayed for the abandoned change would reach the athlete's partition before this event
        Envelope committed = session(athlete, 2);
        log.commit(List.of(committed));

        List<ConsumerRecord<String, String>> received = topic.readUntil(athlete,
                records -> records.stream().anyMatch(record -> committed.id().toString().equals(header(record, "ce_id"))));

        assertThat(received).extracting(record -> header(record, "ce_id")).containsExactly(committed.id().toString());
        assertThat(log.rows(athlete)).extracting(row -> row.id).containsExactly(committed.id());
    }

    @Test
    void anEventWithUnreadableHeadersIsPublishedWithoutThem() {
        String athlete = "athlete-" + UUID.randomUUID();
        Envelope damaged = session(athlete, 1);
        log.insertWithHeaders(damaged, "{\"athlete\":\"" + athlete + "\",\"session\":1}",
                "{\"traceparent\":{\"version\":0},\"medius-origin\":[\"coach-app\"]}");

        ConsumerRecord<String, String> record = topic.read(athlete, 1).get(0);

        assertThat(header(record, "ce_id")).isEqualTo(damaged.id().toString());
        assertThat(header(record, "ce_tenantid")).isEqualTo(SessionTopic.TENANT);
        assertThat(headers(record)).doesNotContainKeys("traceparent", "medius-origin");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> row(athlete, damaged.id()).publishedAt != null);
    }

    private OutboxEvent row(String athlete, UUID id) {
        return log.rows(athlete).stream().filter(row -> row.id.equals(id)).findFirst().orElseThrow();
    }
}
