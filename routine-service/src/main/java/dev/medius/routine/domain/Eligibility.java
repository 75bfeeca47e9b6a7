package dev.medius.routine.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.medius.events.Vocabulary;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.domain.AthleteProfile.Level;

/** Which catalog exercises an athlete can do: equipment at hand, level within reach, nothing excluded or contraindicated. */
public final class Eligibility {

    private Eligibility() {
    }

    /** Exercises the athlete can do: equipment at hand, level within reach, nothing excluded or contraindicated. */
    public static List<ExercisePublished> eligible(AthleteProfile profile, Collection<ExercisePublished> catalog) {
        Set<String> excluded = profile.exclusions().stream().map(EvidenceRank::norm).collect(Collectors.toSet());
        return catalog.stream()
                .filter(e -> PlanGenerator.BLOCKS.contains(EvidenceRank.norm(e.category())))
                .filter(e -> levelOf(e).ordinal() <= profile.level().ordinal())
                .filter(e -> hasEquipment(profile, e))
                .filter(e -> !excluded.contains(EvidenceRank.norm(e.slug()))
                        && !excluded.contains(EvidenceRank.norm(e.exerciseId().toString())))
                .filter(e -> Contraindications.allowed(profile, e))
                .collect(Collectors.toList());
    }

    /** Whether the athlete has everything the exercise needs; bodyweight and a wall are always at hand. */
    public static boolean hasEquipment(AthleteProfile profile, ExercisePublished exercise) {
        Set<String> equipment = new HashSet<>(Vocabulary.ALWAYS_AVAILABLE);
        profile.equipment().forEach(e -> equipment.add(EvidenceRank.norm(e)));
        return EvidenceRank.safe(exercise.equipment()).stream().map(EvidenceRank::norm).allMatch(equipment::contains);
    }

    /** The exercise's level; one the vocabulary does not know counts as the hardest. */
    static Level levelOf(ExercisePublished exercise) {
        try {
            return Level.of(exercise.level());
        } catch (RuntimeException e) {
            return Level.ADVANCED;
        }
    }
}
