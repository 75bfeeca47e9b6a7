package dev.medius.events;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one CloudEvent 1.0 from a Kafka record in either mode of the Kafka protocol binding, and says why when the
 * record is not one the contract of {@code docs/events.md} accepts:
 * <ul>
 * <li><b>structured</b>: {@code content-type: application/cloudevents+json}; the value is the whole event as a JSON
 * object (attributes and {@code data}); {@code ce_*} headers are then ignored, as the binding says;</li>
 * <li><b>binary</b>: any other record; the attributes are {@code ce_*} headers, the value is the data as JSON, and a
 * {@code content-type} header, when present, must be {@code application/json}.</li>
 * </ul>
 * Every attribute the contract marks required must be there and not blank in both modes: {@code specversion} (1.0),
 * {@code id}, {@code type}, {@code source}, {@code subject}, {@code time} (RFC 3339) and the {@code tenantid}
 * extension. What the event's type and data must be is the consumer's to check.
 */
public final class CloudEventReader {

    /** The attributes every event must carry, in the order they are checked. */
    public static final List<String> REQUIRED = List.of("specversion", "id", "type", "source", "subject", "time",
            EventTypes.TENANT_EXTENSION);
    /** The longest id, source, subject or organisation accepted: the stores' key columns hold this many. */
    public static final int MAX_ATTRIBUTE_LENGTH = 200;
    /** The content type of a structured-mode record. */
    public static final String STRUCTURED = "application/cloudevents+json";

    private static final Set<String> JSON_TYPES = Set.of("application/json");
    private static final int MAX_REASON = 900;

    /** How the record carried the event. */
    public enum Mode {
        BINARY, STRUCTURED
    }

    /** A CloudEvent whose envelope follows the contract; {@code data} is a JSON object. */
    public record Event(Mode mode, String id, String type, String source, String subject, OffsetDateTime time,
            String tenant, JsonNode data) {
    }

    /** Either an event or the reason the record cannot be one. */
    public record Result(Event event, String rejection) {

        public static Result rejected(String reason) {
            return new Result(null, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        }

        public boolean accepted() {
            return event != null;
        }
    }

    private final ObjectMapper json;

    public CloudEventReader(ObjectMapper json) {
        this.json = json;
    }

    /** Reads a record given its headers (the last value of each, or null) and its value. */
    public Result read(Function<String, String> header, byte[] value) {
        String contentType = header.apply("content-type");
        String mediaType = contentType == null ? null : mediaType(contentType);
        if ("application/cloudevents-batch+json".equals(mediaType)) {
            return Result.rejected("batched mode (content-type " + contentType + ") is not accepted: send one event per record");
        }
        if (STRUCTURED.equals(mediaType)) {
            return structured(value);
        }
        if (mediaType != null && !JSON_TYPES.contains(mediaType)) {
            return Result.rejected("unsupported content-type " + contentType);
        }
        return binary(header, value);
    }

    private Result binary(Function<String, String> header, byte[] value) {
        for (String attribute : REQUIRED) {
            String v = header.apply("ce_" + attribute);
            if (v == null || v.isBlank()) {
                return Result.rejected("missing header ce_" + attribute);
            }
        }
        JsonNode data = parse(value);
        if (data == null || !data.isObject()) {
            return Result.rejected(value == null ? "record has no value" : notObject(value));
        }
        return event(Mode.BINARY, name -> header.apply("ce_" + name), "header ce_", data);
    }

    private Result structured(byte[] value) {
        JsonNode envelope = parse(value);
        if (envelope == null || !envelope.isObject()) {
            return Result.rejected(value == null ? "record has no value" : notObject(value));
        }
        for (String attribute : REQUIRED) {
            JsonNode v = envelope.get(attribute);
            if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
                return Result.rejected("missing attribute " + attribute + " (structured mode)");
            }
        }
        JsonNode dataContentType = envelope.get("datacontenttype");
        if (dataContentType != null && !dataContentType.isNull()
                && !JSON_TYPES.contains(mediaType(dataContentType.asText()))) {
            return Result.rejected("unsupported datacontenttype " + dataContentType.asText());
        }
        if (envelope.has("data_base64")) {
            return Result.rejected("data_base64 is not accepted: send the data as JSON in data");
        }
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            return Result.rejected("attribute data is missing or not a JSON object (structured mode)");
        }
        return event(Mode.STRUCTURED, name -> envelope.get(name).asText(), "attribute ", data);
    }

    private static Result event(Mode mode, Function<String, String> attribute, String prefix, JsonNode data) {
        if (!"1.0".equals(attribute.apply("specversion"))) {
            return Result.rejected("unsupported " + name(prefix, "specversion") + " " + attribute.apply("specversion"));
        }
        for (String bounded : List.of("id", "source", "subject", EventTypes.TENANT_EXTENSION)) {
            if (attribute.apply(bounded).length() > MAX_ATTRIBUTE_LENGTH) {
                return Result.rejected(name(prefix, bounded) + " is longer than " + MAX_ATTRIBUTE_LENGTH + " characters");
            }
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(attribute.apply("time"));
        } catch (DateTimeParseException e) {
            return Result.rejected(name(prefix, "time") + " is not an RFC 3339 timestamp: " + attribute.apply("time"));
        }
        return new Result(new Event(mode, attribute.apply("id"), attribute.apply("type"), attribute.apply("source"),
                attribute.apply("subject"), time, attribute.apply(EventTypes.TENANT_EXTENSION), data), null);
    }

    /** How a reason names an attribute: {@code ce_time} in binary mode, {@code time} in structured mode. */
    private static String name(String prefix, String attribute) {
        return prefix.startsWith("header") ? "ce_" + attribute : attribute;
    }

    private JsonNode parse(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    private String notObject(byte[] value) {
        try {
            JsonNode node = json.readTree(value);
            return node == null ? "value is not JSON: empty" : "value is not a JSON object";
        } catch (IOException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return "value is not JSON: " + message;
        }
    }

    /** The media type of a content type, lower case and without parameters. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The headers of a record as the reader takes them, from a map (for tools and tests). */
    public static Function<String, String> headers(Map<String, String> headers) {
        return headers::get;
    }
}
