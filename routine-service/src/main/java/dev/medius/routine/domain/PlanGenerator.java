package dev.medius.routine.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.domain.AthleteProfile.Level;

/**
 * Builds a plan from an athlete profile and the exercises the athlete may use. Pure and
 * deterministic: the same profile and catalog give the same plan, with no clock and no randomness.
 *
 * <p>Rules: only exercises whose equipment the athlete has (bodyweight always), none excluded and none
 * whose pain areas or contraindications name a painful area; evidence-ranked choice with patterns
 * varied inside a session; ACSM-style dose by level; week-to-week progression (reps to the top of the
 * range, then a set, then a stronger band), a lighter week every {@value #DELOAD_EVERY} weeks; every
 * session within the athlete's minutes.
 */
public final class PlanGenerator {

    public static final int DELOAD_EVERY = 4;
    public static final List<String> BLOCKS = List.of("activation", "strength", "stability");
    public static final List<String> BAND_RESISTANCES = List.of("light", "medium", "heavy");
    public static final String BODYWEIGHT = "bodyweight";
    /** Share of the session budget the first week may fill, leaving room for later weeks' progression. */
    static final double FIRST_WEEK_FILL = 0.7;
    static final int MAX_ITEMS_PER_SESSION = 7;

    /** Days after the week's first session on which the others fall, leaving rest days where the count allows. */
    static final int[][] WEEK_LAYOUT = { {}, { 0 }, { 0, 3 }, { 0, 2, 4 }, { 0, 1, 3, 4 }, { 0, 1, 2, 3, 4 },
            { 0, 1, 2, 3, 4, 5 }, { 0, 1, 2, 3, 4, 5, 6 } };

    /** Exercises the athlete can do: equipment at hand, level within reach, nothing excluded or painful. */
    public static List<ExercisePublished> eligible(AthleteProfile profile, Collection<ExercisePublished> catalog) {
        Set<String> equipment = profile.equipment().stream().map(EvidenceRank::norm).collect(Collectors.toSet());
        equipment.add(BODYWEIGHT);
        Set<String> pain = profile.painAreas().stream().map(EvidenceRank::norm).collect(Collectors.toSet());
        Set<String> excluded = profile.exclusions().stream().map(EvidenceRank::norm).collect(Collectors.toSet());
        return catalog.stream()
                .filter(e -> BLOCKS.contains(EvidenceRank.norm(e.category())))
                .filter(e -> levelOf(e).ordinal() <= profile.level().ordinal())
                .filter(e -> EvidenceRank.safe(e.equipment()).stream().map(EvidenceRank::norm).allMatch(equipment::contains))
                .filter(e -> !excluded.contains(EvidenceRank.norm(e.slug()))
                        && !excluded.contains(EvidenceRank.norm(e.exerciseId().toString())))
                .filter(e -> EvidenceRank.safe(e.painAreasToAvoid()).stream().map(EvidenceRank::norm).noneMatch(pain::contains))
                .filter(e -> EvidenceRank.safe(e.contraindications()).stream().map(EvidenceRank::norm).noneMatch(pain::contains))
                .collect(Collectors.toList());
    }

