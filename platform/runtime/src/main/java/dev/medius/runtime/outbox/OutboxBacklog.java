package dev.medius.runtime.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Publishes {@code medius.outbox.oldest.age}: how long the oldest event not yet relayed has waited, in seconds, 0
 * when the outbox is empty. It is read from the table at each scrape, not from the relay, so a relay that stopped
 * or is switched off still shows as a growing age.
 */
@Startup
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    /** The first pending row in relay order, found through the partial index {@code outbox_event_pending}. */
    private static final String OLDEST_PENDING = "SELECT created_at FROM outbox_event WHERE published_at IS NULL"
            + " ORDER BY seq LIMIT 1";

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    public OutboxBacklog(DataSource dataSource, Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.clock = clock;
        Gauge.builder("medius.outbox.oldest.age", this, OutboxBacklog::oldestAgeSeconds)
                .description("how long the oldest event not yet relayed to Kafka has waited; 0 when none waits")
                .baseUnit("seconds").strongReference(true).register(registry);
    }

    /** Seconds since the oldest pending event was recorded; NaN when the database does not answer. */
    double oldestAgeSeconds() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(OLDEST_PENDING)) {
            statement.setQueryTimeout(2); // a scrape must not hang on a database that is going away
            try (ResultSet oldest = statement.executeQuery()) {
                if (!oldest.next()) {
                    return 0;
                }
                OffsetDateTime recorded = oldest.getObject(1, OffsetDateTime.class);
                Duration waited = Duration.between(recorded.toInstant(), clock.instant());
                return waited.isNegative() ? 0 : waited.toMillis() / 1000.0;
            }
        } catch (SQLException e) {
            LOG.debugf("outbox backlog not measured: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
