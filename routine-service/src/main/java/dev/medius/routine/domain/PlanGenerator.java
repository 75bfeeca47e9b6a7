package dev.medius.routine.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
    /** Week-over-week growth of a loading week's volume (reps and seconds held, both sides) at most. */
    public static final double MAX_WEEKLY_VOLUME_GROWTH = 0.15;
    /** How a recovery session's title names it, which adaptation reads to keep its load low. */
    public static final String RECOVERY = "recovery: low-load activation, balance and mobility";
    /** Below this many sessions a week strength hardly grows (ACSM 2009: 2-3 days a week for novices). */
    public static final int MIN_EFFECTIVE_FREQUENCY = 2;

    /** Days after the week's first session on which the others fall, leaving rest days where the count allows. */
    static final int[][] WEEK_LAYOUT = { {}, { 0 }, { 0, 3 }, { 0, 2, 4 }, { 0, 2, 4, 5 }, { 0, 1, 2, 3, 4 },
            { 0, 1, 2, 3, 4, 5 }, { 0, 1, 2, 3, 4, 5, 6 } };

    public Plan generate(AthleteProfile profile, Collection<ExercisePublished> catalog) {
        return generate(profile, catalog, "en");
    }

    public Plan generate(AthleteProfile profile, Collection<ExercisePublished> catalog, String language) {
        Set<String> conditions = EvidenceRank.targetConditions(profile);
        List<ExercisePublished> ranked = Eligibility.eligible(profile, catalog).stream()
                .sorted(EvidenceRank.order(conditions, profile))
                .collect(Collectors.toList());
        if (ranked.isEmpty()) {
            throw new NoEligibleExercise();
        }
        int budgetSeconds = profile.minutesPerSession() * 60;
        int[] layout = WEEK_LAYOUT[Math.min(profile.sessionsPerWeek(), 7)];
        boolean[] strengthDay = strengthDays(layout);
        StartingDose dose = new StartingDose(profile, conditions, language);
        ExerciseChoice choice = new ExerciseChoice(ranked, dose);
        List<List<ExerciseChoice.Slot>> weekTemplate = new ArrayList<>();
        for (int slot = 0; slot < layout.length; slot++) {
            weekTemplate.add(choice.session(slot, budgetSeconds, strengthDay[slot]));
        }

        List<Plan.Week> weeks = new ArrayList<>();
        List<List<Plan.Item>> current = new ArrayList<>();
        for (List<ExerciseChoice.Slot> slots : weekTemplate) {
            current.add(slots.stream().map(ExerciseChoice.Slot::item).collect(Collectors.toList()));
        }
        int deloadEvery = deloadEvery(profile.level());
        Ladder ladder = new Ladder(profile, ranked, dose, weekTemplate, strengthDay, budgetSeconds);
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
                + deloadEvery + "-week block for " + profile.level().article() + " " + profile.level().label() + ".");
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

    private static List<Plan.Item> lighten(List<Plan.Item> items) {
        return items.stream().map(DoseLadder::deload).collect(Collectors.toList());
    }

    private static Plan.Session session(int week, int slot, int dayOffset, LocalDate date, List<Plan.Item> items,
            List<ExerciseChoice.Slot> slots, boolean deload, boolean strengthDay) {
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
