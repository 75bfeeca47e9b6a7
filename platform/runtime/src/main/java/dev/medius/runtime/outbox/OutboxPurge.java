package dev.medius.runtime.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.medius.runtime.config.OutboxConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Removes events the relay published longer ago than {@code medius.outbox.keep-published}: they are kept a while to
 * answer what was sent, and no longer, since their payloads carry athletes' data (docs/data-protection.md). Events
 * not yet published are never removed, however old.
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);
    // oldest first along the seq index, a bounded batch per statement so no run holds a long transaction
    private static final String PURGE = "DELETE FROM outbox_event WHERE seq IN (SELECT seq FROM outbox_event "
            + "WHERE published_at < ? ORDER BY seq LIMIT ?)";
    static final int BATCH = 5_000;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${medius.outbox.purge-every}", delayed = "${medius.outbox.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long removed = purge();
        if (removed > 0) {
            LOG.infof("removed %d events published before the last %s", removed, config.keepPublished());
        }
    }

    /** Removes every event published before the kept period; returns how many went. */
    public long purge() {
        OffsetDateTime before = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(config.keepPublished());
        long removed = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(PURGE)) {
            statement.setObject(1, before);
            statement.setInt(2, BATCH);
            int batch;
            do {
                batch = statement.executeUpdate();
                removed += batch;
            } while (batch == BATCH);
        } catch (SQLException e) {
            throw new IllegalStateException("outbox purge failed", e);
        }
        return removed;
    }
}
