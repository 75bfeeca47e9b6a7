package dev.medius.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Tests see the same "today" on every run, so windows and inactivity are computed by hand. */
public class FixedClock {

    /** A Wednesday: the current week started on Monday 2026-06-15. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.fixed(Instant.parse("2026-06-17T12:00:00Z"), ZoneOffset.UTC);
    }
}
