package dev.medius.routine.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.medius.events.catalog.ExercisePublished;

/** Why an exercise is in the plan: its block's purpose, the conditions it addresses, what was measured, its sources. */
final class Rationale {

    private Rationale() {
    }

    static String of(AthleteProfile profile, ExercisePublished exercise, Set<String> conditions,
            String block) {
        StringBuilder why = new StringBuilder();
        why.append(switch (block) {
            case "activation" -> "Activation: wakes the hip abductors before the main work";
            case "strength" -> "Strength: the session's main loading";
            case "mobility" -> "Mobility: range of motion at low load";
            default -> "Stability: control of hip and trunk under a held or slow load";
        });
        List<String> matched = EvidenceRank.safe(exercise.conditions()).stream()
                .filter(c -> conditions.contains(EvidenceRank.norm(c))).sorted().collect(Collectors.toList());
        if (!matched.isEmpty()) {
            why.append("; addresses ").append(String.join(", ", matched));
        }
        EvidenceRank.safe(exercise.muscles()).stream().filter(m -> EvidenceRank.TARGET_MUSCLE.equals(m.muscle()))
                .findFirst().ifPresent(m -> why.append("; gluteus medius ").append(m.role()));
        exercise.findings().stream().filter(f -> "gluteus-medius-mvic".equals(f.measure()) && f.value() != null)
                .max(Comparator.comparingDouble(ExercisePublished.Finding::value))
                .ifPresent(f -> why.append(String.format(Locale.ROOT, " (%.0f%% MVIC, %s)", f.value(), f.sourceKey())));
        why.append(". Dose for ").append(profile.level().article()).append(' ').append(profile.level().label())
                .append(" after ACSM 2009.");
        if (exercise.evidence() != null && !exercise.evidence().isBlank()) {
            why.append(" Evidence: ").append(exercise.evidence().trim());
        }
        List<String> sources = new ArrayList<>(new LinkedHashSet<>(EvidenceRank.safe(exercise.sourceKeys())));
        if (!sources.isEmpty()) {
            why.append(" Sources: ").append(String.join(", ", sources)).append('.');
        }
        return why.toString();
    }
}
