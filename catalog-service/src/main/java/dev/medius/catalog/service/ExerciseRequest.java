package dev.medius.catalog.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.medius.catalog.domain.ContraindicationRule;
import dev.medius.catalog.domain.Dose;
import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseTranslation;
import dev.medius.catalog.domain.Finding;
import dev.medius.catalog.domain.MediaLink;
import dev.medius.catalog.domain.MuscleWork;

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

    /** Copies the content onto the exercise; collections Hibernate tracks are replaced only when they changed. */
    void copyTo(Exercise e) {
        e.slug = slug;
        e.name = name.strip();
        e.aliases = new ArrayList<>(orEmpty(aliases));
        e.summary = summary;
        e.steps = new ArrayList<>(orEmpty(steps));
        e.cues = new ArrayList<>(orEmpty(cues));
        e.mistakes = new ArrayList<>(orEmpty(mistakes));
        e.category = category;
        e.pattern = pattern;
        e.level = level;
        e.mechanic = mechanic;
        e.equipment = new ArrayList<>(new LinkedHashSet<>(orEmpty(equipment)));
        e.laterality = laterality;
        e.prescription = new Dose(prescription.sets(), prescription.repsMin(), prescription.repsMax(),
                prescription.holdSeconds(), prescription.restSeconds(), prescription.tempo(), prescription.bandPlacement());
        List<MuscleWork> work = muscles.stream()
                .map(m -> new MuscleWork(m.muscle(), m.role(), m.activationMvicPercent(), m.sourceKey())).toList();
        if (!work.equals(e.muscles)) {
            e.muscles.clear();
            e.muscles.addAll(work);
        }
        Set<String> wantedConditions = new LinkedHashSet<>(orEmpty(conditions));
        if (!wantedConditions.equals(e.conditions)) {
            e.conditions.clear();
            e.conditions.addAll(wantedConditions);
        }
        e.contraindications = new ArrayList<>(orEmpty(contraindications));
        e.painAreasToAvoid = new ArrayList<>(orEmpty(painAreasToAvoid));
        e.contraindicationRules = orEmpty(contraindicationRules).stream()
                .map(c -> new ContraindicationRule(c.area(), c.acuity(), c.position(), c.note())).toList();
        e.findings = orEmpty(findings).stream()
                .map(f -> new Finding(f.sourceKey(), f.measure(), f.value(), f.unit(), f.note())).toList();
        e.evidence = evidence;
        e.sourceKeys = new ArrayList<>(orEmpty(sourceKeys));
        e.media = new ArrayList<>(orEmpty(media).stream().map(m -> new MediaLink(m.type(), m.url(), m.title())).toList());
        e.license = license;
        e.attribution = attribution;
        Map<String, ExerciseTranslation> texts = new LinkedHashMap<>();
        if (translations != null) {
            translations.forEach((language, t) -> texts.put(language, new ExerciseTranslation(t.name(), t.aliases(),
                    t.summary(), t.steps(), t.cues(), t.mistakes(), t.contraindications(), t.contraindicationNotes(),
                    t.evidence(), t.findingNotes())));
        }
        e.translations = texts;
        e.refreshNamesText();
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

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
