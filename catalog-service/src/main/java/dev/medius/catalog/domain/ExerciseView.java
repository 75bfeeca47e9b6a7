package dev.medius.catalog.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.medius.events.Prescription;

/**
 * An exercise as clients read it and as events carry it, in one language; {@code translations} is filled only where the whole
 * content is wanted (exports and revision snapshots).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExerciseView(UUID id, String tenant, String slug, String language, String name, List<String> aliases,
        String summary, List<String> steps, List<String> cues, List<String> mistakes, String category, String pattern,
        String level, String mechanic, List<String> equipment, String laterality, Prescription prescription,
        List<Muscle> muscles, List<String> conditions, List<String> contraindications, List<String> painAreasToAvoid,
        List<ContraindicationRule> contraindicationRules, List<String> easier, List<String> harder, String evidence,
        List<String> sourceKeys, List<Finding> findings, List<MediaLink> media,
        String license, String attribution, boolean seed, String origin, String originRef, String status,
        int revision, List<String> languages, Map<String, ExerciseTranslation> translations,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime publishedAt, OffsetDateTime retiredAt) {

    /** A muscle the exercise trains, with activation evidence where known. */
    public record Muscle(String muscle, String role, Double activationMvicPercent, String sourceKey) {
    }
}
