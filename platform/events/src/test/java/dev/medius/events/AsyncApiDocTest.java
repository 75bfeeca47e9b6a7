package dev.medius.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;

import dev.medius.events.CloudEventReader.Mode;
import dev.medius.events.CloudEventReader.Result;

/** Integrators' tools read docs/asyncapi.yaml, so it must parse, cover the whole contract and agree with events.md. */
class AsyncApiDocTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRUCTURED = CloudEventReader.STRUCTURED;
    private static final Set<String> INPUT_TOPICS = Set.of(Topics.CATALOG_EXERCISES, Topics.ROUTINE_PLANS,
            Topics.ROUTINE_SESSIONS);
    private static final Pattern DOC_EXAMPLE = Pattern.compile(
            "Headers:\\s*```text\\n(.*?)```\\s*Value \\(`([a-z.-]+v\\d+)`\\):\\s*```json\\n(.*?)```", Pattern.DOTALL);

    private static Path root;
    private static int exitCode;
    private static String output;
    private static JsonNode summary;

    @BeforeAll
    static void parse() throws Exception {
        root = repositoryRoot();
        Path tools = root.resolve("tools/asyncapi");
        if (!Files.isDirectory(tools.resolve("node_modules/@asyncapi/parser"))) {
            Run install = run(tools, Duration.ofMinutes(10), command("npm"), "ci", "--no-audit", "--no-fund",
                    "--loglevel=error");
            assertThat(install.exitCode()).withFailMessage("npm ci in %s failed:%n%s", tools, install.output())
                    .isZero();
        }
        Path summaryFile = Files.createTempFile("asyncapi-summary", ".json");
        try {
            Run validate = run(root, Duration.ofMinutes(3), "node", "tools/asyncapi/validate.mjs",
                    "docs/asyncapi.yaml", "--summary", summaryFile.toString());
            exitCode = validate.exitCode();
            output = validate.output();
            summary = exitCode == 0 ? JSON.readTree(summaryFile.toFile()) : null;
        } finally {
            Files.deleteIfExists(summaryFile);
        }
    }

    @Test
    void theAsyncApiParserAcceptsTheDocument() {
        assertThat(exitCode).withFailMessage("the AsyncAPI parser refused docs/asyncapi.yaml:%n%s", output).isZero();
        assertThat(summary.path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void everyTopicIsAChannel() throws Exception {
        Set<String> addresses = new LinkedHashSet<>();
        parsed().path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsAll(topics());
    }

    @Test
    void everyEventTypeHasABinaryMessageAndAStructuredOneOnTheTopicsConsumersRead() {
        for (String type : EventTypes.ALL) {
            List<JsonNode> binary = messages(type, Mode.BINARY);
            assertThat(binary).as("binary-mode messages of %s", type).hasSize(1);
            String topic = channelOf(binary.get(0).path("id").asText());
            if (INPUT_TOPICS.contains(topic)) {
                List<JsonNode> structured = messages(type, Mode.STRUCTURED);
                assertThat(structured).as("structured-mode messages of %s", type).hasSize(1);
                assertThat(channelOf(structured.get(0).path("id").asText())).as(type).isEqualTo(topic);
            }
        }
        for (String topic : INPUT_TOPICS) {
            assertThat(parsed().path("operations")).as("who reads " + topic)
                    .anyMatch(op -> "receive".equals(op.path("action").asText())
                            && op.path("channels").toString().contains('"' + topic + '"'));
        }
    }

    @Test
    void everyRequiredAttributeIsDocumentedInBothModes() {
        for (JsonNode message : parsed().path("messages")) {
            String id = message.path("id").asText();
            if (type(message) == null) {
                continue;
            }
            if (mode(message) == Mode.BINARY) {
                Map<String, JsonNode> headers = properties(message.path("headers"));
                Set<String> required = required(message.path("headers"));
                for (String attribute : CloudEventReader.REQUIRED) {
                    assertThat(required).as(id).contains("ce_" + attribute);
                    assertThat(headers.get("ce_" + attribute).path("description").asText()).as(id + " ce_" + attribute)
                            .isNotBlank();
                }
                assertThat(headers).as(id).containsKeys("content-type", "traceparent");
                assertThat(required).as(id).doesNotContain("traceparent");
            } else {
                Map<String, JsonNode> envelope = properties(message.path("payload"));
                assertThat(required(message.path("payload"))).as(id).containsAll(CloudEventReader.REQUIRED)
                        .contains("data");
                CloudEventReader.REQUIRED.forEach(attribute -> assertThat(
                        envelope.get(attribute).path("description").asText()).as(id + " " + attribute).isNotBlank());
                assertThat(required(message.path("headers"))).as(id).contains("content-type");
                assertThat(properties(message.path("headers"))).as(id).containsKey("traceparent");
            }
        }
    }

    @Test
    void examplesAreTheEventsOfEventsMdAndConsumersAcceptThem() throws Exception {
        Map<String, Map<String, String>> docHeaders = new HashMap<>();
        Map<String, JsonNode> docValues = new HashMap<>();
        Matcher matcher = DOC_EXAMPLE.matcher(Files.readString(root.resolve("docs/events.md")));
        while (matcher.find()) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : matcher.group(1).strip().split("\n")) {
                headers.put(line.substring(0, line.indexOf(": ")), line.substring(line.indexOf(": ") + 2));
            }
            docHeaders.put(matcher.group(2), headers);
            docValues.put(matcher.group(2), JSON.readTree(matcher.group(3)));
        }
        CloudEventReader reader = new CloudEventReader(JSON);
        int checked = 0;
        for (JsonNode message : parsed().path("messages")) {
            String type = type(message);
            if (type == null) {
                continue;
            }
            String id = message.path("id").asText();
            assertThat(message.path("examples")).as(id).isNotEmpty();
            for (JsonNode example : message.path("examples")) {
                Map<String, String> headers = strings(example.path("headers"));
                Result result = reader.read(CloudEventReader.headers(headers), bytes(example.path("payload")));
                assertThat(result.rejection()).as(id).isNull();
                assertThat(result.event().mode()).as(id).isEqualTo(mode(message));
                assertThat(result.event().type()).as(id).isEqualTo(type);
                assertThat(EventSchemas.violations(type, result.event().data())).as(id).isEmpty();
                assertThat(result.event().data()).as(id + " data against docs/events.md")
                        .isEqualTo(docValues.get(type));
                if (mode(message) == Mode.BINARY) {
                    assertThat(headers).as(id + " headers against docs/events.md").isEqualTo(docHeaders.get(type));
                }
                assertThat(violations(message.path("headers"), example.path("headers"))).as(id + " headers").isEmpty();
                assertThat(violations(message.path("payload"), example.path("payload"))).as(id + " payload").isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(EventTypes.ALL.size());
    }

    @Test
    void deadLetterExamplesCarryTheReasonTheReaderGives() {
        CloudEventReader reader = new CloudEventReader(JSON);
        for (String topic : List.of(Topics.ROUTINE_SESSIONS_DLQ, Topics.CATALOG_EXERCISES_DLQ)) {
            List<JsonNode> letters = new ArrayList<>();
            parsed().path("messages").forEach(message -> {
                if (topic.equals(channelOf(message.path("id").asText()))) {
                    letters.add(message);
                }
            });
            assertThat(letters).as(topic).isNotEmpty();
            for (JsonNode message : letters) {
                Set<String> required = required(message.path("headers"));
                String reasonHeader = required.stream().filter(h -> h.endsWith("-reason")).findFirst().orElse(null);
                assertThat(reasonHeader).as(topic + " reason header").isNotNull();
                String prefix = reasonHeader.substring(0, reasonHeader.length() - "reason".length());
                assertThat(required).as(topic).contains(prefix + "topic", prefix + "partition", prefix + "offset");
                assertThat(message.path("examples")).as(topic).isNotEmpty();
                for (JsonNode example : message.path("examples")) {
                    Map<String, String> original = strings(example.path("headers"));
                    String reason = original.get(reasonHeader);
                    original.keySet().removeIf(name -> name.startsWith(prefix));
                    Result result = reader.read(CloudEventReader.headers(original), bytes(example.path("payload")));
                    assertThat(result.rejection()).as(topic + " " + example.path("name").asText()).isEqualTo(reason);
                    assertThat(violations(message.path("headers"), example.path("headers"))).as(topic).isEmpty();
                }
            }
        }
    }

    private static JsonNode parsed() {
        assertThat(summary).withFailMessage("the AsyncAPI parser refused docs/asyncapi.yaml:%n%s", output).isNotNull();
        return summary;
    }

    /** Read from the constant the schema fixes, so that a message cannot claim a type its schema does not enforce. */
    private static String type(JsonNode message) {
        JsonNode schema = mode(message) == Mode.BINARY ? message.path("headers") : message.path("payload");
        JsonNode type = properties(schema).get(mode(message) == Mode.BINARY ? "ce_type" : "type");
        return type == null || !type.has("const") ? null : type.get("const").asText();
    }

    private static Mode mode(JsonNode message) {
        return STRUCTURED.equals(message.path("contentType").asText()) ? Mode.STRUCTURED : Mode.BINARY;
    }

    private static List<JsonNode> messages(String type, Mode mode) {
        List<JsonNode> found = new ArrayList<>();
        parsed().path("messages").forEach(message -> {
            if (type.equals(type(message)) && mode(message) == mode) {
                found.add(message);
            }
        });
        return found;
    }

    private static String channelOf(String messageId) {
        for (JsonNode channel : parsed().path("channels")) {
            for (JsonNode id : channel.path("messages")) {
                if (id.asText().equals(messageId)) {
                    return channel.path("address").asText();
                }
            }
        }
        return null;
    }

    /** Messages narrow a shared schema through allOf, so a property's full definition is spread over its parts. */
    private static Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode part : schema.path("allOf")) {
            properties(part).forEach((name, value) -> merge(properties, name, value));
        }
        schema.path("properties").fields()
                .forEachRemaining(field -> merge(properties, field.getKey(), field.getValue()));
        return properties;
    }

    private static void merge(Map<String, JsonNode> properties, String name, JsonNode value) {
        JsonNode known = properties.get(name);
        if (known instanceof ObjectNode object && value instanceof ObjectNode) {
            ObjectNode merged = object.deepCopy();
            merged.setAll((ObjectNode) value);
            properties.put(name, merged);
        } else {
            properties.put(name, value);
        }
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        schema.path("allOf").forEach(part -> required.addAll(required(part)));
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    /** The parser's x-parser-* marks are dropped so that the validator sees only the document's own keywords. */
    private static List<String> violations(JsonNode schema, JsonNode instance) {
        JsonNode plain = withoutParserMarks(schema.deepCopy());
        Set<ValidationMessage> messages = JsonSchemaFactory.getInstance(VersionFlag.V7).getSchema(plain)
                .validate(instance);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonNode withoutParserMarks(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.startsWith("x-parser-")) {
                    names.remove();
                }
            }
            object.forEach(AsyncApiDocTest::withoutParserMarks);
        } else if (node.isArray()) {
            node.forEach(AsyncApiDocTest::withoutParserMarks);
        }
        return node;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new HashMap<>();
        object.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    private static byte[] bytes(JsonNode payload) {
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Read from Topics by reflection so that a new topic cannot be left out of the document. */
    private static List<String> topics() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
                    && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        assertThat(topics).isNotEmpty();
        return topics;
    }

    private static Path repositoryRoot() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/asyncapi.yaml"))) {
                return dir;
            }
        }
        throw new AssertionError("no docs/asyncapi.yaml above " + Paths.get("").toAbsolutePath());
    }

    private record Run(int exitCode, String output) {
    }

    private static String command(String name) {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? name + ".cmd" : name;
    }

    /** A missing program fails rather than skips: a skipped check would let the document drift unnoticed. */
    private static Run run(Path dir, Duration timeout, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("asyncapi-run", ".log");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError(command[0] + " could not be started (" + e.getMessage()
                        + "): docs/asyncapi.yaml is checked with the AsyncAPI parser, which needs Node.js and npm", e);
            }
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
