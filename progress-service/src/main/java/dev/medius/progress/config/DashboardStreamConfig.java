package dev.medius.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Live dashboard updates over server-sent events. */
@ConfigMapping(prefix = "medius.dashboard.stream")
public interface DashboardStreamConfig {

    /**
     * Changes one open stream may hold while its client reads; one ingested batch can change up to a few
     * thousand athletes, and a coach's roster sees its share of them. A stream further behind is closed and
     * its client reconnects.
     */
    @WithDefault("10000")
    int buffer();
}
