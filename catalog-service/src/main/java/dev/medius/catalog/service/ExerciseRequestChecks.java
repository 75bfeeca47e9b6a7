package dev.medius.catalog.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.catalog.domain.Condition;
import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.Muscle;
import dev.medius.catalog.domain.Source;
import dev.medius.catalog.repository.ExerciseRepository;
import dev.medius.events.Vocabulary;
import dev.medius.runtime.problem.Problem;
import dev.medius.runtime.problem.ProblemException;

/**
 * What Bean Validation cannot see in an editor's exercise: that its dose is whole, and that the muscles,
 * conditions, sources, vocabulary and ladder rungs it names exist.
 */
@ApplicationScoped
public class ExerciseRequestChecks {

    @Inject
    ExerciseRepository exercises;

    /** The ladder rungs a request asks for, by id. */
    public record Links(List<UUID> easier, List<UUID> harder) {
    }

    /** Refuses the request with every field at fault, else returns its rungs; {@code self} is the exercise changed. */
    public Links check(ExerciseRequest r, String tenant, UUID self) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkDose(r.prescription(), errors);
        Set<String> knownSources = new LinkedHashSet<>();
        for (Source source : Source.<Source>listAll()) {
            knownSources.add(source.key);
        }
        Set<String> muscles = new LinkedHashSet<>();
        for (int i = 0; i < r.muscles().size(); i++) {
            ExerciseRequest.MuscleRequest m = r.muscles().get(i);
            if (Muscle.findById(m.muscle()) == null) {
                errors.add(new Problem.FieldError("muscles[" + i + "].muscle", "unknown muscle '" + m.muscle() + "'"));
            } else if (!muscles.add(m.muscle())) {
                errors.add(new Problem.FieldError("muscles[" + i + "].muscle", "listed twice"));
            }
            if (m.sourceKey() != null) {
                known("muscles[" + i + "].sourceKey", m.sourceKey(), knownSources, errors);
            }
        }
        List<String> conditions = ExerciseRequest.orEmpty(r.conditions());
        for (int i = 0; i < conditions.size(); i++) {
            if (Condition.findById(conditions.get(i)) == null) {
                errors.add(new Problem.FieldError("conditions[" + i + "]", "unknown condition '" + conditions.get(i) + "'"));
            }
        }
        List<String> sources = ExerciseRequest.orEmpty(r.sourceKeys());
        for (int i = 0; i < sources.size(); i++) {
            known("sourceKeys[" + i + "]", sources.get(i), knownSources, errors);
        }
        checkVocabulary(r, knownSources, errors);
        List<UUID> easier = resolve("easier", ExerciseRequest.orEmpty(r.easier()), tenant, self, errors);
        List<UUID> harder = resolve("harder", ExerciseRequest.orEmpty(r.harder()), tenant, self, errors);
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid";
            throw new ProblemException(400, "Invalid request", detail, errors);
        }
        return new Links(easier, harder);
    }

    private static void checkDose(ExerciseRequest.DoseRequest dose, List<Problem.FieldError> errors) {
        if (dose.repsMin() == null && dose.repsMax() == null && dose.holdSeconds() == null) {
            errors.add(new Problem.FieldError("prescription", "needs repsMin and repsMax or holdSeconds"));
        }
        if ((dose.repsMin() == null) != (dose.repsMax() == null)) {
            errors.add(new Problem.FieldError("prescription.repsMax", "repsMin and repsMax go together"));
        } else if (dose.repsMin() != null && dose.repsMin() > dose.repsMax()) {
            errors.add(new Problem.FieldError("prescription.repsMax", "must not be below repsMin"));
        }
    }

    /** Pain areas, contraindication rules and findings speak the shared vocabulary; findings cite known sources. */
    private static void checkVocabulary(ExerciseRequest r, Set<String> knownSources, List<Problem.FieldError> errors) {
        List<String> areas = ExerciseRequest.orEmpty(r.painAreasToAvoid());
        for (int i = 0; i < areas.size(); i++) {
            oneOf("painAreasToAvoid[" + i + "]", areas.get(i), Vocabulary.PAIN_AREAS, errors);
        }
        List<ExerciseRequest.RuleRequest> rules = ExerciseRequest.orEmpty(r.contraindicationRules());
        for (int i = 0; i < rules.size(); i++) {
            ExerciseRequest.RuleRequest rule = rules.get(i);
            oneOf("contraindicationRules[" + i + "].area", rule.area(), Vocabulary.PAIN_AREAS, errors);
            oneOf("contraindicationRules[" + i + "].acuity", rule.acuity(), Vocabulary.ACUITIES, errors);
            oneOf("contraindicationRules[" + i + "].position", rule.position(), Vocabulary.POSITIONS, errors);
        }
        List<ExerciseRequest.FindingRequest> findings = ExerciseRequest.orEmpty(r.findings());
        for (int i = 0; i < findings.size(); i++) {
            ExerciseRequest.FindingRequest finding = findings.get(i);
            oneOf("findings[" + i + "].measure", finding.measure(), Vocabulary.FINDING_MEASURES, errors);
            known("findings[" + i + "].sourceKey", finding.sourceKey(), knownSources, errors);
        }
    }

    private static void oneOf(String field, String value, List<String> accepted, List<Problem.FieldError> errors) {
        if (value != null && !accepted.contains(value)) {
            errors.add(new Problem.FieldError(field, "'" + value + "' is not one of " + accepted));
        }
    }

    private static void known(String field, String source, Set<String> knownSources, List<Problem.FieldError> errors) {
        if (!knownSources.contains(source)) {
            errors.add(new Problem.FieldError(field, "unknown source '" + source + "'"));
        }
    }

    private List<UUID> resolve(String field, List<String> slugs, String tenant, UUID self, List<Problem.FieldError> errors) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            Optional<Exercise> target = exercises.findVisibleBySlug(slugs.get(i), tenant);
            if (target.isEmpty()) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "unknown exercise '" + slugs.get(i) + "'"));
            } else if (Objects.equals(target.get().id, self)) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "an exercise is not its own variation"));
            } else {
                ids.add(target.get().id);
            }
        }
        return ids;
    }
}
