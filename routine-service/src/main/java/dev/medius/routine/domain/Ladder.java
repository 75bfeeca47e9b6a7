package dev.medius.routine.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.medius.events.catalog.ExercisePublished;

/**
 * How a plan moves on from week to week (docs/coaching.md, "Progression"): each strength-day item takes
 * its next dose step; at the top of its dose it moves up its ladder to the harder variation the athlete
 * may do, else takes an external load they own; all while its session stays within the minutes and the
 * week's volume within {@link PlanGenerator#MAX_WEEKLY_VOLUME_GROWTH} of the last loading week's. A new block swaps
 * an exercise that did not move during the last one for the next candidate of its block.
 */
final class Ladder {

    private final AthleteProfile profile;
    private final List<ExercisePublished> ranked;
    private final Map<String, ExercisePublished> bySlug = new HashMap<>();
    private final StartingDose dose;
    private final List<List<ExerciseChoice.Slot>> template;
    private final boolean[] strengthDay;
    private final int budgetSeconds;
    private final List<Set<String>> usedBySlot = new ArrayList<>();

    Ladder(AthleteProfile profile, List<ExercisePublished> ranked, StartingDose dose,
            List<List<ExerciseChoice.Slot>> template, boolean[] strengthDay, int budgetSeconds) {
        this.profile = profile;
        this.ranked = ranked;
        this.dose = dose;
        this.template = template;
        this.strengthDay = strengthDay;
        this.budgetSeconds = budgetSeconds;
        ranked.forEach(e -> bySlug.put(e.slug(), e));
        for (List<ExerciseChoice.Slot> slots : template) {
            usedBySlot.add(slots.stream().map(s -> s.exercise().slug()).collect(Collectors.toCollection(HashSet::new)));
        }
    }

    List<List<Plan.Item>> progress(List<List<Plan.Item>> week, int number) {
        return change(week, number, (slot, i, planned, session) -> {
            if (!strengthDay[slot]) {
                return planned;
            }
            Plan.Item next = DoseLadder.stepUp(planned, StartingDose.maxSets(profile.level()), "week " + number);
            return next != planned ? next : nextRung(slot, i, planned, session, number);
        });
    }

    /** A new block: what did not move during the last one gives way to the next candidate of its block. */
    List<List<Plan.Item>> rotate(List<List<Plan.Item>> week, List<List<Plan.Item>> blockStart, int number) {
        return change(week, number, (slot, i, planned, session) -> {
            Plan.Item start = blockStart.get(slot).get(i);
            if (!sameDose(start, planned)) {
                return planned;
            }
            String block = template.get(slot).get(i).block();
            Set<String> inSession = session.stream().map(Plan.Item::slug).collect(Collectors.toSet());
            for (ExercisePublished candidate : ranked) {
                if (block.equals(EvidenceRank.norm(candidate.category())) && !inSession.contains(candidate.slug())
                        && !usedBySlot.get(slot).contains(candidate.slug()) && patternRoom(session, planned, candidate)) {
                    usedBySlot.get(slot).add(candidate.slug());
                    return adjusted(dose.of(candidate, block, strengthDay[slot]),
                            "week " + number + ": new block, " + candidate.name() + " takes over from "
                                    + planned.name() + ", which held its dose through the last block");
                }
            }
            return planned;
        });
    }

    /** The harder variation the athlete may do, at its starting dose, else an external load they own. */
    private Plan.Item nextRung(int slot, int index, Plan.Item planned, List<Plan.Item> session, int number) {
        ExercisePublished current = bySlug.get(planned.slug());
        if (current == null) {
            return planned;
        }
        Set<String> inSession = session.stream().map(Plan.Item::slug).collect(Collectors.toSet());
        for (String harder : EvidenceRank.safe(current.harder())) {
            ExercisePublished next = bySlug.get(harder);
            if (next != null && !inSession.contains(harder) && patternRoom(session, planned, next)) {
                usedBySlot.get(slot).add(harder);
                String block = template.get(slot).get(index).block();
                return adjusted(dose.of(next, block, true),
                        "week " + number + ": " + planned.name() + " at the top of its dose, up the ladder to " + next.name());
            }
        }
        return externalLoad(current, planned, number);
    }

