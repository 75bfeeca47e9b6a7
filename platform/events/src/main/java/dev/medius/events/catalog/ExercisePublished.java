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
        List<String> sourceKeys, int revision, OffsetDateTime publishedAt, List<Contraindication> contraindicationRules,
        List<Finding> findings) {

    public ExercisePublished {
        contraindicationRules = contraindicationRules == null ? List.of() : List.copyOf(contraindicationRules);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** A muscle the exercise trains, with its activation as %MVIC where a study measured it. */
    public record MuscleWork(String muscle, String role, Double activationMvicPercent) {
    }

    /**
     * When the exercise must not be prescribed: pain in {@code area} (see {@link dev.medius.events.Vocabulary})
     * of an onset the {@code acuity} covers, because of the {@code position} it puts the area in; {@code note}
     * explains it in words.
     */
    public record Contraindication(String area, String acuity, String position, String note) {
    }

    /** What a source measured or tested on this very exercise: {@code measure} with its {@code value} in {@code unit}. */
    public record Finding(String sourceKey, String measure, Double value, String unit, String note) {
    }
}
