package dev.medius.runtime.config;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** The HTTP limits Quarkus enforces ({@code quarkus.http.limits.*}) that Medius answers with problem details. */
@ConfigMapping(prefix = "quarkus.http.limits")
public interface HttpLimits {

    /** The largest request body accepted. */
    Optional<MemorySize> maxBodySize();
}
