package dev.medius.runtime.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay moves committed events to Kafka. */
@ConfigMapping(prefix = "medius.outbox")
public interface OutboxConfig {

    /** Events claimed and sent in one transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for a commit to wake it before it looks again. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** How long one send may wait for the broker's acknowledgement. */
    @WithDefault("PT40S")
    Duration sendTimeout();

    /** How long a published event stays in the outbox table, to answer what was sent, before it is removed. */
    @WithDefault("P7D")
    Duration keepPublished();

    /** How often published events past {@link #keepPublished()} are removed (a scheduler period such as 1h). */
    @WithDefault("1h")
    String purgeEvery();

    /** Whether this replica relays at all. */
    @WithDefault("true")
    boolean enabled();
}
