package dev.medius.routine.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.medius.events.Vocabulary;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.domain.AthleteProfile.Level;

/**
 * Builds a plan from an athlete profile and the exercises the athlete may use. Pure and
 * deterministic: the same profile and catalog give the same plan, with no clock and no randomness.
 *
 * <p>Rules (docs/coaching.md): only exercises whose equipment the athlete has, none excluded and none
 * contraindicated for a reported pain; evidence-ranked choice with patterns varied inside a session;
 * ACSM-style dose by level; strength work on the same muscles at least 48 h apart, the days between
 * given to low-load activation, balance and mobility; week-to-week progression within a volume bound;
 * a lighter week at the end of each block; every session within the athlete's minutes.
 */
public final class PlanGenerator {

    public static final List<String> BLOCKS = List.of("activation", "strength", "stability", "mobility");
    static final List<String> STRENGTH_DAY_BLOCKS = List.of("activation", "strength", "stability");
    static final List<String> RECOVERY_DAY_BLOCKS = List.of("activation", "stability", "mobility");
    public static final List<String> BAND_RESISTANCES = List.of("light", "medium", "heavy");
    public static final String BODYWEIGHT = "bodyweight";
    /** Share of the session budget the first week may fill, leaving room for later weeks' progression. */
    static final double FIRST_WEEK_FILL = 0.7;
    static final int MAX_ITEMS_PER_SESSION = 7;
    static final int MAX_ITEMS_PER_RECOVERY_SESSION = 4;
    /** Week-over-week growth of a loading week's volume (reps and seconds held, both sides) at most. */
    public static final double MAX_WEEKLY_VOLUME_GROWTH = 0.15;
    /** How a recovery session's title names it, which adaptation reads to keep its load low. */
    public static final String RECOVERY = "recovery: low-load activation, balance and mobility";
    /** Effort of a low-load recovery session: easy, far from fatigue. */
    static final double RECOVERY_RPE = 4;
    /** Below this many sessions a week strength hardly grows (ACSM 2009: 2-3 days a week for novices). */
    public static final int MIN_EFFECTIVE_FREQUENCY = 2;

    /** Days after the week's first session on which the others fall, leaving rest days where the count allows. */
    static final int[][] WEEK_LAYOUT = { {}, { 0 }, { 0, 3 }, { 0, 2, 4 }, { 0, 2, 4, 5 }, { 0, 1, 2, 3, 4 },
            { 0, 1, 2, 3, 4, 5 }, { 0, 1, 2, 3, 4, 5, 6 } };

    /** Exercises the athlete can do: equipment at hand, level within reach, nothing excluded or contraindicated. */
    public static List<ExercisePublished> eligible(AthleteProfile profile, Collection<ExercisePublished> catalog) {
        Set<String> excluded = profile.exclusions().stream().map(EvidenceRank::norm).collect(Collectors.toSet());
        return catalog.stream()
                .filter(e -> BLOCKS.contains(EvidenceRank.norm(e.category())))
                .filter(e -> levelOf(e).ordinal() <= profile.level().ordinal())
                .filter(e -> hasEquipment(profile, e))
                .filter(e -> !excluded.contains(EvidenceRank.norm(e.slug()))
                        && !excluded.contains(EvidenceRank.norm(e.exerciseId().toString())))
                .filter(e -> Contraindications.allowed(profile, e))
                .collect(Collectors.toList());
    }

    /** Whether the athlete has everything the exercise needs; bodyweight and a wall are always at hand. */
    public static boolean hasEquipment(AthleteProfile profile, ExercisePublished exercise) {
        Set<String> equipment = new HashSet<>(Vocabulary.ALWAYS_AVAILABLE);
        profile.equipment().forEach(e -> equipment.add(EvidenceRank.norm(e)));
        return EvidenceRank.safe(exercise.equipment()).stream().map(EvidenceRank::norm).allMatch(equipment::contains);
    }

    public Plan generate(AthleteProfile profile, Collection<ExercisePublished> catalog) {
        return generate(profile, catalog, "en");
    }