    public Plan generate(AthleteProfile profile, Collection<ExercisePublished> catalog) {
        Set<String> conditions = EvidenceRank.targetConditions(profile);
        List<ExercisePublished> ranked = eligible(profile, catalog).stream()
                .sorted(EvidenceRank.order(conditions))
                .collect(Collectors.toList());
        if (ranked.isEmpty()) {
            throw new NoEligibleExercise();
        }
        int budgetSeconds = profile.minutesPerSession() * 60;
        List<List<Slot>> weekTemplate = new ArrayList<>();
        for (int slot = 0; slot < profile.sessionsPerWeek(); slot++) {
            weekTemplate.add(chooseSession(profile, ranked, conditions, slot, budgetSeconds));
        }

        List<Plan.Week> weeks = new ArrayList<>();
        List<List<Plan.Item>> current = new ArrayList<>();
        for (List<Slot> slots : weekTemplate) {
            current.add(slots.stream().map(Slot::item).collect(Collectors.toList()));
        }
        int[] layout = WEEK_LAYOUT[Math.min(profile.sessionsPerWeek(), 7)];
        for (int week = 1; week <= profile.weeks(); week++) {
            boolean deload = week % DELOAD_EVERY == 0;
            if (week > 1 && !deload) {
                current = progress(current, budgetSeconds, week, maxSets(profile.level()));
            }
            List<Plan.Session> sessions = new ArrayList<>();
            for (int slot = 0; slot < profile.sessionsPerWeek(); slot++) {
                List<Plan.Item> items = deload ? lighten(current.get(slot)) : current.get(slot);
                int dayOffset = (week - 1) * 7 + layout[slot];
                LocalDate date = profile.startDate().plusDays(dayOffset);
                sessions.add(session(week, slot, dayOffset, date, items, weekTemplate.get(slot), deload));
            }
            weeks.add(new Plan.Week(week, deload, sessions));
        }
        String title = String.format(Locale.ROOT, "%s %s plan: %d weeks, %d x %d min",
                capitalise(profile.level().label()), profile.sport() == null ? "general" : profile.sport(),
                profile.weeks(), profile.sessionsPerWeek(), profile.minutesPerSession());
        List<String> notes = List.of(
                "Dose by level after the ACSM 2009 position stand (acsm-2009); progression adds reps to the top of the range, then a set, then a stronger band.",
                "Every " + DELOAD_EVERY + "th week is lighter (one set fewer, reps at the bottom of the range) to absorb the work.",
                "Exercises ranked by the conditions they address for this profile and measured gluteus medius activation.");
        return new Plan(title, profile.startDate(), weeks, notes);
    }

    /** An exercise chosen for a session slot, in its block, with its first-week dose. */
    record Slot(String block, ExercisePublished exercise, Plan.Item item) {
    }

    private List<Slot> chooseSession(AthleteProfile profile, List<ExercisePublished> ranked, Set<String> conditions,
            int slot, int budgetSeconds) {
        List<Slot> chosen = new ArrayList<>();
        int fill = (int) (budgetSeconds * FIRST_WEEK_FILL);
        int used = 0;
        boolean added = true;
        for (int round = 0; added && chosen.size() < MAX_ITEMS_PER_SESSION; round++) {
            added = false;
            // strength leads from the second round on: larger, multi-joint work before small (ACSM 2009)
            List<String> order = round == 0 ? BLOCKS : List.of("strength", "activation", "stability");
            for (String block : order) {
                if (chosen.size() >= MAX_ITEMS_PER_SESSION) {
                    break;
                }
                Slot next = pick(profile, ranked, conditions, block, slot, chosen, fill - used);
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
                Plan.Item item = firstDose(profile, exercise, conditions, EvidenceRank.norm(exercise.category()));
                item = item.withDose(1, item.targetReps(), item.holdSeconds(), item.bandResistance(), null);
                if (SessionTime.seconds(item) <= budgetSeconds) {
                    chosen.add(new Slot(EvidenceRank.norm(exercise.category()), exercise, item));
                    break;
                }
            }
        }
        chosen.sort(java.util.Comparator.comparingInt(s -> BLOCKS.indexOf(s.block())));
        return chosen;
    }

