package dev.medius.progress.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * An athlete's schedule row as kept at ingestion: each day with sessions scheduled, in ascending order,
 * with how many were scheduled and how many completed. The progress page counts its weeks from it; rosters
 * and flags have PostgreSQL count their windows and streaks from the same row, by the same rule
 * (ProgressRepository.scheduleSummaries).
 * <p>
 * Only sessions already due count: those of earlier days, and those of today once completed. A session
 * scheduled for today is not missed before the day is over.
 */
public record ScheduleDays(List<LocalDate> days, List<Integer> scheduled, List<Integer> completed) {

    public static final ScheduleDays NONE = new ScheduleDays(List.of(), List.of(), List.of());

    /** Sessions due and completed on the days from {@code from} to {@code to}, both included, as of {@code today}. */
    public AdherenceWindow window(int windowDays, LocalDate from, LocalDate to, LocalDate today) {
        int due = 0;
        int done = 0;
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            if (!day.isBefore(from) && !day.isAfter(to) && !day.isAfter(today)) {
                due += day.isBefore(today) ? scheduled.get(i) : completed.get(i);
                done += completed.get(i);
            }
        }
        return AdherenceWindow.of(windowDays, due, done);
    }

    /** The window of {@code windowDays} days ending {@code today}. */
    public AdherenceWindow lastDays(int windowDays, LocalDate today) {
        return window(windowDays, today.minusDays(windowDays - 1L), today, today);
    }
}
