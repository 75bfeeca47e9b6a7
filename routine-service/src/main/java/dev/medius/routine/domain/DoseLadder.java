package dev.medius.routine.domain;

import java.util.List;
import java.util.Locale;

/**
 * The steps a dose climbs: repetitions to the top of the range, then one more set, then a stronger
 * band (ACSM 2009: progress once the target is exceeded; Lewis 2019: band position and tension as a
 * difficulty ladder). Holds grow by five seconds up to a minute, then by a set.
 */
public final class DoseLadder {

    /** Band strengths from the lightest up: the last rung of a banded exercise's ladder. */
    public static final List<String> BAND_RESISTANCES = List.of("light", "medium", "heavy");
    static final int REP_STEP = 2;
    static final int HOLD_STEP_SECONDS = 5;
    static final int HOLD_CEILING_SECONDS = 60;

    private DoseLadder() {
    }

    /** The next dose up, or the same instance when the item is at the top of its ladder. */
    public static Plan.Item stepUp(Plan.Item item, int maxSets, String why) {
        if (item.targetReps() != null) {
            int max = item.repsMax() == null ? item.targetReps() : item.repsMax();
            if (item.targetReps() < max) {
                int reps = Math.min(max, item.targetReps() + REP_STEP);
                return item.withDose(item.sets(), reps, null, item.bandResistance(),
                        String.format(Locale.ROOT, "%s: reps %d -> %d toward the top of the range", why,
                                item.targetReps(), reps));
            }
        } else if (item.holdSeconds() != null && item.holdSeconds() < HOLD_CEILING_SECONDS) {
            int hold = Math.min(HOLD_CEILING_SECONDS, item.holdSeconds() + HOLD_STEP_SECONDS);
            return item.withDose(item.sets(), null, hold, item.bandResistance(),
                    String.format(Locale.ROOT, "%s: hold %d s -> %d s", why, item.holdSeconds(), hold));
        }
        if (item.sets() < maxSets) {
            return item.withDose(item.sets() + 1, item.targetReps(), item.holdSeconds(), item.bandResistance(),
                    String.format(Locale.ROOT, "%s: top of the range reached, sets %d -> %d", why, item.sets(),
                            item.sets() + 1));
        }
        int band = item.bandResistance() == null ? -1 : BAND_RESISTANCES.indexOf(item.bandResistance());
        if (band >= 0 && band < BAND_RESISTANCES.size() - 1) {
            String stronger = BAND_RESISTANCES.get(band + 1);
            return item.withDose(item.sets(), item.targetReps(), item.holdSeconds(), stronger,
                    String.format(Locale.ROOT, "%s: sets and reps at their ceiling, band %s -> %s", why,
                            item.bandResistance(), stronger));
        }
        return item;
    }

    /** A lighter week: one set fewer, reps at the bottom of the range, shorter holds, the band kept. */
    public static Plan.Item deload(Plan.Item item) {
        int sets = Math.max(1, item.sets() - 1);
        Integer reps = item.targetReps() == null ? null
                : item.repsMin() == null ? item.targetReps() : Math.min(item.repsMin(), item.targetReps());
        Integer hold = item.holdSeconds() == null ? null : Math.max(HOLD_STEP_SECONDS, item.holdSeconds() - 10);
        return item.withDose(sets, reps, hold, item.bandResistance(),
                "lighter week: one set fewer and the easy end of the range, to absorb the previous weeks");
    }

    /** One step down, for a session that hurt or was too hard: a set fewer, else reps or hold time down. */
    public static Plan.Item stepDown(Plan.Item item, String why) {
        if (item.sets() > 1) {
            return item.withDose(item.sets() - 1, item.targetReps(), item.holdSeconds(), item.bandResistance(), why);
        }
        if (item.targetReps() != null && item.repsMin() != null && item.targetReps() > item.repsMin()) {
            return item.withDose(item.sets(), item.repsMin(), null, item.bandResistance(), why);
        }
        if (item.holdSeconds() != null && item.holdSeconds() > HOLD_STEP_SECONDS) {
            return item.withDose(item.sets(), null, Math.max(HOLD_STEP_SECONDS, item.holdSeconds() - 10),
                    item.bandResistance(), why);
        }
        return item.withDose(item.sets(), item.targetReps(), item.holdSeconds(), item.bandResistance(), why);
    }
}
