package dev.medius.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How one replica applies what it consumes from routine-service's topics. */
@ConfigMapping(prefix = "medius.ingestion")
public interface IngestionConfig {

    /**
     * Transactions one polled batch is applied in side by side, its records split by partition so that each
     * partition's records stay in order in one of them. Both topics are keyed by athlete (docs/events.md), so two
     * lanes write different athletes' rows; while one lane waits for PostgreSQL the other parses and checks its
     * records, and PostgreSQL works on several at once. 1 applies every batch in one transaction. Four, one per
     * partition of the local platform's topics, ingested the most per second (docs/benchmarks.md).
     */
    @WithDefault("4")
    int lanes();

    /**
     * How far ahead of its record an event's time ({@code ce_time}, a completion's {@code completedAt}, a skip's
     * {@code recordedAt}) may be before it is dead-lettered: room for clocks that run a little fast, none for an
     * event that would stand as the athlete's latest for months.
     */
    @WithDefault("PT15M")
    java.time.Duration futureSkew();
}
