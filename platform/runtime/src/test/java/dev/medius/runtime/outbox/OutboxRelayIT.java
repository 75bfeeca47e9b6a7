package dev.medius.runtime.outbox;

import static dev.medius.runtime.outbox.SessionTopic.header;
import static dev.medius.runtime.outbox.SessionTopic.headers;
import static dev.medius.runtime.outbox.SessionTopic.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.runtime.metrics.ScrapedMetrics;
import dev.medius.runtime.outbox.Outbox.Envelope;
import io.quarkus.test.junit.QuarkusTest;

/** Committed events reach Kafka once each, in the order they were recorded, as CloudEvents. */
@QuarkusTest
class OutboxRelayIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SessionLog log;

    private SessionTopic topic;
    private UUID waiting;

    @BeforeEach
    void openTopic() {
        topic = SessionTopic.open();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
        if (waiting != null) {
            log.forget(waiting); // a refused event left behind would be retried for ever
        }
    }

    @Test
    void eventsOfOneAthleteArriveInTheOrderTheyWereRecorded() {
        String athlete = "athlete-" + UUID.randomUUID();
        List<UUID> recorded = new ArrayList<>();
        recorded.addAll(log.commit(List.of(session(athlete, 1), session(athlete, 2), session(athlete, 3),
                session(athlete, 4))));
        recorded.addAll(log.commit(List.of(session(athlete, 5))));
        recorded.addAll(log.commit(List.of(session(athlete, 6), session(athlete, 7))));

        List<ConsumerRecord<String, String>> received = topic.read(athlete, recorded.size());

        assertThat(received).extracting(record -> UUID.fromString(header(record, "ce_id"))).containsExactlyElementsOf(recorded);
        assertThat(log.rows(athlete)).extracting(row -> row.id).containsExactlyElementsOf(recorded);
        assertThat(received).extracting(OutboxRelayIT::sessionNumber).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void aRecordCarriesTheEnvelopeAsCloudEventHeaders() throws Exception {
        String athlete = "athlete-" + UUID.randomUUID();
        Envelope envelope = session(athlete, 12).withHeaders(Map.of("medius-origin", "coach-app"));
        log.commit(List.of(envelope));

        ConsumerRecord<String, String> record = topic.read(athlete, 1).get(0);

        assertThat(record.topic()).isEqualTo(SessionTopic.NAME);
        assertThat(record.key()).isEqualTo(athlete);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(envelope.id().toString());
        assertThat(header(record, "ce_type")).isEqualTo(SessionTopic.TYPE);
        assertThat(header(record, "ce_source")).isEqualTo(SessionTopic.SOURCE);
        assertThat(header(record, "ce_subject")).isEqualTo("session-12");
        assertThat(OffsetDateTime.parse(header(record, "ce_time")).toInstant()).isEqualTo(SessionTopic.MORNING.toInstant());
        assertThat(header(record, "ce_tenantid")).isEqualTo(SessionTopic.TENANT);
        assertThat(header(record, "medius-origin")).isEqualTo("coach-app");
        assertThat(JSON.readTree(record.value())).isEqualTo(JSON.valueToTree(Map.of("athlete", athlete, "session", 12)));
    }

    @Test
    void theTraceOfTheRecordingRequestTravelsWithTheEvent() {
        String athlete = "athlete-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String eventId = given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .when().post("/test/athletes/{athlete}/sessions", athlete)
                .then().statusCode(200).extract().asString();

        ConsumerRecord<String, String> record = topic.read(athlete, 1).get(0);

        assertThat(header(record, "ce_id")).isEqualTo(eventId);
        assertThat(header(record, "traceparent")).startsWith("00-" + traceId + "-");
        assertThat(header(record, "medius-origin")).isEqualTo("coach-app");
    }

    @Test
    void moreEventsThanOneBatchArePublishedOnceEachInOrder() {
        String athlete = "athlete-" + UUID.randomUUID();
        // ten events against batches of three (medius.outbox.batch-size in the test configuration)
        List<UUID> recorded = log.commit(IntStream.rangeClosed(1, 10).mapToObj(n -> session(athlete, n)).toList());

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> log.rows(athlete).stream().allMatch(row -> row.publishedAt != null));
        // a later event of the same athlete lands behind anything the relay could still send twice
        UUID closing = log.commit(List.of(session(athlete, 11))).get(0);
        List<ConsumerRecord<String, String>> received = topic.readUntil(athlete,
                records -> records.stream().anyMatch(record -> closing.toString().equals(header(record, "ce_id"))));

        List<UUID> expected = new ArrayList<>(recorded);
        expected.add(closing);
        assertThat(received).extracting(record -> UUID.fromString(header(record, "ce_id"))).containsExactlyElementsOf(expected);
        assertThat(log.rows(athlete)).allSatisfy(row -> {
            assertThat(row.publishedAt).isNotNull();
            assertThat(row.attempts).isZero();
            assertThat(row.lastError).isNull();
        });
    }

    @Test
    void anEventWithoutExtraHeadersCarriesOnlyItsCloudEventAttributes() {
        String athlete = "athlete-" + UUID.randomUUID();
        log.commit(List.of(session(athlete, 1)));

        ConsumerRecord<String, String> record = topic.read(athlete, 1).get(0);

        assertThat(headers(record).keySet()).allMatch(name -> name.startsWith("ce_") || name.equals("content-type"));
    }

    @Test
    void theBacklogAgeGrowsWhileAnEventWaitsAndIsZeroOnceItIsRelayed() {
        String athlete = "athlete-" + UUID.randomUUID();
        Envelope refused = SessionTopic.oversized(athlete, 1);
        waiting = refused.id();
        log.commit(List.of(refused));

        // the producer refuses the oversized event, so it waits in the outbox until its data is repaired
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> backlogAgeSeconds() > 0);
        double earlier = backlogAgeSeconds();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> backlogAgeSeconds() >= earlier + 1);
        log.replacePayload(refused.id(), "{\"athlete\":\"" + athlete + "\",\"session\":1}");

        ConsumerRecord<String, String> record = topic.read(athlete, 1).get(0);
        assertThat(header(record, "ce_id")).isEqualTo(refused.id().toString());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> backlogAgeSeconds() == 0);
    }

    private static double backlogAgeSeconds() {
        return ScrapedMetrics.value("medius_outbox_oldest_age_seconds");
    }

    private static int sessionNumber(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).get("session").asInt();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }
}
