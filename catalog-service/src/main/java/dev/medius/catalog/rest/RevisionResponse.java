package dev.medius.catalog.rest;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** One change of an exercise and the exercise as it stood after it. */
public record RevisionResponse(int revision, String action, String author, OffsetDateTime at, JsonNode snapshot) {
}
