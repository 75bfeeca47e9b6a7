package dev.medius.progress.domain;

/**
 * Completed ÷ scheduled over the days of a window ending today: a scheduled session counts as done
 * when a completion with its session id exists; {@code percent} is null when nothing was scheduled.
 */
public record AdherenceWindow(int days, int scheduled, int completed, Double percent) {

    public static AdherenceWindow of(int days, int scheduled, int completed) {
        Double percent = scheduled == 0 ? null : Math.round(completed * 1000.0 / scheduled) / 10.0;
        return new AdherenceWindow(days, scheduled, completed, percent);
    }
}
