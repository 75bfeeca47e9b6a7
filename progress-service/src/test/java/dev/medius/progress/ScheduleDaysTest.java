package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.medius.progress.domain.ScheduleDays;

class ScheduleDaysTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

    static ScheduleDays schedule(int... daysAgoScheduledCompleted) {
        List<LocalDate> days = new java.util.ArrayList<>();
        List<Integer> scheduled = new java.util.ArrayList<>();
        List<Integer> completed = new java.util.ArrayList<>();
        for (int i = 0; i < daysAgoScheduledCompleted.length; i += 3) {
            days.add(TODAY.minusDays(daysAgoScheduledCompleted[i]));
            scheduled.add(daysAgoScheduledCompleted[i + 1]);
            completed.add(daysAgoScheduledCompleted[i + 2]);
        }
        return new ScheduleDays(days, scheduled, completed);
    }

    @Test
    void windowsCountTheDaysEndingTodayAndNothingLater() {
        ScheduleDays s = schedule(40, 1, 1, 20, 1, 0, 6, 2, 1, 0, 1, 0, -3, 1, 0);
        assertThat(s.lastDays(7, TODAY).scheduled()).isEqualTo(3);
        assertThat(s.lastDays(7, TODAY).completed()).isEqualTo(1);
        assertThat(s.lastDays(30, TODAY).scheduled()).isEqualTo(4);
        assertThat(s.lastDays(90, TODAY).percent()).isEqualTo(40.0);
        assertThat(s.window(30, TODAY.minusDays(36), TODAY.minusDays(7)).scheduled()).isEqualTo(1);
        assertThat(ScheduleDays.NONE.lastDays(7, TODAY).percent()).isNull();
    }
}
