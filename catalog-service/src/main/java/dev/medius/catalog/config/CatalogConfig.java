package dev.medius.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** catalog-service settings. */
@ConfigMapping(prefix = "medius.catalog")
public interface CatalogConfig {

    /** Load the shipped exercise library into the database at startup when it changed. */
    @WithDefault("true")
    boolean loadContentAtStartup();

    /** Classpath location of the shipped library. */
    @WithDefault("content/medius-library.json")
    String contentResource();

    /** Where the images of free-exercise-db entries are served from; their paths are relative to it. */
    @WithDefault("https://raw.githubusercontent.com/yuhonas/free-exercise-db/main/exercises/")
    String freeExerciseDbImageBase();
}
