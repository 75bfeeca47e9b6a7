package dev.medius.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long raw session facts are kept, and how often the job that removes older ones runs. */
@ConfigMapping(prefix = "medius.retention")
public interface RetentionConfig {

    /** Longest the dashboard looks back: 52 weeks and the current one. A shorter retention would change what it shows. */
    int MINIMUM_DAYS = 371;
    int MAXIMUM_DAYS = 3650;

    /** Days an organisation keeps raw session facts unless its admin chose otherwise: two seasons. */
    @WithDefault("730")
    int factsDays();

    /** How often the job runs; each run removes what has aged past its organisation's retention since the last. */
    @WithDefault("6h")
    String every();
}
