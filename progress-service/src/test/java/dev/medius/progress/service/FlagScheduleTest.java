package dev.medius.progress.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The periodic pass evaluates every athlete once after start, then once per date and never twice for one. */
class FlagScheduleTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 6, 15);

    @Test
    void theFirstPassAfterStartIsAlwaysDue() {
        assertThat(FlagSchedule.due(false, null, MONDAY)).isTrue();
        assertThat(FlagSchedule.due(false, MONDAY, MONDAY)).isTrue();
    }

    @Test
    void laterPassesAreDueOnlyWhenTheDateChanged() {
        assertThat(FlagSchedule.due(true, MONDAY, MONDAY)).isFalse();
        assertThat(FlagSchedule.due(true, MONDAY, MONDAY.plusDays(1))).isTrue();
        // a clock set back (a test, or a corrected host clock) is a change of date too
        assertThat(FlagSchedule.due(true, MONDAY, MONDAY.minusDays(1))).isTrue();
    }
}
