package dev.medius.runtime.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's name as Quarkus knows it ({@code quarkus.application.name}), used to name its clients. */
@ConfigMapping(prefix = "quarkus.application")
public interface ServiceIdentity {

    @WithDefault("medius")
    String name();
}
