package dev.medius.routine.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.medius.events.catalog.ExercisePublished;

/**
 * Carries an adaptation decision into the sessions still to come (docs/coaching.md, "Adaptation").
 * Pure: it takes the upcoming sessions and answers them changed, so the rules are tested over random
 * sequences of logged sessions.
 *
 * <p>A step up targets one step above the dose just logged and never lowers what the plan already
 * prescribes: a generated plan's next week holds that step already, so nothing steps twice, and an
 * exercise is stepped up at most once in a plan week. The level's ceiling and the session's minutes
 * hold. A regression swaps in an easier variation only when the athlete has its equipment, no
 * contraindication covers the plan's pain or the pain just reported, and the session does not hold it
 * already; otherwise the dose steps down.
 */
public final class PlanAdapter {

    /** Ceiling of sets for a hand-made plan, whose level is unknown. */
    public static final int UNKNOWN_LEVEL_MAX_SETS = 5;
    static final String PROGRESSED = "progressed in week ";

    /** The sessions after the change (the same instances where nothing changed), and what the exercise became. */
    public record Outcome(List<Plan.Session> sessions, String nextSlug, int changed) {
    }

    private PlanAdapter() {
    }

    public static Outcome apply(Plan.Item logged, int week, Adaptation.Decision decision, List<Plan.Session> upcoming,
            Plan.Limits limits, int pain, String painArea, Function<String, Optional<ExercisePublished>> catalog) {
        return switch (decision.kind()) {
            case HOLD -> new Outcome(upcoming, logged.slug(), 0);
            case PROGRESS -> progress(logged, week, decision.reason(), upcoming, limits);
            case EASE -> each(logged, upcoming, limits,
                    (session, planned) -> DoseLadder.stepDown(planned, "eased: " + decision.reason()));
            case REGRESS -> regress(logged, decision.reason(), upcoming, limits, pain, painArea, catalog);
        };
    }

    static int maxSets(Plan.Limits limits) {
        if (limits == null || limits.level() == null) {
            return UNKNOWN_LEVEL_MAX_SETS;
        }
        try {
            return StartingDose.maxSets(AthleteProfile.Level.of(limits.level()));
        } catch (IllegalArgumentException e) {
            return UNKNOWN_LEVEL_MAX_SETS;
        }
    }

    private static Outcome progress(Plan.Item logged, int week, String reason, List<Plan.Session> upcoming,
            Plan.Limits limits) {
        String mark = PROGRESSED + week + ": ";
        if (logged.adjustment() != null && logged.adjustment().startsWith(mark)) {
            // stepped up once this week already
            return new Outcome(upcoming, logged.slug(), 0);
        }
        Plan.Item stepped = DoseLadder.stepUp(logged, maxSets(limits), mark.trim() + " " + reason);
        if (stepped == logged) {
            return new Outcome(upcoming, logged.slug(), 0);
        }
        return each(logged, upcoming, limits, (session, planned) -> {
            if (deload(planned) || recovery(session)) {
                return planned;
            }
            Plan.Item target = atLeast(planned, stepped);
            return target.equals(planned) ? planned : target;
        });
    }

    /** A low-load day after a strength day: a step up would put strength work on consecutive days. */
    private static boolean recovery(Plan.Session session) {
        return session.title() != null && session.title().contains(PlanGenerator.RECOVERY);
    }

    private static boolean deload(Plan.Item planned) {
        return planned.adjustment() != null && planned.adjustment().startsWith("lighter week");
    }

    /** The planned dose raised to the stepped one, component by component; the plan's own progression kept. */
    static Plan.Item atLeast(Plan.Item planned, Plan.Item stepped) {
        int sets = Math.max(planned.sets(), stepped.sets());
        Integer reps = planned.targetReps() == null ? null
                : Math.max(planned.targetReps(), stepped.targetReps() == null ? 0 : stepped.targetReps());
        Integer hold = planned.holdSeconds() == null ? null
                : Math.max(planned.holdSeconds(), stepped.holdSeconds() == null ? 0 : stepped.holdSeconds());
        int plannedBand = band(planned);
        int steppedBand = band(stepped);
        String band = steppedBand > plannedBand ? stepped.bandResistance() : planned.bandResistance();
        if (sets == planned.sets() && Objects.equals(reps, planned.targetReps())
                && Objects.equals(hold, planned.holdSeconds()) && Objects.equals(band, planned.bandResistance())) {
            return planned;
        }
        return planned.withDose(sets, reps, hold, band, stepped.adjustment());
    }

