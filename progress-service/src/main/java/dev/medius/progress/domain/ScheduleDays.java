package dev.medius.progress.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * An athlete's schedule as kept at ingestion: each day with sessions scheduled, in ascending order, with
 * how many were scheduled and how many completed. Adherence over any window, the streak and the first
 * scheduled day all come from it, so a roster reads one row per athlete.
 */
public record ScheduleDays(List<LocalDate> days, List<Integer> scheduled, List<Integer> completed) {

    public static final ScheduleDays NONE = new ScheduleDays(List.of(), List.of(), List.of());

    /** Scheduled and completed sessions on the days from {@code from} to {@code to}, both included. */
    public AdherenceWindow window(int windowDays, LocalDate from, LocalDate to) {
        int planned = 0;
        int done = 0;
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            if (!day.isBefore(from) && !day.isAfter(to)) {
                planned += scheduled.get(i);
                done += completed.get(i);
            }
        }
        return AdherenceWindow.of(windowDays, planned, done);
    }

    /** The window of {@code windowDays} days ending {@code today}. */
    public AdherenceWindow lastDays(int windowDays, LocalDate today) {
        return window(windowDays, today.minusDays(windowDays - 1L), today);
    }

    /**
     * Scheduled sessions completed in a row, counting back from the most recent day up to today. A day's
     * sessions count together: a day before today with a session not completed ends the streak; today's open
     * sessions do not, since today is not over.
     */
    public int streak(LocalDate today) {
        int streak = 0;
        for (int i = days.size() - 1; i >= 0; i--) {
            LocalDate day = days.get(i);
            if (day.isAfter(today)) {
                continue;
            }
            if (completed.get(i) < scheduled.get(i) && day.isBefore(today)) {
                break;
            }
            streak += completed.get(i);
        }
        return streak;
    }

    /** The first day with work scheduled, if it is not after today. */
    public LocalDate firstScheduled(LocalDate today) {
        return days.isEmpty() || days.get(0).isAfter(today) ? null : days.get(0);
    }
}
