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
 * address among the athlete's goals and sport, whether the gluteus medius is a prime mover, and what
 * studies measured or tested on that very exercise (its findings: activation, a prevention trial, the
 * founding article's own dose). A source cited for another exercise counts for nothing here. Pain never
 * raises a score: an exercise that loads a painful area, even a settled one, scores lower. Ties break on
 * slug so the order never depends on arrival order.
 */
public final class EvidenceRank {

    public static final String TARGET_MUSCLE = "gluteus-medius";
    /** The article the library grew from; the exercises it prescribes anchor every gluteus medius plan. */
    public static final String SEED_SOURCE = "medius-seed-2020";
    static final double PAINFUL_AREA_PENALTY = 30;

    private static final Map<String, List<String>> GOAL_CONDITIONS = Map.of(
            "knee", List.of("knee-injury", "acl-injury", "patellofemoral-pain"),
            "acl", List.of("acl-injury"),
            "patellofemoral", List.of("patellofemoral-pain"),
            "ankle", List.of("ankle-sprain"),
            "low-back", List.of("low-back-pain"),
            "glute-activation", List.of("gluteal-amnesia"),
            "hip", List.of("hip-pain"),
            "groin", List.of("groin-injury"),
            "hamstring", List.of("hamstring-strain"));

    private static final Map<String, List<String>> SPORT_CONDITIONS = Map.of(
            "running", List.of("patellofemoral-pain", "knee-injury"),
            "cycling", List.of("knee-injury", "low-back-pain"),
            "soccer", List.of("acl-injury", "ankle-sprain", "groin-injury", "hamstring-strain"),
            "desk-bound", List.of("gluteal-amnesia", "low-back-pain"),
            "general", List.of());

    private EvidenceRank() {
    }

    /** The conditions a plan for this athlete should work against: from goals and sport, never from pain. */
    public static Set<String> targetConditions(AthleteProfile profile) {
        Set<String> conditions = new LinkedHashSet<>();
        profile.goals().forEach(goal -> conditions.addAll(GOAL_CONDITIONS.getOrDefault(norm(goal), List.of())));
        if (profile.sport() != null) {
            conditions.addAll(SPORT_CONDITIONS.getOrDefault(norm(profile.sport()), List.of()));
        }
        return conditions;
    }

    /** The score for an athlete: the evidence score, lowered for each reported pain area the exercise loads. */
    public static double score(ExercisePublished exercise, Set<String> targetConditions, AthleteProfile profile) {
        double score = score(exercise, targetConditions);
        for (AthleteProfile.Pain pain : profile.pain()) {
            if (Contraindications.loads(exercise, pain.area())) {
                score -= PAINFUL_AREA_PENALTY;
            }
        }
        return score;
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
            }
        }
        double activation = 0;
        Set<String> sources = new LinkedHashSet<>();
        for (ExercisePublished.Finding finding : exercise.findings()) {
            if (finding.sourceKey() == null || finding.measure() == null) {
                continue;
            }
            sources.add(finding.sourceKey());
            switch (finding.measure()) {
                case "gluteus-medius-mvic" -> activation = Math.max(activation, finding.value() == null ? 0 : finding.value());
                case "injury-risk-reduction" -> score += 10;
                case "prescribed-dose" -> score += SEED_SOURCE.equals(finding.sourceKey()) ? 25 : 0;
                default -> {
                }
            }
        }
        score += Math.min(activation, 120) / 10.0;
        score += 2.0 * sources.size();
        return score;
    }

    public static Comparator<ExercisePublished> order(Set<String> targetConditions, AthleteProfile profile) {
        return Comparator.<ExercisePublished>comparingDouble(e -> -score(e, targetConditions, profile))
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
