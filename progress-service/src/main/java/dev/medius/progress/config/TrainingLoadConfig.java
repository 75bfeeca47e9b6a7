package dev.medius.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the training load view reads the acute:chronic ratio; the rule and its sources are in docs/coaching.md. */
@ConfigMapping(prefix = "medius.training-load")
public interface TrainingLoadConfig {

    /**
     * Ratio above which the latest day is a load spike: a common convention, not a validated cut-off (Gabbett 2016
     * proposed 0.8–1.3 as the range of least risk), so each deployment may choose its own.
     */
    @WithDefault("1.5")
    double spikeRatio();
}
