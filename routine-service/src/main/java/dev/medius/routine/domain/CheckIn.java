package dev.medius.routine.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.medius.coaching.Readiness;

/**
 * A morning readiness check-in. Sleep quality, energy, soreness, stress and mood are answered on 1-5 scales where 5
 * is the best state (5 = slept very well, full of energy, no soreness, relaxed, very good mood); each may be left out.
 * Pain is always answered, as a list that may be empty; red flags are words of the red-flag vocabulary.
 */
public record CheckIn(LocalDate date, Integer sleepQuality, Integer energy, Integer soreness, Integer stress,
        Integer mood, Double sleepHours, List<PainSpot> pain, Set<String> redFlags) implements Readiness.Answers {

    public CheckIn {
        pain = pain == null ? List.of() : List.copyOf(pain);
        redFlags = redFlags == null ? Set.of() : Set.copyOf(redFlags);
    }

    /** Pain felt this morning in one area, 0 (none) to 10. */
    public record PainSpot(String area, int score) {
    }
}
