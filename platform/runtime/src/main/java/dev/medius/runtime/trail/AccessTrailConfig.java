package dev.medius.runtime.trail;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The access trail of reads of athletes' health data (routine-service and progress-service). */
@ConfigMapping(prefix = "medius.access-trail")
public interface AccessTrailConfig {

    /** Whether the service keeps a trail: read when the service is built, set by the services that hold health data. */
    @WithDefault("false")
    boolean enabled();

    /** How long an entry is kept before the purge removes it. */
    @WithDefault("P730D")
    Duration keep();

    /** How often entries older than {@link #keep()} are removed (a scheduler period such as 6h). */
    @WithDefault("6h")
    String purgeEvery();
}
