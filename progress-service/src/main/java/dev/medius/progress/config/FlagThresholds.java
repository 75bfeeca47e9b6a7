package dev.medius.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When an athlete needs a coach's attention; every threshold can be tuned per deployment. */
@ConfigMapping(prefix = "medius.flags")
public interface FlagThresholds {

    /** Pain score (0–10) at or above which the latest session raises {@code pain-high}. */
    @WithDefault("6")
    int painThreshold();

    /** How many sessions in a row with strictly rising pain raise {@code pain-rising}. */
    @WithDefault("3")
    int painRisingSessions();

    /** Drop in adherence points (last 7 days against the 30 days before) that raises {@code adherence-drop}. */
    @WithDefault("20")
    int adherenceDropPoints();

    /** Days without a completed session that raise {@code inactive}. */
    @WithDefault("7")
    int inactiveDays();

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