    private static int band(Plan.Item item) {
        return item.bandResistance() == null ? -1 : DoseLadder.BAND_RESISTANCES.indexOf(item.bandResistance());
    }

    private static Outcome regress(Plan.Item logged, String reason, List<Plan.Session> upcoming, Plan.Limits limits,
            int pain, String painArea, Function<String, Optional<ExercisePublished>> catalog) {
        List<ExercisePublished> easier = safeEasier(logged, upcoming, limits, pain, painArea, catalog);
        List<Plan.Session> out = new ArrayList<>();
        int changed = 0;
        String[] next = { logged.slug() };
        for (Plan.Session session : upcoming) {
            Set<String> inSession = new HashSet<>();
            session.items().forEach(item -> inSession.add(item.exerciseId()));
            Plan.Session adapted = replace(session, logged, planned -> {
                Optional<ExercisePublished> swap = easier.stream()
                        .filter(e -> !inSession.contains(e.exerciseId().toString())).findFirst();
                if (swap.isPresent()) {
                    Plan.Item swapped = swap(planned, swap.get(), reason, limits);
                    if (fits(session, planned, swapped, limits)) {
                        next[0] = swapped.slug();
                        return swapped;
                    }
                }
                return DoseLadder.stepDown(planned, "regressed: " + reason);
            });
            changed += adapted != session ? 1 : 0;
            out.add(adapted);
        }
        return new Outcome(out, next[0], changed);
    }

    /** Easier variations the athlete may do now: equipment at hand, nothing contraindicated, level within reach. */
    static List<ExercisePublished> safeEasier(Plan.Item logged, List<Plan.Session> upcoming, Plan.Limits limits,
            int pain, String painArea, Function<String, Optional<ExercisePublished>> catalog) {
        Optional<ExercisePublished> current = catalog.apply(logged.exerciseId());
        if (current.isEmpty() || current.get().easier() == null) {
            return List.of();
        }
        Set<String> equipment = new HashSet<>(current.get().equipment());
        if (limits != null) {
            equipment.addAll(limits.equipment());
        } else {
            // a hand-made plan says nothing of the athlete's equipment: what it already uses is at hand
            upcoming.forEach(s -> s.items().forEach(i -> catalog.apply(i.exerciseId()).ifPresent(e -> equipment.addAll(e.equipment()))));
        }
        List<AthleteProfile.Pain> pains = new ArrayList<>(limits == null ? List.of() : limits.pain());
        if (painArea != null) {
            pains.add(new AthleteProfile.Pain(painArea, pain, AthleteProfile.Pain.ACUTE));
        }
        AthleteProfile athlete = new AthleteProfile(level(limits), null, null, equipment, 1, 10, 1, null, pains, null, null);
        List<ExercisePublished> safe = new ArrayList<>();
        for (String reference : current.get().easier()) {
            catalog.apply(reference)
                    .filter(e -> Eligibility.hasEquipment(athlete, e))
                    .filter(e -> Contraindications.allowed(athlete, e))
                    .filter(e -> Eligibility.levelOf(e).ordinal() <= athlete.level().ordinal())
                    .ifPresent(safe::add);
        }
        return safe;
    }

    /** The pain rule of the variation swapped in: its own for the plan's pain, or the planned one's when unknown. */
    private static String painRule(Plan.Item planned, ExercisePublished easier, Plan.Limits limits) {
        if (limits == null) {
            return planned.painMonitoring();
        }
        AthleteProfile athlete = new AthleteProfile(level(limits), null, null, null, 1, 10, 1, null, limits.pain(), null,
                null);
        return SafetyText.item(Contraindications.loadedPainfulArea(athlete, easier), limits.language());
    }

