package dev.medius.routine.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.medius.events.catalog.ExercisePublished;

/**
 * Chooses each session's exercises for the first week: evidence-ranked within each block, patterns varied inside a
 * session and rotated across the week, strength work first on strength days, all within part of the minutes.
 */
final class ExerciseChoice {

    /** Share of the session budget the first week may fill, leaving room for later weeks' progression. */
    static final double FIRST_WEEK_FILL = 0.7;
    static final int MAX_ITEMS_PER_SESSION = 7;
    static final int MAX_ITEMS_PER_RECOVERY_SESSION = 4;

    /** An exercise chosen for a session slot, in its block, with its first-week dose. */
    record Slot(String block, ExercisePublished exercise, Plan.Item item) {
    }

    private final List<ExercisePublished> ranked;
    private final StartingDose dose;

    ExerciseChoice(List<ExercisePublished> ranked, StartingDose dose) {
        this.ranked = ranked;
        this.dose = dose;
    }

    /** The exercises of one session of the week, in block order, filling part of the budget to leave room to grow. */
    List<Slot> session(int slot, int budgetSeconds, boolean strengthDay) {
        List<Slot> chosen = new ArrayList<>();
        int fill = (int) (budgetSeconds * FIRST_WEEK_FILL);
        int used = 0;
        boolean added = true;
        int maxItems = strengthDay ? MAX_ITEMS_PER_SESSION : MAX_ITEMS_PER_RECOVERY_SESSION;
        for (int round = 0; added && chosen.size() < maxItems; round++) {
            added = false;
            // strength leads from the second round on: larger, multi-joint work before small (ACSM 2009)
            List<String> order = !strengthDay ? PlanGenerator.RECOVERY_DAY_BLOCKS
                    : round == 0 ? PlanGenerator.STRENGTH_DAY_BLOCKS : List.of("strength", "activation", "stability");
            for (String block : order) {
                if (chosen.size() >= maxItems) {
                    break;
                }
                Slot next = pick(block, slot, chosen, fill - used, strengthDay);
                if (next != null) {
                    chosen.add(next);
                    used += SessionTime.seconds(next.item());
                    added = true;
                }
            }
        }
        if (chosen.isEmpty()) {
            // a very short session still gets its single best exercise, at one set, if that fits at all
            for (ExercisePublished exercise : ranked) {
                String block = EvidenceRank.norm(exercise.category());
                if (!(strengthDay ? PlanGenerator.STRENGTH_DAY_BLOCKS : PlanGenerator.RECOVERY_DAY_BLOCKS).contains(block)) {
                    continue;
                }
                Plan.Item item = dose.of(exercise, block, strengthDay);
                item = item.withDose(1, item.targetReps(), item.holdSeconds(), item.bandResistance(), null);
                if (SessionTime.seconds(item) <= budgetSeconds) {
                    chosen.add(new Slot(block, exercise, item));
                    break;
                }
            }
        }
        if (chosen.isEmpty() && !strengthDay) {
            // nothing low-load to be had: a strength exercise done as one easy set is the recovery day's activation
            for (ExercisePublished exercise : ranked) {
                Plan.Item item = dose.of(exercise, "activation", false);
                if (SessionTime.seconds(item) <= budgetSeconds) {
                    chosen.add(new Slot("activation", exercise, item));
                    break;
                }
            }
        }
        chosen.sort(Comparator.comparingInt(s -> PlanGenerator.BLOCKS.indexOf(s.block())));
        return chosen;
    }

    private Slot pick(String block, int slot, List<Slot> chosen, int secondsLeft, boolean strengthDay) {
        List<ExercisePublished> candidates = ranked.stream()
                .filter(e -> block.equals(EvidenceRank.norm(e.category())))
                .collect(Collectors.toList());
        if (candidates.isEmpty()) {
            return null;
        }
        Set<String> usedSlugs = chosen.stream().map(s -> s.exercise().slug()).collect(Collectors.toSet());
        Set<String> usedPatterns = chosen.stream().map(s -> EvidenceRank.norm(s.exercise().pattern()))
                .collect(Collectors.toSet());
        // the first session of the week takes the best-ranked; later ones rotate, so the week covers more patterns
        int start = slot % candidates.size();
        Slot fallback = null;
        for (int i = 0; i < candidates.size(); i++) {
            ExercisePublished exercise = candidates.get((start + i) % candidates.size());
            if (usedSlugs.contains(exercise.slug())) {
                continue;
            }
            Plan.Item item = dose.of(exercise, block, strengthDay);
            if (SessionTime.seconds(item) > secondsLeft) {
                continue;
            }
            if (!usedPatterns.contains(EvidenceRank.norm(exercise.pattern()))) {
                return new Slot(block, exercise, item);
            }
            if (fallback == null) {
                fallback = new Slot(block, exercise, item);
            }
        }
        // a repeated pattern only once the others are used up, and never more than twice in a session
        if (fallback == null) {
            return null;
        }
        String pattern = EvidenceRank.norm(fallback.exercise().pattern());
        long samePattern = chosen.stream().filter(s -> EvidenceRank.norm(s.exercise().pattern()).equals(pattern)).count();
        return samePattern < 2 ? fallback : null;
    }
}
