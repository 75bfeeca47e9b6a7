package dev.medius.catalog.domain;

/** A picture or video showing the exercise. */
public record MediaLink(String type, String url, String title) {
}
