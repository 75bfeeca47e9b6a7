package dev.medius.routine.domain;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.medius.events.catalog.ExercisePublished;

/**
 * Orders exercises by how well the evidence supports them for this athlete: the conditions they
 * address among the athlete's goals, whether the gluteus medius is a prime mover and how strongly it
 * was measured to work (%MVIC), the founding article's exercises, and the number of cited sources.
 * Ties break on slug so the order never depends on arrival order.
 */
public final class EvidenceRank {

    public static final String TARGET_MUSCLE = "gluteus-medius";
    /** The article the library grew from; its three exercises anchor every gluteus medius plan. */
    public static final String SEED_SOURCE = "medius-seed-2020";

    private static final Map<String, List<String>> GOAL_CONDITIONS = Map.of(
            "knee", List.of("knee-injury", "acl-injury", "patellofemoral-pain"),
            "acl", List.of("acl-injury"),
            "patellofemoral", List.of("patellofemoral-pain"),
            "ankle", List.of("ankle-sprain"),
            "low-back", List.of("low-back-pain"),
            "glute-activation", List.of("gluteal-amnesia"),
            "hip", List.of("hip-pain"));

    private static final Map<String, List<String>> SPORT_CONDITIONS = Map.of(
            "running", List.of("patellofemoral-pain", "knee-injury"),
            "cycling", List.of("knee-injury", "low-back-pain"),
            "soccer", List.of("acl-injury", "ankle-sprain"),
            "desk-bound", List.of("gluteal-amnesia", "low-back-pain"),
            "general", List.of());

    private EvidenceRank() {
    }

    /** The conditions a plan for this athlete should work against. */
    public static Set<String> targetConditions(AthleteProfile profile) {
        Set<String> conditions = new LinkedHashSet<>();
        profile.goals().forEach(goal -> conditions.addAll(GOAL_CONDITIONS.getOrDefault(norm(goal), List.of(norm(goal)))));
        if (profile.sport() != null) {
            conditions.addAll(SPORT_CONDITIONS.getOrDefault(norm(profile.sport()), List.of()));
        }
        // a painful area in the history is a reason to protect it, not only to avoid loading it
        profile.painAreas().forEach(area -> conditions.addAll(GOAL_CONDITIONS.getOrDefault(norm(area), List.of())));
        return conditions;
    }

    public static double score(ExercisePublished exercise, Set<String> targetConditions) {
        double score = 0;
        for (String condition : safe(exercise.conditions())) {
            if (targetConditions.contains(norm(condition))) {
                score += 10;
            }
        }
        for (ExercisePublished.MuscleWork work : safe(exercise.muscles())) {
            if (TARGET_MUSCLE.equals(work.muscle())) {
                score += "primary".equals(work.role()) ? 20 : 5;
                if (work.activationMvicPercent() != null) {
                    score += work.activationMvicPercent() / 10.0;
                }
            }
        }
        List<String> sources = safe(exercise.sourceKeys());
        if (sources.contains(SEED_SOURCE)) {
            score += 25;
        }
        score += 2.0 * sources.size();
        return score;
    }

    public static Comparator<ExercisePublished> order(Set<String> targetConditions) {
        return Comparator.<ExercisePublished>comparingDouble(e -> -score(e, targetConditions))
                .thenComparing(ExercisePublished::slug)
                .thenComparing(e -> e.exerciseId().toString());
    }

    static String norm(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    static <T> List<T> safe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
