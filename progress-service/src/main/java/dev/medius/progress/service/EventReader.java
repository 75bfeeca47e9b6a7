package dev.medius.progress.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.RecordBatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.events.CloudEventReader;
import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.progress.domain.DataOpener;
import dev.medius.progress.domain.Rejection;
import dev.medius.progress.events.KafkaClients;
import dev.medius.runtime.seal.SealedData;

/**
 * Reads the records of routine-service's topics as the contract of {@code docs/events.md} describes them and says
 * why when a record does not follow it: the CloudEvents envelope in either mode, the types each topic carries, the
 * data's schema, a subject that names the event's own session, check-in, strength test, assignment or athlete, and
 * times no further ahead than the allowed skew. What the event may change (its organisation, its session's, check-in's
 * or test's athlete) is checked where the stored facts are, by the ingestion.
 */
public final class EventReader {

    /** The types each input topic carries; anything else on a topic is rejected. */
    private static final Map<String, Set<String>> TYPES_BY_TOPIC = Map.of(
            Topics.ROUTINE_SESSIONS, Set.of(EventTypes.SESSION_COMPLETED, EventTypes.SESSION_SKIPPED,
                    EventTypes.WELLNESS_CHECKED_IN, EventTypes.STRENGTH_TEST_RECORDED),
            Topics.ROUTINE_PLANS, Set.of(EventTypes.PLAN_ASSIGNED, EventTypes.PLAN_CHANGED, EventTypes.PLAN_CANCELLED,
                    EventTypes.ATHLETE_UPDATED, EventTypes.ATHLETE_ERASED));

    /**
     * Either an event or why the record cannot be one; {@link Rejection#category()} groups the reasons. {@code erased}:
     * sealed data whose key its athlete's erasure destroyed, which nothing can read any more.
     */
    public record Result(InboundEvent event, Rejection rejection, boolean erased) {

        Result(InboundEvent event, Rejection rejection) {
            this(event, rejection, false);
        }
    }


    private final CloudEventReader envelopes;
    private final DataOpener opener;

    private final Instant now;
    private final Duration futureSkew;

    /**
     * @param now        what "now" is for the time checks: a record is never judged by a clock later than when it was
     *                   written, so that replaying it later decides the same
     * @param futureSkew how far ahead of its record an event's times may be
     */
    public EventReader(ObjectMapper json, Instant now, Duration futureSkew, DataOpener opener) {
        this.envelopes = new CloudEventReader(json);
        this.opener = opener;
        this.now = now;
        this.futureSkew = futureSkew;
    }

