package dev.medius.routine.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests: the real time, which a test may move by whole days to record what an athlete did on
 * earlier mornings, and must put back.
 */
public class MovableClock {

    private static volatile Duration offset = Duration.ZERO;

    /** Moves "now" by {@code days} (negative: into the past) until {@link #reset()}. */
    public static void shift(int days) {
        offset = Duration.ofDays(days);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Produces
    @Singleton
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(instant(), zone);
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };
    }
}
