package dev.medius.events.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code exercise.retired.v1}: plans stop choosing this exercise (schema: schemas/exercise.retired.v1.json). */
public record ExerciseRetired(UUID exerciseId, String tenant, String slug, int revision, OffsetDateTime retiredAt) {
}
