package dev.medius.progress.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The dashboard's answers kept per replica, its live updates and its link to an athlete's plan. */
@ConfigMapping(prefix = "medius.dashboard")
public interface DashboardConfig {

    Cache cache();

    Stream stream();

    /**
     * Where a coach opens an athlete's plan in the platform Medius is part of, {@code {athleteId}} replaced by the
     * athlete's id (URL-encoded); the athlete view links to it. None by default: the plan then shows only as the
     * sessions of the last two weeks and the next.
     */
    Optional<String> planLink();

    /** Roster and progress answers kept per replica until one of their athletes changes. */
    interface Cache {

        /**
         * Bytes of rendered answers one replica keeps; 0 computes every answer. A roster of 50 athletes and an
         * athlete's 12 weeks render to some tens of kilobytes, so the default holds about a thousand rosters; past
         * it, the answers least likely to be read again are dropped.
         */
        @WithDefault("64M")
        MemorySize maxSize();

        /**
         * How long an answer is kept at most, whether or not its athletes changed: a bound on what a write that
         * records no revision (a replica of an earlier version during a rolling update, a hand-made correction in
         * the database) leaves visible.
         */
        @WithDefault("60s")
        Duration ttl();
    }

    /** Live dashboard updates over server-sent events. */
    interface Stream {

        /**
         * Changes one open stream may hold while its client reads; one ingested batch can change up to a few
         * thousand athletes, and a coach's roster sees its share of them. A stream further behind is closed and
         * its client reconnects.
         */
        @WithDefault("10000")
        int buffer();
    }
}