    public Plan generate(AthleteProfile profile, Collection<ExercisePublished> catalog, String language) {
        Set<String> conditions = EvidenceRank.targetConditions(profile);
        List<ExercisePublished> ranked = eligible(profile, catalog).stream()
                .sorted(EvidenceRank.order(conditions, profile))
                .collect(Collectors.toList());
        if (ranked.isEmpty()) {
            throw new NoEligibleExercise();
        }
        int budgetSeconds = profile.minutesPerSession() * 60;
        int[] layout = WEEK_LAYOUT[Math.min(profile.sessionsPerWeek(), 7)];
        boolean[] strengthDay = strengthDays(layout);
        List<List<Slot>> weekTemplate = new ArrayList<>();
        for (int slot = 0; slot < layout.length; slot++) {
            weekTemplate.add(chooseSession(profile, ranked, conditions, slot, budgetSeconds, strengthDay[slot], language));
        }

        List<Plan.Week> weeks = new ArrayList<>();
        List<List<Plan.Item>> current = new ArrayList<>();
        for (List<Slot> slots : weekTemplate) {
            current.add(slots.stream().map(Slot::item).collect(Collectors.toList()));
        }
        int deloadEvery = deloadEvery(profile.level());
        Ladder ladder = new Ladder(profile, ranked, conditions, weekTemplate, strengthDay, budgetSeconds, language);
        List<List<Plan.Item>> blockStart = current;
        for (int week = 1; week <= profile.weeks(); week++) {
            boolean deload = week % deloadEvery == 0;
            boolean newBlock = week > 1 && (week - 1) % deloadEvery == 0;
            if (newBlock) {
                current = ladder.rotate(current, blockStart, week);
                blockStart = current;
            } else if (week > 1 && !deload) {
                current = ladder.progress(current, week);
            }
            List<Plan.Session> sessions = new ArrayList<>();
            for (int slot = 0; slot < layout.length; slot++) {
                List<Plan.Item> items = deload && strengthDay[slot] ? lighten(current.get(slot)) : current.get(slot);
                int dayOffset = (week - 1) * 7 + layout[slot];
                LocalDate date = profile.startDate().plusDays(dayOffset);
                sessions.add(session(week, slot, dayOffset, date, items, weekTemplate.get(slot), deload,
                        strengthDay[slot]));
            }
            weeks.add(new Plan.Week(week, deload, sessions));
        }
        String title = String.format(Locale.ROOT, "%s %s plan: %d week%s, %d x %d min",
                capitalise(profile.level().label()), profile.sport() == null ? "general" : profile.sport(),
                profile.weeks(), profile.weeks() == 1 ? "" : "s", profile.sessionsPerWeek(), profile.minutesPerSession());
        return new Plan(title, profile.startDate(), weeks, notes(profile, strengthDay, deloadEvery),
                SafetyText.plan(language), Plan.Limits.of(profile, SafetyText.language(language)));
    }

    private static List<String> notes(AthleteProfile profile, boolean[] strengthDay, int deloadEvery) {
        List<String> notes = new ArrayList<>();
        notes.add("Dose by level after the ACSM 2009 position stand (acsm-2009); each week reps climb toward the top of the range, then a set is added, then the band gets stronger, while the week's volume grows by "
                + Math.round(MAX_WEEKLY_VOLUME_GROWTH * 100) + "% at most.");
        notes.add("Every " + deloadEvery + "th week is lighter (one set fewer, reps at the bottom of the range): the end of a "
                + deloadEvery + "-week block for " + article(profile.level()) + " " + profile.level().label() + ".");
        int recoveryDays = 0;
        for (boolean strength : strengthDay) {
            recoveryDays += strength ? 0 : 1;
        }
        if (recoveryDays > 0) {
            notes.add(recoveryDays + " of the " + strengthDay.length
                    + " weekly sessions follow a strength day, so they are low-load activation, balance and mobility sessions: the same muscles get at least 48 hours between strength sessions (ACSM 2009).");
        }
        if (profile.sessionsPerWeek() < MIN_EFFECTIVE_FREQUENCY) {
            notes.add("Warning: one session a week is below the two to three a week that ACSM 2009 recommends for strength to grow; expect it to maintain rather than build.");
        }
        if (!profile.pain().isEmpty()) {
            notes.add("Reported pain (" + profile.pain().stream().map(p -> p.onset() + " " + p.area())
                    .collect(Collectors.joining(", "))
                    + "): exercises contraindicated for it or loading an area that hurts now are left out; none is chosen because of the pain.");
        }
        notes.add("Exercises ranked by the conditions they address for this profile and what studies measured on each of them.");
        return notes;
    }

