package dev.medius.routine.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.domain.AthleteProfile.Level;

/**
 * The dose an exercise starts at in an athlete's plan (ACSM 2009 by level), with the pain rule it carries; on a
 * recovery day the same exercise is done light.
 */
final class StartingDose {

    /** Effort of a low-load recovery session: easy, far from fatigue. */
    static final double RECOVERY_RPE = 4;

    private final AthleteProfile profile;
    private final Set<String> conditions;
    private final String language;

    StartingDose(AthleteProfile profile, Set<String> conditions, String language) {
        this.profile = profile;
        this.conditions = conditions;
        this.language = language;
    }

    /** The exercise's first dose in a block of a strength or a recovery day, with its pain rule. */
    Plan.Item of(ExercisePublished exercise, String block, boolean strengthDay) {
        Plan.Item item = first(profile, exercise, conditions, block)
                .withPainMonitoring(SafetyText.item(Contraindications.loadedPainfulArea(profile, exercise), language));
        if (strengthDay) {
            return item;
        }
        // a recovery day's work stays light: one set, the easy end of the range, far from fatigue
        Integer reps = item.targetReps() == null ? null : item.repsMin();
        return item.withDose(1, reps, item.holdSeconds(),
                item.bandResistance() == null ? null : DoseLadder.BAND_RESISTANCES.get(0), null)
                .withTargetRpe(RECOVERY_RPE);
    }

    /**
     * The starting dose: the catalog's prescription as written for an athlete of the exercise's own level
     * (so the founding article's doses reach its readers unchanged), sets shaped to a higher level's range.
     */
    static Plan.Item first(AthleteProfile profile, ExercisePublished exercise, Set<String> conditions, String block) {
        var prescription = exercise.prescription();
        int catalogSets = prescription == null ? 2 : prescription.sets();
        int sets = Eligibility.levelOf(exercise) == profile.level() ? Math.min(catalogSets, maxSets(profile.level()))
                : switch (profile.level()) {
                    case BEGINNER -> Math.max(1, Math.min(catalogSets, 2));
                    case INTERMEDIATE -> Math.max(2, Math.min(catalogSets, 3));
                    case ADVANCED -> Math.max(3, Math.min(catalogSets, 4));
                };
        Integer repsMin = prescription == null ? null : prescription.repsMin();
        Integer repsMax = prescription == null ? null : prescription.repsMax();
        Integer hold = prescription == null ? null : prescription.holdSeconds();
        if (repsMin == null && hold == null) {
            repsMin = 10;
            repsMax = 15;
        }
        if (repsMin != null && (repsMax == null || repsMax < repsMin)) {
            repsMax = repsMin;
        }
        boolean perSide = (prescription != null && prescription.perSide())
                || "per-side".equals(EvidenceRank.norm(exercise.laterality()));
        Integer rest = prescription == null || prescription.restSeconds() == null ? 45 : prescription.restSeconds();
        String tempo = prescription == null ? null : prescription.tempo();
        boolean banded = isBanded(exercise);
        String bandPlacement = prescription == null ? null : prescription.bandPlacement();
        String band = banded ? DoseLadder.BAND_RESISTANCES.get(Math.min(profile.level().ordinal(), 1)) : null;
        String loadGuidance = loadGuidance(exercise, banded);
        double rpe = targetRpe(profile.level());
        List<String> muscles = EvidenceRank.safe(exercise.muscles()).stream().map(ExercisePublished.MuscleWork::muscle)
                .collect(Collectors.toList());
        Plan.Item item = new Plan.Item(exercise.exerciseId().toString(), exercise.slug(), exercise.name(),
                exercise.pattern(), muscles, sets, repsMin, repsMax, repsMin, repsMin == null ? hold : null, perSide,
                rest, tempo, bandPlacement, band, loadGuidance, rpe,
                Rationale.of(profile, exercise, conditions, block), exercise.sourceKeys(), null, 0, null);
        return item.withEstimatedMinutes(SessionTime.minutes(item));
    }

    /** The most sets a level's plan climbs to before the band gets stronger (ACSM 2009: 1-3 sets for novices). */
    static int maxSets(Level level) {
        return switch (level) {
            case BEGINNER -> 3;
            case INTERMEDIATE -> 4;
            case ADVANCED -> 5;
        };
    }

    static double targetRpe(Level level) {
        return switch (level) {
            case BEGINNER -> 6;
            case INTERMEDIATE -> 7;
            case ADVANCED -> 8;
        };
    }

    static boolean isBanded(ExercisePublished exercise) {
        return EvidenceRank.safe(exercise.equipment()).stream().map(EvidenceRank::norm).anyMatch(e -> e.contains("band"))
                || (exercise.prescription() != null && exercise.prescription().bandPlacement() != null);
    }

    private static String loadGuidance(ExercisePublished exercise, boolean banded) {
        if (banded) {
            return "Band tension on every rep; move to the next band once all sets reach the top of the range at RPE 7 or less.";
        }
        boolean loaded = EvidenceRank.safe(exercise.equipment()).stream().map(EvidenceRank::norm)
                .anyMatch(e -> e.equals("dumbbell") || e.equals("kettlebell") || e.equals("cable") || e.equals("machine"));
        if (loaded) {
            return "Choose a load that leaves 2-3 reps in reserve; add 2-10% once the top of the range is reached on two sessions in a row.";
        }
        return "Bodyweight; slow the tempo before adding range or a harder variation.";
    }
}