    private static AthleteProfile.Level level(Plan.Limits limits) {
        try {
            return limits == null || limits.level() == null ? AthleteProfile.Level.ADVANCED
                    : AthleteProfile.Level.of(limits.level());
        } catch (IllegalArgumentException e) {
            return AthleteProfile.Level.ADVANCED;
        }
    }

    private static Outcome each(Plan.Item logged, List<Plan.Session> upcoming, Plan.Limits limits,
            BiFunction<Plan.Session, Plan.Item, Plan.Item> change) {
        List<Plan.Session> out = new ArrayList<>();
        int changed = 0;
        for (Plan.Session session : upcoming) {
            Plan.Session adapted = replace(session, logged, planned -> {
                Plan.Item replacement = change.apply(session, planned);
                return fits(session, planned, replacement, limits) ? replacement : planned;
            });
            changed += adapted != session ? 1 : 0;
            out.add(adapted);
        }
        return new Outcome(out, logged.slug(), changed);
    }

    /** Whether the session stays within the plan's minutes with {@code replacement} instead of {@code planned}. */
    private static boolean fits(Plan.Session session, Plan.Item planned, Plan.Item replacement, Plan.Limits limits) {
        if (limits == null || limits.minutesPerSession() <= 0) {
            return true;
        }
        int seconds = session.items().mapToInt(SessionTime::seconds).sum() - SessionTime.seconds(planned)
                + SessionTime.seconds(replacement);
        return seconds <= limits.minutesPerSession() * 60 || SessionTime.seconds(replacement) <= SessionTime.seconds(planned);
    }

    /** The session with each occurrence of the logged exercise replaced, or the same instance when none changed. */
    private static Plan.Session replace(Plan.Session session, Plan.Item logged, Function<Plan.Item, Plan.Item> change) {
        boolean touched = false;
        List<Plan.Block> blocks = new ArrayList<>();
        for (Plan.Block block : session.blocks()) {
            List<Plan.Item> items = new ArrayList<>();
            for (Plan.Item planned : block.items()) {
                Plan.Item replacement = planned.exerciseId().equals(logged.exerciseId()) ? change.apply(planned) : planned;
                touched |= replacement != planned;
                items.add(replacement);
            }
            blocks.add(new Plan.Block(block.kind(), items));
        }
        if (!touched) {
            return session;
        }
        return session.withBlocks(blocks);
    }

    static Plan.Item swap(Plan.Item planned, ExercisePublished easier, String reason, Plan.Limits limits) {
        var prescription = easier.prescription();
        Integer repsMin = prescription == null ? null : prescription.repsMin();
        Integer repsMax = prescription == null ? null : prescription.repsMax() == null ? repsMin : prescription.repsMax();
        Integer hold = repsMin == null && prescription != null ? prescription.holdSeconds() : null;
        if (repsMin == null && hold == null) {
            repsMin = 10;
            repsMax = 12;
        }
        Plan.Item swapped = new Plan.Item(easier.exerciseId().toString(), easier.slug(), easier.name(), easier.pattern(),
                easier.muscles() == null ? List.of() : easier.muscles().stream().map(ExercisePublished.MuscleWork::muscle).toList(),
                Math.max(1, planned.sets() - 1), repsMin, repsMax, repsMin, hold,
                "per-side".equals(easier.laterality()), planned.restSeconds(),
                prescription == null ? null : prescription.tempo(),
                prescription == null ? null : prescription.bandPlacement(),
                StartingDose.isBanded(easier) ? planned.bandResistance() : null,
                planned.loadGuidance(), planned.targetRpe(),
                "Easier variation of " + planned.name() + "." + (easier.evidence() == null ? "" : " Evidence: " + easier.evidence()),
                easier.sourceKeys(), String.format(Locale.ROOT, "regressed to %s: %s", easier.slug(), reason), 0,
                painRule(planned, easier, limits));
        return swapped.withEstimatedMinutes(SessionTime.minutes(swapped));
    }
}