    /**
     * Which sessions of a week carry strength work: none on the day after another strength session,
     * counting the first session of the next week.
     */
    static boolean[] strengthDays(int[] layout) {
        boolean[] strength = new boolean[layout.length];
        for (int slot = 0; slot < layout.length; slot++) {
            boolean afterStrength = slot > 0 && strength[slot - 1] && layout[slot - 1] == layout[slot] - 1;
            boolean beforeNextWeek = slot > 0 && layout[slot] == 6 && strength[0] && layout[0] == 0;
            strength[slot] = !afterStrength && !beforeNextWeek;
        }
        return strength;
    }

    /** Sessions between lighter weeks: harder training needs them sooner (a convention; see docs/coaching.md). */
    public static int deloadEvery(Level level) {
        return switch (level) {
            case BEGINNER -> 6;
            case INTERMEDIATE -> 5;
            case ADVANCED -> 4;
        };
    }

    /** An exercise chosen for a session slot, in its block, with its first-week dose. */
    record Slot(String block, ExercisePublished exercise, Plan.Item item) {
    }

    private List<Slot> chooseSession(AthleteProfile profile, List<ExercisePublished> ranked, Set<String> conditions,
            int slot, int budgetSeconds, boolean strengthDay, String language) {
        List<Slot> chosen = new ArrayList<>();
        int fill = (int) (budgetSeconds * FIRST_WEEK_FILL);
        int used = 0;
        boolean added = true;
        int maxItems = strengthDay ? MAX_ITEMS_PER_SESSION : MAX_ITEMS_PER_RECOVERY_SESSION;
        for (int round = 0; added && chosen.size() < maxItems; round++) {
            added = false;
            // strength leads from the second round on: larger, multi-joint work before small (ACSM 2009)
            List<String> order = !strengthDay ? RECOVERY_DAY_BLOCKS
                    : round == 0 ? STRENGTH_DAY_BLOCKS : List.of("strength", "activation", "stability");
            for (String block : order) {
                if (chosen.size() >= maxItems) {
                    break;
                }
                Slot next = pick(profile, ranked, conditions, block, slot, chosen, fill - used, strengthDay, language);
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
                if (!(strengthDay ? STRENGTH_DAY_BLOCKS : RECOVERY_DAY_BLOCKS).contains(block)) {
                    continue;
                }
                Plan.Item item = dose(profile, exercise, conditions, block, strengthDay, language);
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
                Plan.Item item = dose(profile, exercise, conditions, "activation", false, language);
                if (SessionTime.seconds(item) <= budgetSeconds) {
                    chosen.add(new Slot("activation", exercise, item));
                    break;
                }
            }
        }
        chosen.sort(Comparator.comparingInt(s -> BLOCKS.indexOf(s.block())));
        return chosen;
    }