    public Result read(ConsumerRecord<String, byte[]> record) {
        CloudEventReader.Result envelope = envelopes.read(name -> KafkaClients.header(record, name), record.value());
        if (!envelope.accepted()) {
            return rejected(Rejection.Category.CONTRACT, envelope.rejection());
        }
        CloudEventReader.Event event = envelope.event();
        String attribute = event.mode() == CloudEventReader.Mode.BINARY ? "ce_" : "";
        Set<String> accepted = TYPES_BY_TOPIC.getOrDefault(record.topic(), Set.of());
        if (!accepted.contains(event.type())) {
            return rejected(Rejection.Category.CONTRACT, "unknown event type " + event.type() + " on " + record.topic());
        }
        if (event.data() != null && event.data().hasNonNull(SealedData.MEMBER) && event.data().size() == 1) {
            Optional<JsonNode> opened;
            try {
                opened = opener.open(event.tenant(), event.data().get(SealedData.MEMBER).asText());
            } catch (IllegalArgumentException e) {
                return rejected(Rejection.Category.CONTRACT, "sealed data: " + e.getMessage());
            }
            if (opened.isEmpty()) {
                return new Result(null, null, true);
            }
            event = new CloudEventReader.Event(event.mode(), event.id(), event.type(), event.source(), event.subject(),
                    event.time(), event.tenant(), opened.get());
        }
        List<String> violations = EventSchemas.violations(event.type(), event.data());
        if (!violations.isEmpty()) {
            return rejected(Rejection.Category.CONTRACT, "schema violations: " + String.join("; ", violations));
        }
        String aggregate = aggregateField(event.type());
        String aggregateId = event.data().get(aggregate).asText();
        if (!aggregateId.equals(event.subject())) {
            return rejected(Rejection.Category.CONTRACT, attribute + "subject " + event.subject() + " is not the event's "
                    + aggregate + " " + aggregateId);
        }
        Instant reference = reference(record);
        Instant latest = reference.plus(futureSkew);
        if (event.time().toInstant().isAfter(latest)) {
            return rejected(Rejection.Category.FUTURE, attribute + "time " + event.time() + " is more than " + skew()
                    + " after the record was written (" + reference + ")");
        }
        String occurred = occurrenceField(event.type());
        if (occurred != null) {
            OffsetDateTime when;
            try {
                when = OffsetDateTime.parse(event.data().get(occurred).asText());
            } catch (DateTimeParseException e) {
                return rejected(Rejection.Category.CONTRACT, occurred + " is not an RFC 3339 timestamp");
            }
            if (when.toInstant().isAfter(latest)) {
                return rejected(Rejection.Category.FUTURE, occurred + " " + when + " is more than " + skew()
                        + " after the record was written (" + reference + ")");
            }
        }
        return new Result(new InboundEvent(event.id(), event.type(), event.source(), event.tenant(), event.subject(),
                event.time(), event.mode(), digest(event), event.data()), null);
    }

    /** The record's own time, unless the clock is behind it: a producer's clock cannot move "now" forward. */
    private Instant reference(ConsumerRecord<String, byte[]> record) {
        if (record.timestamp() == RecordBatch.NO_TIMESTAMP) {
            return now;
        }
        Instant written = Instant.ofEpochMilli(record.timestamp());
        return written.isBefore(now) ? written : now;
    }

    private String skew() {
        return futureSkew.toString().substring(2).toLowerCase();
    }

    /** The data field the subject must name. */
    static String aggregateField(String type) {
        if (type.startsWith("wellness.")) {
            return "checkInId";
        }
        if (type.startsWith("strength-test.")) {
            return "testId";
        }
        return type.startsWith("session.") ? "sessionId" : type.startsWith("athlete.") ? "athleteId" : "assignmentId";
    }

    /** The data field that says when the event happened, for those that have one. */
    static String occurrenceField(String type) {
        return switch (type) {
            case EventTypes.SESSION_COMPLETED -> "completedAt";
            case EventTypes.SESSION_SKIPPED, EventTypes.WELLNESS_CHECKED_IN, EventTypes.STRENGTH_TEST_RECORDED ->
                    "recordedAt";
            default -> null;
        };
    }

    /**
     * A digest of what the event says: type, organisation, subject, time and data with its members in name order, so
     * that the same event sent again in the other mode, or with its fields in another order, has the same digest.
     */
    static String digest(CloudEventReader.Event event) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        for (String part : List.of(event.type(), event.tenant(), event.subject(), event.time().toInstant().toString())) {
            text(sha, part);
        }
        feed(sha, event.data());
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Feeds a JSON value to the digest, each kind of value marked, object members in name order. */
    private static void feed(MessageDigest sha, JsonNode node) {
        if (node.isObject()) {
            sha.update((byte) '{');
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                text(sha, name);
                feed(sha, node.get(name));
            }
            sha.update((byte) '}');
        } else if (node.isArray()) {
            sha.update((byte) '[');
            node.forEach(item -> feed(sha, item));
            sha.update((byte) ']');
        } else {
            sha.update((byte) (node.isTextual() ? '"' : node.isNumber() ? '#' : node.isBoolean() ? '?' : '0'));
            text(sha, node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText());
        }
    }

    private static void text(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static Result rejected(Rejection.Category category, String reason) {
        return new Result(null, Rejection.of(category, reason));
    }
}