    /** A dumbbell or kettlebell for bodyweight strength work at its ceiling, dosed by reps in reserve (ACSM 2009). */
    private Plan.Item externalLoad(ExercisePublished exercise, Plan.Item planned, int number) {
        String weight = profile.equipment().contains("dumbbell") ? "dumbbell"
                : profile.equipment().contains("kettlebell") ? "kettlebell" : null;
        boolean loadable = weight != null && planned.targetReps() != null && planned.bandResistance() == null
                && "strength".equals(EvidenceRank.norm(exercise.category()))
                && LOADABLE_PATTERNS.contains(EvidenceRank.norm(exercise.pattern()))
                && EvidenceRank.safe(exercise.equipment()).stream().noneMatch(e -> e.equals("dumbbell") || e.equals("kettlebell"))
                && (planned.loadGuidance() == null || !planned.loadGuidance().startsWith(EXTERNAL_LOAD));
        if (!loadable) {
            return planned;
        }
        return planned.withDose(planned.sets(), planned.repsMin() == null ? planned.targetReps() : planned.repsMin(),
                null, null, "week " + number + ": top of the range at the most sets, now holding a " + weight)
                .withLoadGuidance(EXTERNAL_LOAD + weight + " heavy enough to leave 2-3 reps in reserve; add 2-10% once the top of the range is reached on two sessions in a row (ACSM 2009).");
    }

    private interface Step {
        Plan.Item apply(int slot, int index, Plan.Item planned, List<Plan.Item> session);
    }

    /** Applies a step to each item, holding any that would break the session's minutes or the volume bound. */
    private List<List<Plan.Item>> change(List<List<Plan.Item>> week, int number, Step step) {
        int before = weekVolume(week);
        int allowed = (int) Math.floor(before * (1 + PlanGenerator.MAX_WEEKLY_VOLUME_GROWTH));
        int volume = before;
        List<List<Plan.Item>> next = new ArrayList<>();
        for (int slot = 0; slot < week.size(); slot++) {
            List<Plan.Item> session = new ArrayList<>(week.get(slot));
            for (int i = 0; i < session.size(); i++) {
                Plan.Item planned = session.get(i);
                Plan.Item held = planned.adjustment() == null ? planned
                        : planned.withDose(planned.sets(), planned.targetReps(), planned.holdSeconds(),
                                planned.bandResistance(), "week " + number + ": dose held");
                Plan.Item after = step.apply(slot, i, planned, session);
                if (after == planned) {
                    session.set(i, held);
                    continue;
                }
                int grown = volume - planned.volume() + after.volume();
                session.set(i, after);
                if (grown > allowed || totalSeconds(session) > budgetSeconds) {
                    // the time budget and the volume bound win over progression: hold this dose
                    session.set(i, held);
                } else {
                    volume = grown;
                }
            }
            next.add(session);
        }
        return next;
    }

    static final String EXTERNAL_LOAD = "Hold a ";
    static final Set<String> LOADABLE_PATTERNS = Set.of("squat", "lunge", "step", "hinge", "bridge", "calf-raise");

    private static boolean sameDose(Plan.Item a, Plan.Item b) {
        return a.exerciseId().equals(b.exerciseId()) && a.sets() == b.sets()
                && Objects.equals(a.targetReps(), b.targetReps())
                && Objects.equals(a.holdSeconds(), b.holdSeconds())
                && Objects.equals(a.bandResistance(), b.bandResistance())
                && Objects.equals(a.loadGuidance(), b.loadGuidance());
    }

    /** Whether the candidate may take the planned item's place without a third item of one pattern in the session. */
    private static boolean patternRoom(List<Plan.Item> session, Plan.Item planned, ExercisePublished candidate) {
        String pattern = EvidenceRank.norm(candidate.pattern());
        long same = session.stream().filter(item -> item != planned && EvidenceRank.norm(item.pattern()).equals(pattern))
                .count();
        return same < 2;
    }

    private static Plan.Item adjusted(Plan.Item item, String why) {
        return item.withDose(item.sets(), item.targetReps(), item.holdSeconds(), item.bandResistance(), why);
    }

    static int weekVolume(List<List<Plan.Item>> sessions) {
        return sessions.stream().flatMap(List::stream).mapToInt(Plan.Item::volume).sum();
    }

    private static int totalSeconds(List<Plan.Item> items) {
        return items.stream().mapToInt(SessionTime::seconds).sum();
    }
}
