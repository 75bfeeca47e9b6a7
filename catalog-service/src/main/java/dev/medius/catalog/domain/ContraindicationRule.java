package dev.medius.catalog.domain;

/**
 * When an exercise must not be prescribed: pain in {@code area} of an onset that {@code acuity} covers, because
 * of the {@code position} it puts the area in; {@code note} says it in words. Values from {@code Vocabulary}.
 */
public record ContraindicationRule(String area, String acuity, String position, String note) {
}
