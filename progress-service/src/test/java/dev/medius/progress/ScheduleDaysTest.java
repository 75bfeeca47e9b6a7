package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.medius.progress.domain.AdherenceWindow;
import dev.medius.progress.domain.ScheduleDays;

class ScheduleDaysTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

    /** Triples of (days ago, scheduled, completed). */
    static ScheduleDays schedule(int... daysAgoScheduledCompleted) {
        List<LocalDate> days = new ArrayList<>();
        List<Integer> scheduled = new ArrayList<>();
        List<Integer> completed = new ArrayList<>();
        for (int i = 0; i < daysAgoScheduledCompleted.length; i += 3) {
            days.add(TODAY.minusDays(daysAgoScheduledCompleted[i]));
            scheduled.add(daysAgoScheduledCompleted[i + 1]);
            completed.add(daysAgoScheduledCompleted[i + 2]);
        }
        return new ScheduleDays(days, scheduled, completed);
    }

    @Test
    void windowsCountTheDaysEndingTodayAndNothingLater() {
        ScheduleDays s = schedule(40, 1, 1, 20, 1, 0, 6, 2, 1, 1, 1, 0, -3, 1, 0);
        assertThat(s.lastDays(7, TODAY)).isEqualTo(AdherenceWindow.of(7, 3, 1));
        assertThat(s.lastDays(30, TODAY)).isEqualTo(AdherenceWindow.of(30, 4, 1));
        assertThat(s.lastDays(90, TODAY).percent()).isEqualTo(40.0);
        assertThat(s.window(30, TODAY.minusDays(36), TODAY.minusDays(7), TODAY).scheduled()).isEqualTo(1);
        assertThat(ScheduleDays.NONE.lastDays(7, TODAY).percent()).isNull();
    }

    @Test
    void theFirstAndLastDaysOfAWindowCount() {
        ScheduleDays s = schedule(6, 1, 1, 7, 1, 0);
        assertThat(s.lastDays(7, TODAY)).isEqualTo(AdherenceWindow.of(7, 1, 1));
        assertThat(s.window(2, TODAY.minusDays(7), TODAY.minusDays(6), TODAY)).isEqualTo(AdherenceWindow.of(2, 2, 1));
        assertThat(s.window(1, TODAY.minusDays(7), TODAY.minusDays(7), TODAY)).isEqualTo(AdherenceWindow.of(1, 1, 0));
    }

    @Test
    void todaysSessionCountsOnlyOnceCompleted() {
        // scheduled this morning, not yet logged: not due, so not missed
        assertThat(schedule(2, 1, 1, 0, 1, 0).lastDays(7, TODAY)).isEqualTo(AdherenceWindow.of(7, 1, 1));
        assertThat(schedule(0, 1, 0).lastDays(7, TODAY).percent()).isNull();
        // logged: due and done
        assertThat(schedule(2, 1, 1, 0, 2, 1).lastDays(7, TODAY)).isEqualTo(AdherenceWindow.of(7, 2, 2));
        // the day after, a session not logged is missed
        assertThat(schedule(1, 1, 0).lastDays(7, TODAY)).isEqualTo(AdherenceWindow.of(7, 1, 0));
    }

    @Test
    void aWeekThatEndsAfterTodayCountsUpToToday() {
        ScheduleDays s = schedule(2, 1, 1, 0, 1, 0, -2, 1, 0);
        assertThat(s.window(7, TODAY.minusDays(2), TODAY.plusDays(4), TODAY)).isEqualTo(AdherenceWindow.of(7, 1, 1));
        assertThat(s.window(7, TODAY.minusDays(2), TODAY.plusDays(4), TODAY.plusDays(3)))
                .isEqualTo(AdherenceWindow.of(7, 3, 1));
    }

    @Test
    void adherenceIsAPercentWithOneDecimal() {
        assertThat(AdherenceWindow.of(7, 3, 2).percent()).isEqualTo(66.7);
        assertThat(AdherenceWindow.of(7, 3, 1).percent()).isEqualTo(33.3);
        assertThat(AdherenceWindow.of(7, 8, 7).percent()).isEqualTo(87.5);
        assertThat(AdherenceWindow.of(30, 0, 0).percent()).isNull();
        assertThat(AdherenceWindow.of(30, 1, 0).percent()).isEqualTo(0.0);
    }
}
