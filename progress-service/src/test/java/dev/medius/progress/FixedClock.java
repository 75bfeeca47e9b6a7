package dev.medius.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Tests see the same "today" on every run, so windows and inactivity are computed by hand. A test
 * may move the clock forward to let the calendar pass, and must put it back.
 */
public class FixedClock {

    /** A Wednesday: the current week started on Monday 2026-06-15. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 17);
    static final Instant NOON = Instant.parse("2026-06-17T12:00:00Z");

    static volatile Duration offset = Duration.ZERO;

    /** Lets {@code days} pass; {@link #reset()} goes back to {@link #TODAY}. */
    public static void advance(int days) {
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
                return NOON.plus(offset);
            }
        };
    }
}
