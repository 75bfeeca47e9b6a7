package dev.medius.catalog.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
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

    /** Largest page a list request may ask for. */
    @WithDefault("100")
    int maxPageSize();

    /** Rendered answers of reads by callers who see no drafts, kept in each replica. */
    ReadCache readCache();

    interface ReadCache {

        /**
         * How long an answer is served from memory. A write drops every answer of the replica that made it at
         * once; other replicas serve the previous content for at most this long. 0 turns the cache off.
         */
        @WithDefault("PT5S")
        Duration ttl();

        /**
         * Bytes of answers kept at most (a page of 20 exercises is about 45 KB, one exercise 3 KB); when full,
         * the replica starts over.
         */
        @WithDefault("32M")
        MemorySize maxSize();
    }
}
