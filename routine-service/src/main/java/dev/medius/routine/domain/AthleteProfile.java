package dev.medius.routine.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the plan generator knows about an athlete: who they are, what they have, what hurts and how,
 * and what a screening found. Every word is a canonical value of {@link Terms}.
 */
public record AthleteProfile(Level level, String sport, List<String> goals, Set<String> equipment,
        int sessionsPerWeek, int minutesPerSession, int weeks, LocalDate startDate, List<Pain> pain,
        Set<String> exclusions, Set<String> redFlags) {

    public AthleteProfile {
        goals = goals == null ? List.of() : List.copyOf(goals);
        equipment = equipment == null ? Set.of() : Set.copyOf(equipment);
        pain = pain == null ? List.of() : List.copyOf(pain);
        exclusions = exclusions == null ? Set.of() : Set.copyOf(exclusions);
        redFlags = redFlags == null ? Set.of() : Set.copyOf(redFlags);
    }

    /** A profile without screening findings, the pain given as areas of acute pain of unknown severity. */
    public static AthleteProfile of(Level level, String sport, List<String> goals, Set<String> equipment,
            int sessionsPerWeek, int minutesPerSession, int weeks, LocalDate startDate, Set<String> painAreas,
            Set<String> exclusions) {
        List<Pain> pain = painAreas == null ? List.of()
                : painAreas.stream().sorted().map(area -> new Pain(area, null, Pain.ACUTE)).toList();
        return new AthleteProfile(level, sport, goals, equipment, sessionsPerWeek, minutesPerSession, weeks, startDate,
                pain, exclusions, Set.of());
    }

    /** Areas that hurt now (acute or persistent pain), which no exercise may load. */
    public Set<String> painAreas() {
        return pain.stream().filter(Pain::current).map(Pain::area).collect(Collectors.toSet());
    }

    /**
     * Pain in one area: severity 0-10 (null when not given) and onset: acute (under six weeks), persistent or
     * history (settled). Pain given without an onset is taken as acute, the most careful reading.
     */
    public record Pain(String area, Integer severity, String onset) {

        public static final String ACUTE = "acute";
        public static final String PERSISTENT = "persistent";
        public static final String HISTORY = "history";

        public Pain {
            onset = onset == null ? ACUTE : onset;
        }

        public boolean current() {
            return !HISTORY.equals(onset);
        }
    }

    /** Training age, which sets the starting dose, the ceiling and the target effort (ACSM 2009). */
    public enum Level {
        BEGINNER, INTERMEDIATE, ADVANCED;

        public static Level of(String value) {
            return Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The article before the level's label: "a beginner", "an advanced" athlete. */
        public String article() {
            return this == INTERMEDIATE || this == ADVANCED ? "an" : "a";
        }
    }
}
