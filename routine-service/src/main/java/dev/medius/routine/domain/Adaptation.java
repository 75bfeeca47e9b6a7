package dev.medius.routine.domain;

import java.util.List;
import java.util.Locale;

import dev.medius.events.routine.SessionCompleted.PerformedSet;

/**
 * What a logged exercise means for the next sessions (docs/coaching.md, "Adaptation"). Load goes up only
 * after two sessions in a row above target: every set at least one rep beyond the target (or the full hold) at moderate effort (RPE 7
 * or less) with little pain (2 or less) (ACSM 2009's two-for-two rule). Pain of 5 or more steps back to an
 * easier variation where a safe one exists; near-maximal effort (RPE 9 or more) without such pain first
 * eases the dose. Anything else holds it.
 */
public final class Adaptation {

    public static final double PROGRESS_MAX_RPE = 7;
    public static final int PROGRESS_MAX_PAIN = 2;
    public static final int REGRESS_MIN_PAIN = 5;
    public static final double REGRESS_MIN_RPE = 9;

    public enum Kind {
        PROGRESS, HOLD, EASE, REGRESS
    }

    /**
     * The decision, its reason, and whether this session counts as the first of two above target: a step up
     * uses the pair, so the next step needs two sessions above the new dose.
     */
    public record Decision(Kind kind, String reason, boolean aboveTarget) {
    }

    private Adaptation() {
    }

    public static Decision decide(Plan.Item item, List<PerformedSet> sets, Double sessionRpe, int pain, String painArea,
            boolean previousAboveTarget) {
        Double effort = effort(sets, sessionRpe);
        String where = painArea == null || painArea.isBlank() ? "" : " (" + painArea + ")";
        if (pain >= REGRESS_MIN_PAIN) {
            return new Decision(Kind.REGRESS, String.format(Locale.ROOT,
                    "pain %d/10%s reported after %s: stepping back", pain, where, item.slug()), false);
        }
        if (effort != null && effort >= REGRESS_MIN_RPE) {
            return new Decision(Kind.EASE, String.format(Locale.ROOT,
                    "effort RPE %.1f on %s is near maximal: easing the dose", effort, item.slug()), false);
        }
        boolean allAtTop = !sets.isEmpty() && sets.size() >= item.sets() && sets.stream().allMatch(set -> atTop(item, set));
        if (allAtTop && effort != null && effort <= PROGRESS_MAX_RPE && pain <= PROGRESS_MAX_PAIN) {
            if (!previousAboveTarget) {
                return new Decision(Kind.HOLD, String.format(Locale.ROOT,
                        "%s: all %d sets above target at RPE %.1f; one more such session before the load goes up (two-for-two)",
                        item.slug(), sets.size(), effort), true);
            }
            return new Decision(Kind.PROGRESS, String.format(Locale.ROOT,
                    "all %d sets of %s above target at RPE %.1f with pain %d/10, the second session in a row: next step",
                    sets.size(), item.slug(), effort, pain), false);
        }
        return new Decision(Kind.HOLD, String.format(Locale.ROOT, "%s: dose held (%s)", item.slug(),
                !allAtTop ? "not every set went beyond the target"
                        : effort == null ? "no effort reported" : "effort or pain above the progression threshold"),
                false);
    }

    /** The hardest effort reported: set RPE, else 10 minus reps in reserve, else the session RPE. */
    static Double effort(List<PerformedSet> sets, Double sessionRpe) {
        Double hardest = null;
        for (PerformedSet set : sets) {
            Double value = set.rpe() != null ? set.rpe() : set.repsInReserve() != null ? 10.0 - set.repsInReserve() : null;
            if (value != null && (hardest == null || value > hardest)) {
                hardest = value;
            }
        }
        return hardest != null ? hardest : sessionRpe;
    }

    /** A set above target: at least one rep beyond the prescribed reps (ACSM 2009: 1-2 beyond), or the full hold. */
    static boolean atTop(Plan.Item item, PerformedSet set) {
        if (item.targetReps() != null || item.repsMax() != null) {
            int target = item.targetReps() != null ? item.targetReps() : item.repsMax();
            return set.reps() != null && set.reps() > target;
        }
        return item.holdSeconds() != null && set.holdSeconds() != null && set.holdSeconds() >= item.holdSeconds();
    }
}
