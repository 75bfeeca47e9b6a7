package dev.medius.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.medius.events.EventSchemas;
import dev.medius.events.EventTypes;

/** The fault suites' events are ones progress-service must accept: valid against the published schema. */
class SessionStreamTest {

    @Test
    void streamedEventsMatchTheSessionCompletedSchema() {
        try (SessionStream stream = new SessionStream("127.0.0.1:9", "schema", 3)) {
            for (int n = 0; n < 3; n++) {
                assertThat(EventSchemas.violations(EventTypes.SESSION_COMPLETED, stream.asJson(stream.event(n))))
                        .as("event %d", n).isEmpty();
            }
        }
    }
}
