package dev.medius.progress.domain;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Opens event data sealed with its athlete's key (docs/events.md, "Sealed data"). */
@FunctionalInterface
public interface DataOpener {

    /**
     * The data opened, for the organisation the event names; empty when the key no longer exists (the athlete was
     * erased). Throws an {@link IllegalArgumentException} naming why the data cannot be opened, and anything else when
     * keys cannot be fetched now, which is retried.
     */
    Optional<JsonNode> open(String tenant, String sealed);
}
