package dev.medius.catalog.rest;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exercise as an editor writes it; links to muscles, conditions, sources and other exercises go by slug or key. */
@Schema(description = "An exercise as an editor writes it")
public record ExerciseRequest(
        @NotBlank @Size(max = 120) @Pattern(regexp = SLUG, message = "must be lowercase words joined by hyphens") String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> aliases,
        @Size(max = 2000) String summary,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> steps,
        @Size(max = 50) List<@NotBlank @Size(max = 1000) String> cues,
        @Size(max = 50) List<@NotBlank @Size(max = 1000) String> mistakes,
        @NotNull @Pattern(regexp = "activation|strength|stability|mobility",
                message = "must be one of activation, strength, stability, mobility") String category,
        @NotBlank @Size(max = 40) @Pattern(regexp = SLUG, message = "must be lowercase words joined by hyphens") String pattern,
        @NotNull @Pattern(regexp = "beginner|intermediate|advanced",
                message = "must be one of beginner, intermediate, advanced") String level,
        @Pattern(regexp = "compound|isolation", message = "must be compound or isolation") String mechanic,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> equipment,
        @NotNull @Pattern(regexp = "bilateral|per-side", message = "must be bilateral or per-side") String laterality,
        @NotNull @Valid DoseRequest prescription,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid MuscleRequest> muscles,
        @Size(max = 30) List<@NotBlank String> conditions,
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> contraindications,
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> painAreasToAvoid,
        @Size(max = 50) List<@NotNull @Valid RuleRequest> contraindicationRules,
        @Size(max = 30) List<@NotBlank String> easier,
        @Size(max = 30) List<@NotBlank String> harder,
        @Size(max = 2000) String evidence,
        @Size(max = 30) List<@NotBlank String> sourceKeys,
        @Size(max = 50) List<@NotNull @Valid FindingRequest> findings,
        @Size(max = 30) List<@NotNull @Valid MediaRequest> media,
        @Size(max = 100) String license,
        @Size(max = 500) String attribution,
        Map<@Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") String, @NotNull @Valid TranslationRequest> translations) {

    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /** The default dose: sets of a rep range or of timed holds. */
    public record DoseRequest(
            @NotNull @Min(1) @Max(20) Integer sets,
            @Min(1) @Max(200) Integer repsMin,
            @Min(1) @Max(200) Integer repsMax,
            @Min(1) @Max(900) Integer holdSeconds,
            @Min(0) @Max(900) Integer restSeconds,
            @Size(max = 20) String tempo,
            @Size(max = 40) String bandPlacement) {
    }

    /** A muscle the exercise trains. */
    public record MuscleRequest(
            @NotBlank String muscle,
            @NotNull @Pattern(regexp = "primary|secondary", message = "must be primary or secondary") String role,
            @Min(0) @Max(300) Double activationMvicPercent,
            String sourceKey) {
    }

    /** When the exercise must not be prescribed; area, acuity and position come from the shared vocabulary. */
    public record RuleRequest(
            @NotBlank String area,
            @NotBlank String acuity,
            String position,
            @Size(max = 200) String note) {
    }

    /** What a source measured or tested on this exercise. */
    public record FindingRequest(
            @NotBlank String sourceKey,
            @NotBlank String measure,
            @Min(0) @Max(300) Double value,
            @Size(max = 20) String unit,
            @Size(max = 500) String note) {
    }

    /** A picture or video. */
    public record MediaRequest(
            @NotNull @Pattern(regexp = "image|video", message = "must be image or video") String type,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String url,
            @Size(max = 200) String title) {
    }

    /** The exercise's text in another language. */
    public record TranslationRequest(
            @Size(max = 200) String name,
            List<@NotBlank @Size(max = 200) String> aliases,
            @Size(max = 2000) String summary,
            List<@NotBlank @Size(max = 2000) String> steps,
            List<@NotBlank @Size(max = 1000) String> cues,
            List<@NotBlank @Size(max = 1000) String> mistakes,
            List<@NotBlank @Size(max = 200) String> contraindications,
            List<@NotBlank @Size(max = 200) String> contraindicationNotes,
            @Size(max = 2000) String evidence,
            List<@NotBlank @Size(max = 500) String> findingNotes) {
    }
}
