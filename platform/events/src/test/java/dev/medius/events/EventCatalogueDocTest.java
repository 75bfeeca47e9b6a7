package dev.medius.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** docs/events.md is what integrators read: every type is documented and every example is valid. */
class EventCatalogueDocTest {

    private static final Path DOC = Paths.get("").toAbsolutePath().resolve("../../docs/events.md").normalize();
    private static final Pattern EXAMPLE = Pattern.compile("Value \\(`([a-z.-]+v\\d+)`\\):\\s*```json\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void everyEventTypeHasAnExampleThatMatchesItsSchema() throws Exception {
        String doc = Files.readString(DOC);
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher matcher = EXAMPLE.matcher(doc);
        while (matcher.find()) {
            examples.put(matcher.group(1), matcher.group(2));
        }

        assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
        ObjectMapper json = new ObjectMapper();
        examples.forEach((type, example) -> {
            try {
                assertThat(EventSchemas.violations(type, json.readTree(example))).as(type).isEmpty();
            } catch (Exception e) {
                throw new AssertionError(type + " example is not JSON: " + e.getMessage(), e);
            }
        });
    }

    private static final Pattern STRUCTURED = Pattern.compile("Structured \\(`([a-z.-]+v\\d+)`\\):\\s*```json\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void everyStructuredModeExampleIsAnEventTheConsumersAccept() throws Exception {
        String doc = Files.readString(DOC);
        Matcher matcher = STRUCTURED.matcher(doc);
        ObjectMapper json = new ObjectMapper();
        int found = 0;
        while (matcher.find()) {
            found++;
            String type = matcher.group(1);
            CloudEventReader.Result result = new CloudEventReader(json).read(
                    CloudEventReader.headers(Map.of("content-type", CloudEventReader.STRUCTURED)),
                    matcher.group(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(result.rejection()).as(type).isNull();
            assertThat(result.event().type()).isEqualTo(type);
            assertThat(EventSchemas.violations(type, result.event().data())).as(type).isEmpty();
            String aggregate = type.startsWith("session.") ? "sessionId" : "assignmentId";
            assertThat(result.event().subject()).as("the subject names the event's " + aggregate)
                    .isEqualTo(result.event().data().get(aggregate).asText());
        }
        assertThat(found).as("structured-mode examples").isPositive();
    }

    @Test
    void everyJsonBlockIsAnExampleTheBuildChecks() throws Exception {
        String doc = Files.readString(DOC);
        int blocks = doc.split("```json\n", -1).length - 1;
        int checked = 0;
        for (Pattern kind : List.of(EXAMPLE, STRUCTURED)) {
            Matcher matcher = kind.matcher(doc);
            while (matcher.find()) {
                checked++;
            }
        }
        assertThat(checked).as("json blocks of docs/events.md that are checked examples").isEqualTo(blocks);
    }

    @Test
    void documentsEveryTopic() throws Exception {
        String doc = Files.readString(DOC);
        for (String topic : new String[] {Topics.CATALOG_EXERCISES, Topics.ROUTINE_PLANS, Topics.ROUTINE_SESSIONS,
                Topics.ROUTINE_SESSIONS_DLQ, Topics.PROGRESS_ALERTS}) {
            assertThat(doc).contains("`" + topic + "`");
        }
    }
}
