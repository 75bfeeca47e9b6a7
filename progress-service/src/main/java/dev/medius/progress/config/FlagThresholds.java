package dev.medius.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When an athlete needs a coach's attention; every threshold can be tuned per deployment. Each rule and its
 * source are written down in progress-service's README ("Flags").
 */
@ConfigMapping(prefix = "medius.flags")
public interface FlagThresholds {

    /** Pain score (0–10) at or above which a recent session raises {@code pain-high} (Silbernagel 2007: up to 5 allowed). */
    @WithDefault("5")
    int painThreshold();

    /** Days of training, ending with the latest completed session, whose pain reports count as recent. */
    @WithDefault("7")
    int painRecentDays();

    /** Points above the athlete's own baseline (the median of earlier reports) that raise {@code pain-rising}. */
    @WithDefault("2")
    int painBaselineRise();

    /** Earlier pain reports needed before the athlete has a baseline. */
    @WithDefault("3")
    int painBaselineReports();

    /** Completed sessions read for the baseline, the latest first (those before the recent days give it). */
    @WithDefault("12")
    int painHistorySessions();

    /** Pain score at or above which pain that persists raises {@code pain-persisting}. */
    @WithDefault("3")
    int painPersistLevel();

    /** How many consecutive sessions at or above {@link #painPersistLevel()} raise {@code pain-persisting}. */
    @WithDefault("3")
    int painPersistSessions();

    /** Drop in adherence points (last 7 days against the 30 days before) that raises {@code adherence-drop}. */
    @WithDefault("20")
    int adherenceDropPoints();

    /** 30-day adherence (percent) below which {@code adherence-low} is raised. */
    @WithDefault("50")
    int adherenceLowPercent();

    /** Sessions that must have been due in the 30 days before {@code adherence-low} can be raised. */
    @WithDefault("4")
    int adherenceLowMinSessions();

    /** Days without a completed session that, with missed sessions, raise {@code inactive}. */
    @WithDefault("7")
    int inactiveDays();

    /** Scheduled sessions gone by without a completion since the last activity that, with the days, raise {@code inactive}. */
    @WithDefault("2")
    int inactiveMissedSessions();

    /** Days a skip for injury or illness keeps {@code injury-or-illness} raised, counted from the day it was recorded. */
    @WithDefault("7")
    int injurySkipDays();

    /**
     * Days a morning check-in with a red flag, or with pain at or above {@link #clinicianPain()}, keeps
     * {@code see-a-clinician} raised, counted from the check-in's day.
     */
    @WithDefault("3")
    int clinicianDays();

    /** Pain (0-10) in a check-in at or above which the athlete should be assessed before training (Screening: 8). */
    @WithDefault("8")
    int clinicianPain();

    /** How many of the athlete's latest check-ins in a row, each with low readiness, raise {@code readiness-low}. */
    @WithDefault("3")
    int readinessLowDays();

    /**
     * Answers of one check-in clearly below the athlete's usual (the baseline of docs/coaching.md, rule 11) that make
     * its readiness low: two, as for a lighter session.
     */
    @WithDefault("2")
    int readinessLowSignals();

    /**
     * Days, today included, the {@link #readinessLowDays()} check-ins must all fall within: a missed morning or two
     * does not break the run, and the flag clears once the run is that old.
     */
    @WithDefault("5")
    int readinessLowWithin();

    /** Session RPE at or above which a session counts as very hard. */
    @WithDefault("9")
    double effortRpe();

    /** How many very hard sessions in a row raise {@code effort-high}. */
    @WithDefault("3")
    int effortSessions();

    /** How often flags that depend on the calendar (inactivity, adherence) are evaluated again. */
    @WithDefault("60s")
    String evaluationInterval();

    /**
     * How long athletes whose facts changed wait before their flags are evaluated, together: an athlete who
     * logs several sessions meanwhile is evaluated once instead of after every batch of events.
     */
    @WithDefault("5s")
    String evaluationDelay();
}
