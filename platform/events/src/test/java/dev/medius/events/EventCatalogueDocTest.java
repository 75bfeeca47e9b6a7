package dev.medius.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** docs/events.md is what integrators read: every type is documented and every example is valid. */
class EventCatalogueDocTest {

    private static final Path DOC = Paths.get("").toAbsolutePath().resolve("../../docs/events.md").normalize();
    private static final Pattern EXAMPLE = Pattern.compile("Value \\(`([a-z.]+v\\d+)`\\):\\s*```json\\n(.*?)```",
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

    @Test
    void documentsEveryTopic() throws Exception {
        String doc = Files.readString(DOC);
        for (String topic : new String[] {Topics.CATALOG_EXERCISES, Topics.ROUTINE_PLANS, Topics.ROUTINE_SESSIONS,
                Topics.ROUTINE_SESSIONS_DLQ, Topics.PROGRESS_ALERTS}) {
            assertThat(doc).contains("`" + topic + "`");
        }
    }
}
