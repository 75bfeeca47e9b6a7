package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.events.Topics;
import dev.medius.progress.domain.Rejection;
import dev.medius.progress.service.EventReader;

class EventReaderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String S1 = "6e1c2b7a-0d0e-4c1a-9a51-6b1f5d1e0001";
    static final String S2 = "6e1c2b7a-0d0e-4c1a-9a51-6b1f5d1e0002";
    static final Instant NOW = Instant.parse("2026-06-17T12:00:00Z");
    final EventReader reader = new EventReader(JSON, NOW, Duration.ofMinutes(15), (tenant, sealed) -> {
        throw new IllegalArgumentException("no key opens it here");
    });

    static ObjectNode completion(String completedAt) {
        ObjectNode d = JSON.createObjectNode().put("sessionId", S1).put("athleteId", "a-1").put("completedAt", completedAt);
        d.putObject("pain").put("score", 2).put("area", "knee");
        d.putArray("exercises").addObject().put("exerciseId", "clamshell").putArray("sets").addObject().put("reps", 10);
        return d;
    }

    static ConsumerRecord<String, byte[]> binary(String subject, String time, long timestamp, ObjectNode data) {
        RecordHeaders headers = new RecordHeaders();
        Map.of("ce_specversion", "1.0", "ce_id", "e-1", "ce_type", "session.completed.v1", "ce_source", "/acme/app",
                "ce_subject", subject, "ce_time", time, "ce_tenantid", "club")
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(Topics.ROUTINE_SESSIONS, 0, 0L, timestamp, TimestampType.CREATE_TIME, -1, -1, "a-1",
                data.toString().getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    static ConsumerRecord<String, byte[]> structured(ObjectNode data, String topic) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", "e-1")
                .put("type", "session.completed.v1").put("source", "/acme/app").put("subject", S1)
                .put("time", "2026-06-17T10:00:00Z").put("tenantid", "club");
        event.set("data", data);
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(topic, 0, 0L, NOW.toEpochMilli(), TimestampType.CREATE_TIME, -1, -1, "a-1",
                event.toString().getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    @Test
    void theSameEventInEitherModeAndAnyMemberOrderHasOneDigest() {
        ObjectNode reordered = JSON.createObjectNode();
        ObjectNode original = completion("2026-06-17T09:00:00Z");
        java.util.List<String> names = new java.util.ArrayList<>();
        original.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, original.get(n)));
        ((ObjectNode) reordered.get("pain")).removeAll();
        ((ObjectNode) reordered.get("pain")).put("area", "knee").put("score", 2);

        var fromHeaders = reader.read(binary(S1, "2026-06-17T10:00:00Z", NOW.toEpochMilli(), original)).event();
        var fromValue = reader.read(structured(reordered, Topics.ROUTINE_SESSIONS)).event();
        assertThat(fromHeaders.digest()).isEqualTo(fromValue.digest());
        assertThat(fromHeaders.identity()).isEqualTo(fromValue.identity());

        ObjectNode other = completion("2026-06-17T09:00:00Z");
        ((ObjectNode) other.get("pain")).put("score", 3);
        assertThat(reader.read(binary(S1, "2026-06-17T10:00:00Z", NOW.toEpochMilli(), other)).event().digest())
                .isNotEqualTo(fromHeaders.digest());
        assertThat(reader.read(binary(S1, "2026-06-17T10:00:01Z", NOW.toEpochMilli(), original)).event().digest())
                .as("the time is part of what an event says").isNotEqualTo(fromHeaders.digest());
    }

    @Test
    void theSubjectMustNameTheEventsSession() {
        Rejection rejection = reader.read(binary(S2, "2026-06-17T10:00:00Z", NOW.toEpochMilli(),
                completion("2026-06-17T09:00:00Z"))).rejection();
        assertThat(rejection.category()).isEqualTo(Rejection.Category.CONTRACT);
        assertThat(rejection.reason()).isEqualTo("ce_subject " + S2 + " is not the event's sessionId " + S1);
    }

    @Test
    void timesMayBeAtMostTheSkewAfterTheRecordWasWritten() {
        long written = NOW.minus(Duration.ofHours(2)).toEpochMilli();
        assertThat(reader.read(binary(S1, "2026-06-17T10:15:00Z", written, completion("2026-06-17T09:00:00Z")))
                .event()).as("exactly the skew ahead").isNotNull();
        Rejection late = reader.read(binary(S1, "2026-06-17T10:15:01Z", written, completion("2026-06-17T09:00:00Z")))
                .rejection();
        assertThat(late.category()).isEqualTo(Rejection.Category.FUTURE);
        assertThat(late.reason()).startsWith("ce_time 2026-06-17T10:15:01Z is more than 15m after the record was written");
        Rejection completed = reader.read(binary(S1, "2026-06-17T09:00:00Z", written, completion("2026-06-18T09:00:00Z")))
                .rejection();
        assertThat(completed.category()).isEqualTo(Rejection.Category.FUTURE);
        assertThat(completed.reason()).startsWith("completedAt 2026-06-18T09:00Z is more than 15m after");
    }

    @Test
    void aRecordStampedAheadOfTheClockIsJudgedByTheClock() {
        long ahead = NOW.plus(Duration.ofDays(30)).toEpochMilli();
        assertThat(reader.read(binary(S1, "2026-06-20T10:00:00Z", ahead, completion("2026-06-17T09:00:00Z")))
                .rejection().category()).isEqualTo(Rejection.Category.FUTURE);
        assertThat(reader.read(binary(S1, "2026-06-17T12:10:00Z", -1, completion("2026-06-17T09:00:00Z"))).event())
                .as("a record without a timestamp is judged by the clock").isNotNull();
    }

    @Test
    void aCheckInNamesItselfInTheSubjectAndIsNotRecordedInTheFuture() {
        ObjectNode checkIn = JSON.createObjectNode().put("checkInId", S2).put("athleteId", "a-1").put("date", "2026-06-17")
                .put("recordedAt", "2026-06-17T06:30:00Z");
        checkIn.putArray("pain");
        assertThat(reader.read(checkIn(S2, checkIn)).event().data().get("checkInId").asText()).isEqualTo(S2);
        assertThat(reader.read(checkIn(S1, checkIn)).rejection().reason())
                .isEqualTo("ce_subject " + S1 + " is not the event's checkInId " + S2);
        Rejection ahead = reader.read(checkIn(S2, checkIn.deepCopy().put("recordedAt", "2026-06-18T06:30:00Z"))).rejection();
        assertThat(ahead.category()).isEqualTo(Rejection.Category.FUTURE);
        assertThat(ahead.reason()).startsWith("recordedAt 2026-06-18T06:30Z is more than 15m after");
    }

    static ConsumerRecord<String, byte[]> checkIn(String subject, ObjectNode data) {
        RecordHeaders headers = new RecordHeaders();
        Map.of("ce_specversion", "1.0", "ce_id", "e-2", "ce_type", "wellness.checked-in.v1", "ce_source", "/acme/app",
                "ce_subject", subject, "ce_time", "2026-06-17T06:31:00Z", "ce_tenantid", "club")
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(Topics.ROUTINE_SESSIONS, 0, 0L, NOW.toEpochMilli(), TimestampType.CREATE_TIME, -1, -1,
                "a-1", data.toString().getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    @Test
    void aStrengthTestNamesItselfInTheSubjectAndIsNotRecordedInTheFuture() {
        ObjectNode test = JSON.createObjectNode().put("testId", S2).put("athleteId", "a-1").put("kind", "side-bridge")
                .put("testedOn", "2026-06-17").put("recordedAt", "2026-06-17T06:30:00Z").put("left", 62.0)
                .put("right", 55.0).put("unit", "s");
        assertThat(reader.read(strengthTest(S2, test)).event().data().get("testId").asText()).isEqualTo(S2);
        assertThat(reader.read(strengthTest(S1, test)).rejection().reason())
                .isEqualTo("ce_subject " + S1 + " is not the event's testId " + S2);
        Rejection ahead = reader.read(strengthTest(S2, test.deepCopy().put("recordedAt", "2026-06-18T06:30:00Z")))
                .rejection();
        assertThat(ahead.category()).isEqualTo(Rejection.Category.FUTURE);
        assertThat(ahead.reason()).startsWith("recordedAt 2026-06-18T06:30Z is more than 15m after");
        Rejection grip = reader.read(strengthTest(S2, test.deepCopy().put("kind", "grip"))).rejection();
        assertThat(grip.category()).isEqualTo(Rejection.Category.CONTRACT);
        assertThat(grip.reason()).contains("kind");
    }

    static ConsumerRecord<String, byte[]> strengthTest(String subject, ObjectNode data) {
        RecordHeaders headers = new RecordHeaders();
        Map.of("ce_specversion", "1.0", "ce_id", "e-3", "ce_type", "strength-test.recorded.v1", "ce_source", "/acme/app",
                "ce_subject", subject, "ce_time", "2026-06-17T06:31:00Z", "ce_tenantid", "club")
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(Topics.ROUTINE_SESSIONS, 0, 0L, NOW.toEpochMilli(), TimestampType.CREATE_TIME, -1, -1,
                "a-1", data.toString().getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    @Test
    void aTypeOnTheWrongTopicIsRefused() {
        assertThat(reader.read(structured(completion("2026-06-17T09:00:00Z"), Topics.ROUTINE_PLANS)).rejection().reason())
                .isEqualTo("unknown event type session.completed.v1 on routine.plans");
    }
}
