package dev.medius.progress.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Roster and progress answers kept per replica until one of their athletes changes. */
@ConfigMapping(prefix = "medius.dashboard.cache")
public interface DashboardCacheConfig {

    /**
     * Bytes of rendered answers one replica keeps; 0 computes every answer. A roster of 50 renders to about
     * 55 kB and an athlete's 12 weeks to about 15 kB, so the default holds some 1,000 rosters or 4,000
     * athletes, a quarter of the heap the Kubernetes manifests give; past it, answers are dropped at random.
     */
    @WithDefault("64M")
    MemorySize maxSize();

    /**
     * How long an answer is kept at most, whether or not its athletes changed: a bound on what a write that
     * records no revision (a replica of an earlier version during a rolling update, a hand-made correction in
     * the database) leaves visible.
     */
    @WithDefault("60s")
    java.time.Duration ttl();
}
