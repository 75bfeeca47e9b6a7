package dev.medius.routine.domain;

import java.util.List;
import java.util.Locale;

import dev.medius.events.routine.SessionCompleted.PerformedSet;

/**
 * What a logged exercise means for the next sessions. All sets at the top of the range at moderate
 * effort (RPE 7 or less) with little pain (2 or less) earns the next step (ACSM 2009: progress once the
 * target is exceeded); pain of 5 or more, or near-maximal effort (RPE 9 or more), steps back, to the
 * easier variation where there is one. Anything else holds the dose.
 */
public final class Adaptation {

    public static final double PROGRESS_MAX_RPE = 7;
    public static final int PROGRESS_MAX_PAIN = 2;
    public static final int REGRESS_MIN_PAIN = 5;
    public static final double REGRESS_MIN_RPE = 9;

    public enum Kind {
        PROGRESS, HOLD, REGRESS
    }

    public record Decision(Kind kind, String reason) {
    }

    private Adaptation() {
    }

    public static Decision decide(Plan.Item item, List<PerformedSet> sets, Double sessionRpe, int pain, String painArea) {
        Double effort = effort(sets, sessionRpe);
        String where = painArea == null || painArea.isBlank() ? "" : " (" + painArea + ")";
        if (pain >= REGRESS_MIN_PAIN) {
            return new Decision(Kind.REGRESS, String.format(Locale.ROOT,
                    "pain %d/10%s reported after %s: stepping back", pain, where, item.slug()));
        }
        if (effort != null && effort >= REGRESS_MIN_RPE) {
            return new Decision(Kind.REGRESS, String.format(Locale.ROOT,
                    "effort RPE %.1f on %s is near maximal: stepping back", effort, item.slug()));
        }
        boolean allAtTop = !sets.isEmpty() && sets.size() >= item.sets() && sets.stream().allMatch(set -> atTop(item, set));
        if (allAtTop && effort != null && effort <= PROGRESS_MAX_RPE && pain <= PROGRESS_MAX_PAIN) {
            return new Decision(Kind.PROGRESS, String.format(Locale.ROOT,
                    "all %d sets of %s reached the top of the range at RPE %.1f with pain %d/10: next step",
                    sets.size(), item.slug(), effort, pain));
        }
        return new Decision(Kind.HOLD, String.format(Locale.ROOT, "%s: dose held (%s)", item.slug(),
                !allAtTop ? "not every set reached the top of the range"
                        : effort == null ? "no effort reported" : "effort or pain above the progression threshold"));
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

    private static boolean atTop(Plan.Item item, PerformedSet set) {
        if (item.targetReps() != null || item.repsMax() != null) {
            int top = item.repsMax() != null ? item.repsMax() : item.targetReps();
            return set.reps() != null && set.reps() >= top;
        }
        return item.holdSeconds() != null && set.holdSeconds() != null && set.holdSeconds() >= item.holdSeconds();
    }
}
