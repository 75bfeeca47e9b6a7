package dev.medius.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Published events go once they are older than the kept week; events still waiting stay, however old. */
@QuarkusTest
class OutboxPurgeIT {

    @Inject
    SessionLog log;

    @Inject
    OutboxPurge purge;

    @Test
    void eventsPublishedBeforeTheKeptPeriodGoAndASecondPurgeRemovesNothing() {
        String athlete = "athlete-" + UUID.randomUUID();
        List<UUID> recorded = log.commit(List.of(SessionTopic.session(athlete, 1), SessionTopic.session(athlete, 2),
                SessionTopic.session(athlete, 3)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> log.rows(athlete).stream().allMatch(row -> row.publishedAt != null));

        // the first two were published eight days ago, the third an hour ago
        log.backdate(recorded.get(0), "published_at", "8 days");
        log.backdate(recorded.get(1), "published_at", "8 days");
        log.backdate(recorded.get(2), "published_at", "1 hour");
        // and one the producer refuses has waited eight days: not sent, so kept
        String waiting = "athlete-" + UUID.randomUUID();
        UUID pending = log.commit(List.of(SessionTopic.oversized(waiting, 1))).get(0);
        log.backdate(pending, "created_at", "8 days");
        try {
            assertThat(purge.purge()).isGreaterThanOrEqualTo(2);
            assertThat(log.rows(athlete)).extracting(row -> row.id).containsExactly(recorded.get(2));
            assertThat(log.rows(waiting)).extracting(row -> row.id).containsExactly(pending);
            assertThat(log.rows(waiting)).allSatisfy(row -> assertThat(row.publishedAt).isNull());
            assertThat(purge.purge()).isZero();
            assertThat(log.rows(athlete)).hasSize(1);
        } finally {
            log.forget(pending);
        }
    }
}
