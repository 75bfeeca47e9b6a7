package dev.medius.routine.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the plan generator knows about an athlete: who they are, what they have, and what hurts. */
public record AthleteProfile(Level level, String sport, List<String> goals, Set<String> equipment,
        int sessionsPerWeek, int minutesPerSession, int weeks, LocalDate startDate, Set<String> painAreas,
        Set<String> exclusions) {

    public AthleteProfile {
        goals = goals == null ? List.of() : List.copyOf(goals);
        equipment = equipment == null ? Set.of() : Set.copyOf(equipment);
        painAreas = painAreas == null ? Set.of() : Set.copyOf(painAreas);
        exclusions = exclusions == null ? Set.of() : Set.copyOf(exclusions);
    }

    /** Training age, which sets the starting dose, the ceiling and the target effort (ACSM 2009). */
    public enum Level {
        BEGINNER, INTERMEDIATE, ADVANCED;

        public static Level of(String value) {
            return Level.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
