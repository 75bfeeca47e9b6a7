package dev.medius.catalog.service;

/**
 * Fired by every transaction that writes exercise content (edits, the editorial workflow, the shipped
 * library's load, imports); observers that keep rendered answers drop them once it commits.
 */
public record CatalogChanged(String reason) {
}