    private Slot pick(AthleteProfile profile, List<ExercisePublished> ranked, Set<String> conditions, String block,
            int slot, List<Slot> chosen, int secondsLeft, boolean strengthDay, String language) {
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
            Plan.Item item = dose(profile, exercise, conditions, block, strengthDay, language);
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

    private static Plan.Item dose(AthleteProfile profile, ExercisePublished exercise, Set<String> conditions,
            String block, boolean strengthDay, String language) {
        Plan.Item item = firstDose(profile, exercise, conditions, block)
                .withPainMonitoring(SafetyText.item(loadedPainfulArea(profile, exercise), language));
        if (strengthDay) {
            return item;
        }
        // a recovery day's work stays light: one set, the easy end of the range, far from fatigue
        Integer reps = item.targetReps() == null ? null : item.repsMin();
        return item.withDose(1, reps, item.holdSeconds(), item.bandResistance() == null ? null : BAND_RESISTANCES.get(0),
                null).withTargetRpe(RECOVERY_RPE);
    }

    /** The reported area (settled, since a current one excludes the exercise) that an exercise loads, if any. */
    /**
     * The reported area whose pain rule an exercise carries: a settled area it loads, else an area that hurts
     * now (any exercise may stir it), or none for an athlete without pain.
     */
    public static SafetyText.ExerciseArea loadedPainfulArea(AthleteProfile profile, ExercisePublished exercise) {
        AthleteProfile.Pain current = null;
        for (AthleteProfile.Pain pain : profile.pain()) {
            if (Contraindications.loads(exercise, pain.area())) {
                return new SafetyText.ExerciseArea(pain.area(), AthleteProfile.Pain.PERSISTENT.equals(pain.onset()));
            }
            if (current == null && pain.current()) {
                current = pain;
            }
        }
        return current == null ? null
                : new SafetyText.ExerciseArea(current.area(), AthleteProfile.Pain.PERSISTENT.equals(current.onset()));
    }

    private static String article(Level level) {
        return level == Level.INTERMEDIATE || level == Level.ADVANCED ? "an" : "a";
    }

    /**
     * The starting dose: the catalog's prescription as written for an athlete of the exercise's own level
     * (so the founding article's doses reach its readers unchanged), sets shaped to a higher level's range.
     */
    static Plan.Item firstDose(AthleteProfile profile, ExercisePublished exercise, Set<String> conditions, String block) {
        var prescription = exercise.prescription();
        int catalogSets = prescription == null ? 2 : prescription.sets();
        int sets = levelOf(exercise) == profile.level() ? Math.min(catalogSets, maxSets(profile.level()))
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
        String band = banded ? BAND_RESISTANCES.get(Math.min(profile.level().ordinal(), 1)) : null;
        String loadGuidance = loadGuidance(exercise, banded);
        double rpe = targetRpe(profile.level());
        List<String> muscles = EvidenceRank.safe(exercise.muscles()).stream().map(ExercisePublished.MuscleWork::muscle)
                .collect(Collectors.toList());
        Plan.Item item = new Plan.Item(exercise.exerciseId().toString(), exercise.slug(), exercise.name(),
                exercise.pattern(), muscles, sets, repsMin, repsMax, repsMin, repsMin == null ? hold : null, perSide,
                rest, tempo, bandPlacement, band, loadGuidance, rpe,
                rationale(profile, exercise, conditions, block), exercise.sourceKeys(), null, 0, null);
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

    private static String rationale(AthleteProfile profile, ExercisePublished exercise, Set<String> conditions,
            String block) {
        StringBuilder why = new StringBuilder();
        why.append(switch (block) {
            case "activation" -> "Activation: wakes the hip abductors before the main work";
            case "strength" -> "Strength: the session's main loading";
            case "mobility" -> "Mobility: range of motion at low load";
            default -> "Stability: control of hip and trunk under a held or slow load";
        });
        List<String> matched = EvidenceRank.safe(exercise.conditions()).stream()
                .filter(c -> conditions.contains(EvidenceRank.norm(c))).sorted().collect(Collectors.toList());
        if (!matched.isEmpty()) {
            why.append("; addresses ").append(String.join(", ", matched));
        }
        EvidenceRank.safe(exercise.muscles()).stream().filter(m -> EvidenceRank.TARGET_MUSCLE.equals(m.muscle()))
                .findFirst().ifPresent(m -> why.append("; gluteus medius ").append(m.role()));
        exercise.findings().stream().filter(f -> "gluteus-medius-mvic".equals(f.measure()) && f.value() != null)
                .max(Comparator.comparingDouble(ExercisePublished.Finding::value))
                .ifPresent(f -> why.append(String.format(Locale.ROOT, " (%.0f%% MVIC, %s)", f.value(), f.sourceKey())));
        why.append(". Dose for ").append(article(profile.level())).append(' ').append(profile.level().label())
                .append(" after ACSM 2009.");
        if (exercise.evidence() != null && !exercise.evidence().isBlank()) {
            why.append(" Evidence: ").append(exercise.evidence().trim());
        }
        List<String> sources = new ArrayList<>(new LinkedHashSet<>(EvidenceRank.safe(exercise.sourceKeys())));
        if (!sources.isEmpty()) {
            why.append(" Sources: ").append(String.join(", ", sources)).append('.');
        }
        return why.toString();
    }

    /**
     * How a plan moves on from week to week (docs/coaching.md, "Progression"): each strength-day item takes
     * its next dose step; at the top of its dose it moves up its ladder to the harder variation the athlete
     * may do, else takes an external load they own; all while its session stays within the minutes and the
     * week's volume within {@link #MAX_WEEKLY_VOLUME_GROWTH} of the last loading week's. A new block swaps
     * an exercise that did not move during the last one for the next candidate of its block.
     */
    private static final class Ladder {

        private final AthleteProfile profile;
        private final List<ExercisePublished> ranked;
        private final java.util.Map<String, ExercisePublished> bySlug = new java.util.HashMap<>();
        private final Set<String> conditions;
        private final List<List<Slot>> template;
        private final boolean[] strengthDay;
        private final int budgetSeconds;
        private final String language;
        private final List<Set<String>> usedBySlot = new ArrayList<>();

        Ladder(AthleteProfile profile, List<ExercisePublished> ranked, Set<String> conditions, List<List<Slot>> template,
                boolean[] strengthDay, int budgetSeconds, String language) {
            this.profile = profile;
            this.ranked = ranked;
            this.conditions = conditions;
            this.template = template;
            this.strengthDay = strengthDay;
            this.budgetSeconds = budgetSeconds;
            this.language = language;
            ranked.forEach(e -> bySlug.put(e.slug(), e));
            for (List<Slot> slots : template) {
                usedBySlot.add(slots.stream().map(s -> s.exercise().slug()).collect(Collectors.toCollection(HashSet::new)));
            }
        }

        List<List<Plan.Item>> progress(List<List<Plan.Item>> week, int number) {
            return change(week, number, (slot, i, planned, session) -> {
                if (!strengthDay[slot]) {
                    return planned;
                }
                Plan.Item next = DoseLadder.stepUp(planned, maxSets(profile.level()), "week " + number);
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
                        return adjusted(dose(profile, candidate, conditions, block, strengthDay[slot], language),
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
                    return adjusted(dose(profile, next, conditions, block, true, language),
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
            int allowed = (int) Math.floor(before * (1 + MAX_WEEKLY_VOLUME_GROWTH));
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
    }

    static final String EXTERNAL_LOAD = "Hold a ";
    static final Set<String> LOADABLE_PATTERNS = Set.of("squat", "lunge", "step", "hinge", "bridge", "calf-raise");

    private static boolean sameDose(Plan.Item a, Plan.Item b) {
        return a.exerciseId().equals(b.exerciseId()) && a.sets() == b.sets()
                && java.util.Objects.equals(a.targetReps(), b.targetReps())
                && java.util.Objects.equals(a.holdSeconds(), b.holdSeconds())
                && java.util.Objects.equals(a.bandResistance(), b.bandResistance())
                && java.util.Objects.equals(a.loadGuidance(), b.loadGuidance());
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

    private static List<Plan.Item> lighten(List<Plan.Item> items) {
        return items.stream().map(DoseLadder::deload).collect(Collectors.toList());
    }

    private static int totalSeconds(List<Plan.Item> items) {
        return items.stream().mapToInt(SessionTime::seconds).sum();
    }

    private static Plan.Session session(int week, int slot, int dayOffset, LocalDate date, List<Plan.Item> items,
            List<Slot> slots, boolean deload, boolean strengthDay) {
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
        String title = String.format(Locale.ROOT, "Week %d, session %c%s%s", week, (char) ('A' + slot),
                strengthDay ? "" : " (" + RECOVERY + ")",
                deload && strengthDay ? " (lighter week)" : "");
        return new Plan.Session(week, dayOffset, date, title, SessionTime.minutes(items), blocks);
    }

    static Level levelOf(ExercisePublished exercise) {
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
            super("no exercise in the catalog fits this profile's equipment, level, pain and exclusions");
        }
    }
}
