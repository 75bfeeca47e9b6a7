package dev.medius.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.events.CloudEventReader.Mode;
import dev.medius.events.CloudEventReader.Result;

class CloudEventReaderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final CloudEventReader reader = new CloudEventReader(JSON);

    static Map<String, String> binaryHeaders() {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", "e-1");
        headers.put("ce_type", "session.completed.v1");
        headers.put("ce_source", "/acme/app");
        headers.put("ce_subject", "s-1");
        headers.put("ce_time", "2026-11-23T18:24:01Z");
        headers.put("ce_tenantid", "club-norte");
        headers.put("content-type", "application/json");
        return headers;
    }

    static ObjectNode envelope() {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", "e-1")
                .put("type", "session.completed.v1").put("source", "/acme/app").put("subject", "s-1")
                .put("time", "2026-11-23T18:24:01Z").put("tenantid", "club-norte").put("datacontenttype", "application/json");
        event.putObject("data").put("sessionId", "s-1");
        return event;
    }

    Result binary(Map<String, String> headers, String value) {
        return reader.read(CloudEventReader.headers(headers), value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    Result structured(ObjectNode event) {
        return reader.read(CloudEventReader.headers(Map.of("content-type", "application/cloudevents+json; charset=utf-8")),
                event.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bothModesGiveTheSameEvent() {
        Result fromHeaders = binary(binaryHeaders(), "{\"sessionId\":\"s-1\"}");
        Result fromValue = structured(envelope());
        assertThat(fromHeaders.accepted()).isTrue();
        assertThat(fromValue.accepted()).isTrue();
        assertThat(fromHeaders.event().mode()).isEqualTo(Mode.BINARY);
        assertThat(fromValue.event().mode()).isEqualTo(Mode.STRUCTURED);
        for (Result r : new Result[] { fromHeaders, fromValue }) {
            assertThat(r.event().id()).isEqualTo("e-1");
            assertThat(r.event().type()).isEqualTo("session.completed.v1");
            assertThat(r.event().source()).isEqualTo("/acme/app");
            assertThat(r.event().subject()).isEqualTo("s-1");
            assertThat(r.event().tenant()).isEqualTo("club-norte");
            assertThat(r.event().time()).isEqualTo(OffsetDateTime.parse("2026-11-23T18:24:01Z"));
            assertThat(r.event().data().get("sessionId").asText()).isEqualTo("s-1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "specversion", "id", "type", "source", "subject", "time", "tenantid" })
    void everyRequiredAttributeIsRequiredInBothModes(String attribute) {
        Map<String, String> headers = binaryHeaders();
        headers.remove("ce_" + attribute);
        assertThat(binary(headers, "{}").rejection()).isEqualTo("missing header ce_" + attribute);
        headers.put("ce_" + attribute, " ");
        assertThat(binary(headers, "{}").rejection()).isEqualTo("missing header ce_" + attribute);

        ObjectNode event = envelope();
        event.remove(attribute);
        assertThat(structured(event).rejection()).isEqualTo("missing attribute " + attribute + " (structured mode)");
        event.put(attribute, 5);
        assertThat(structured(event).rejection()).isEqualTo("missing attribute " + attribute + " (structured mode)");
    }

    @Test
    void aStructuredEventIgnoresTheBinaryHeaders() {
        Map<String, String> headers = binaryHeaders();
        headers.put("content-type", "application/cloudevents+json");
        headers.put("ce_id", "from-a-header");
        Result result = reader.read(CloudEventReader.headers(headers), envelope().toString().getBytes(StandardCharsets.UTF_8));
        assertThat(result.event().id()).isEqualTo("e-1");
    }

    @Test
    void contentTypesOtherThanJsonAreRefused() {
        Map<String, String> headers = binaryHeaders();
        headers.remove("content-type");
        assertThat(binary(headers, "{}").accepted()).as("binary mode without content-type is JSON").isTrue();
        headers.put("content-type", "Application/JSON; charset=utf-8");
        assertThat(binary(headers, "{}").accepted()).isTrue();
        headers.put("content-type", "text/plain");
        assertThat(binary(headers, "{}").rejection()).isEqualTo("unsupported content-type text/plain");
        headers.put("content-type", "application/cloudevents-batch+json");
        assertThat(binary(headers, "[]").rejection()).startsWith("batched mode");

        ObjectNode event = envelope().put("datacontenttype", "application/xml");
        assertThat(structured(event).rejection()).isEqualTo("unsupported datacontenttype application/xml");
        event = envelope();
        event.remove("data");
        event.put("data_base64", "e30=");
        assertThat(structured(event).rejection()).startsWith("data_base64 is not accepted");
        event.remove("data_base64");
        assertThat(structured(event).rejection()).isEqualTo("attribute data is missing or not a JSON object (structured mode)");
    }

    @Test
    void valuesThatAreNotJsonObjectsAreRefused() {
        assertThat(binary(binaryHeaders(), null).rejection()).isEqualTo("record has no value");
        assertThat(binary(binaryHeaders(), "[1]").rejection()).isEqualTo("value is not a JSON object");
        assertThat(binary(binaryHeaders(), "{nope").rejection()).startsWith("value is not JSON: ");
        assertThat(reader.read(CloudEventReader.headers(Map.of("content-type", CloudEventReader.STRUCTURED)),
                "oops".getBytes(StandardCharsets.UTF_8)).rejection()).startsWith("value is not JSON: ");
    }

    @Test
    void specVersionTimeAndLengthsAreChecked() {
        Map<String, String> headers = binaryHeaders();
        headers.put("ce_specversion", "0.3");
        assertThat(binary(headers, "{}").rejection()).isEqualTo("unsupported ce_specversion 0.3");
        headers = binaryHeaders();
        headers.put("ce_time", "yesterday");
        assertThat(binary(headers, "{}").rejection()).isEqualTo("ce_time is not an RFC 3339 timestamp: yesterday");
        assertThat(structured(envelope().put("time", "2026-11-23")).rejection())
                .isEqualTo("time is not an RFC 3339 timestamp: 2026-11-23");
        headers = binaryHeaders();
        headers.put("ce_id", "x".repeat(201));
        assertThat(binary(headers, "{}").rejection()).isEqualTo("ce_id is longer than 200 characters");
        headers.put("ce_id", "x".repeat(200));
        assertThat(binary(headers, "{}").accepted()).isTrue();
        assertThat(structured(envelope().put("tenantid", "t".repeat(201))).rejection())
                .isEqualTo("tenantid is longer than 200 characters");
    }

    @Test
    void longReasonsAreShortened() {
        assertThat(Result.rejected("x".repeat(2000)).rejection()).hasSize(900);
    }
}
