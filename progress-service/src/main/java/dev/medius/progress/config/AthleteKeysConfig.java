package dev.medius.progress.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this service fetches the athletes' keys that open sealed event data from routine-service. */
@ConfigMapping(prefix = "medius.athlete-keys")
public interface AthleteKeysConfig {

    /**
     * The bearer token this service presents to routine-service: one with the platform-service role, issued for
     * this service by the identity provider. Without it, sealed events wait until it is given.
     */
    Optional<String> token();

    /** Keys kept in memory, one per athlete whose events arrive. */
    @WithDefault("100000")
    int cacheSize();
}
