package dev.medius.events.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.medius.events.Prescription;

/** {@code exercise.published.v1}: the current state of a published exercise (schema: schemas/exercise.published.v1.json). */
public record ExercisePublished(UUID exerciseId, String tenant, String slug, String name, String summary,
        String category, String pattern, String level, List<String> equipment, String laterality,
        Prescription prescription, List<MuscleWork> muscles, List<String> conditions, List<String> contraindications,
        List<String> painAreasToAvoid, List<String> easier, List<String> harder, String evidence,
        List<String> sourceKeys, int revision, OffsetDateTime publishedAt) {

    /** A muscle the exercise trains, with its activation as %MVIC where a study measured it. */
    public record MuscleWork(String muscle, String role, Double activationMvicPercent) {
    }
}
