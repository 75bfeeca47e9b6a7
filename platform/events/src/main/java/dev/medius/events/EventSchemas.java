package dev.medius.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates event data against the published JSON Schemas, so that producers and consumers hold
 * each other to the same contract an outside platform reads.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema document of an event type, as published under {@code schemas/}. */
    public static JsonNode schemaDocument(String type) {
        String path = "/schemas/" + type + ".json";
        try (InputStream in = EventSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown event type " + type);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isKnown(String type) {
        return EventTypes.ALL.contains(type);
    }

    /** Every way {@code data} breaks the schema of {@code type}; empty when it is valid. */
    public static List<String> violations(String type, JsonNode data) {
        if (!isKnown(type)) {
            return List.of("unknown event type " + type);
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(type, t -> FACTORY.getSchema(schemaDocument(t)));
        Set<ValidationMessage> messages = schema.validate(data);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }
}
