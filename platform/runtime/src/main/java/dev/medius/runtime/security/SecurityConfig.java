package dev.medius.runtime.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How every service checks its callers' tokens. */
@ConfigMapping(prefix = "medius.security")
public interface SecurityConfig {

    /** Bearer tokens kept after they were verified, until each one's expiry; 0 verifies every request. */
    @WithDefault("10000")
    int verifiedTokens();
}
