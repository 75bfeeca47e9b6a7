package dev.medius.catalog.domain;

/** What a source measured or tested on this very exercise: {@code measure} with its {@code value} in {@code unit}. */
public record Finding(String sourceKey, String measure, Double value, String unit, String note) {
}
