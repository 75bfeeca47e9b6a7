package dev.medius.routine.domain;

import java.util.Optional;

import dev.medius.events.Vocabulary;
import dev.medius.events.catalog.ExercisePublished;

/**
 * Whether an exercise may be given to an athlete in pain: never when one of its structured
 * contraindications covers a reported area and onset, never when it loads an area that hurts now.
 */
public final class Contraindications {

    private Contraindications() {
    }

    /** Why the exercise must not be prescribed to this athlete, or empty when it may be. */
    public static Optional<String> against(AthleteProfile profile, ExercisePublished exercise) {
        for (AthleteProfile.Pain pain : profile.pain()) {
            for (ExercisePublished.Contraindication rule : exercise.contraindicationRules()) {
                if (rule.area() != null && Vocabulary.concerns(pain.area(), rule.area())
                        && Vocabulary.applies(rule.acuity() == null ? "any" : rule.acuity(), pain.onset())) {
                    return Optional.of(exercise.slug() + " is contraindicated with " + pain.onset() + " " + pain.area()
                            + " pain" + (rule.note() == null ? "" : " (" + rule.note() + ")"));
                }
            }
            if (pain.current() && loads(exercise, pain.area())) {
                return Optional.of(exercise.slug() + " loads the painful " + pain.area());
            }
        }
        return Optional.empty();
    }

    public static boolean allowed(AthleteProfile profile, ExercisePublished exercise) {
        return against(profile, exercise).isEmpty();
    }

    /** Whether the exercise puts load through an area (its {@code painAreasToAvoid}). */
    public static boolean loads(ExercisePublished exercise, String area) {
        return EvidenceRank.safe(exercise.painAreasToAvoid()).stream().map(EvidenceRank::norm)
                .anyMatch(loaded -> Vocabulary.concerns(area, loaded));
    }

    /**
     * The reported area whose pain rule an exercise carries: a settled area it loads, else an area that hurts
     * now (any exercise may stir it), or none for an athlete without pain.
     */
    public static SafetyText.ExerciseArea loadedPainfulArea(AthleteProfile profile, ExercisePublished exercise) {
        AthleteProfile.Pain current = null;
        for (AthleteProfile.Pain pain : profile.pain()) {
            if (loads(exercise, pain.area())) {
                return new SafetyText.ExerciseArea(pain.area(), AthleteProfile.Pain.PERSISTENT.equals(pain.onset()));
            }
            if (current == null && pain.current()) {
                current = pain;
            }
        }
        return current == null ? null
                : new SafetyText.ExerciseArea(current.area(), AthleteProfile.Pain.PERSISTENT.equals(current.onset()));
    }
}