    private Slot pick(AthleteProfile profile, List<ExercisePublished> ranked, Set<String> conditions, String block,
            int slot, List<Slot> chosen, int secondsLeft) {
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
            Plan.Item item = firstDose(profile, exercise, conditions, block);
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

    /** The starting dose: the catalog's prescription, shaped by the athlete's level. */
    static Plan.Item firstDose(AthleteProfile profile, ExercisePublished exercise, Set<String> conditions, String block) {
        var prescription = exercise.prescription();
        int catalogSets = prescription == null ? 2 : prescription.sets();
        int sets = switch (profile.level()) {
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
        String band = banded ? BAND_RESISTANCES.get(Math.min(profile.level().ordinal(), 1)) : null;
        String loadGuidance = loadGuidance(exercise, banded);
        double rpe = targetRpe(profile.level());
        List<String> muscles = EvidenceRank.safe(exercise.muscles()).stream().map(ExercisePublished.MuscleWork::muscle)
                .collect(Collectors.toList());
        Plan.Item item = new Plan.Item(exercise.exerciseId().toString(), exercise.slug(), exercise.name(),
                exercise.pattern(), muscles, sets, repsMin, repsMax, repsMin, repsMin == null ? hold : null, perSide,
                rest, tempo, bandPlacement, band, loadGuidance, rpe,
                rationale(profile, exercise, conditions, block), exercise.sourceKeys(), null, 0);
        return item.withEstimatedMinutes(SessionTime.minutes(item));
    }

    /** The most sets a level's plan climbs to before the band gets stronger. */
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

    private static String rationale(AthleteProfile profile, ExercisePublished exercise, Set<String> conditions,
            String block) {
        StringBuilder why = new StringBuilder();
        why.append(switch (block) {
            case "activation" -> "Activation: wakes the hip abductors before the main work";
            case "strength" -> "Strength: the session's main loading";
            default -> "Stability: control of hip and trunk under a held or slow load";
        });
        List<String> matched = EvidenceRank.safe(exercise.conditions()).stream()
                .filter(c -> conditions.contains(EvidenceRank.norm(c))).sorted().collect(Collectors.toList());
        if (!matched.isEmpty()) {
            why.append("; addresses ").append(String.join(", ", matched));
        }
        EvidenceRank.safe(exercise.muscles()).stream().filter(m -> EvidenceRank.TARGET_MUSCLE.equals(m.muscle()))
                .findFirst().ifPresent(m -> {
                    why.append("; gluteus medius ").append(m.role());
                    if (m.activationMvicPercent() != null) {
                        why.append(String.format(Locale.ROOT, " (%.0f%% MVIC)", m.activationMvicPercent()));
                    }
                });
        why.append(". Dose for a ").append(profile.level().label()).append(" after ACSM 2009.");
        if (exercise.evidence() != null && !exercise.evidence().isBlank()) {
            why.append(" Evidence: ").append(exercise.evidence().trim());
        }
        List<String> sources = new ArrayList<>(new LinkedHashSet<>(EvidenceRank.safe(exercise.sourceKeys())));
        if (!sources.isEmpty()) {
            why.append(" Sources: ").append(String.join(", ", sources)).append('.');
        }
        return why.toString();
    }

    /** One week's progression: each item takes its next step while the session stays within the budget. */
    private List<List<Plan.Item>> progress(List<List<Plan.Item>> weekSessions, int budgetSeconds, int week,
            int maxSets) {
        List<List<Plan.Item>> next = new ArrayList<>();
        for (List<Plan.Item> items : weekSessions) {
            List<Plan.Item> session = new ArrayList<>(items);
            for (int i = 0; i < session.size(); i++) {
                Plan.Item before = session.get(i);
                Plan.Item after = DoseLadder.stepUp(before, maxSets, "week " + week);
                Plan.Item held = before.adjustment() == null ? before
                        : before.withDose(before.sets(), before.targetReps(), before.holdSeconds(),
                                before.bandResistance(), "week " + week + ": dose held (ceiling or time budget reached)");
                if (after == before) {
                    session.set(i, held);
                    continue;
                }
                session.set(i, after);
                if (totalSeconds(session) > budgetSeconds) {
                    // the time budget wins over progression: hold this dose
                    session.set(i, held);
                }
            }
            next.add(session);
        }
        return next;
    }

    private static List<Plan.Item> lighten(List<Plan.Item> items) {
        return items.stream().map(DoseLadder::deload).collect(Collectors.toList());
    }

    private static int totalSeconds(List<Plan.Item> items) {
        return items.stream().mapToInt(SessionTime::seconds).sum();
    }

    private static Plan.Session session(int week, int slot, int dayOffset, LocalDate date, List<Plan.Item> items,
            List<Slot> slots, boolean deload) {
        List<Plan.Block> blocks = new ArrayList<>();
        for (String kind : BLOCKS) {
            List<Plan.Item> blockItems = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (slots.get(i).block().equals(kind)) {
                    blockItems.add(items.get(i));
                }
            }
            if (!blockItems.isEmpty()) {
                blocks.add(new Plan.Block(kind, blockItems));
            }
        }
        String title = String.format(Locale.ROOT, "Week %d, session %c%s", week, (char) ('A' + slot),
                deload ? " (lighter week)" : "");
        return new Plan.Session(week, dayOffset, date, title, SessionTime.minutes(items), blocks);
    }

    private static Level levelOf(ExercisePublished exercise) {
        try {
            return Level.of(exercise.level());
        } catch (RuntimeException e) {
            return Level.ADVANCED;
        }
    }

    private static String capitalise(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    /** No exercise in the catalog fits the profile's equipment, pain areas and exclusions. */
    public static final class NoEligibleExercise extends RuntimeException {
        public NoEligibleExercise() {
            super("no exercise in the catalog fits this profile's equipment, level, pain areas and exclusions");
        }
    }
}
