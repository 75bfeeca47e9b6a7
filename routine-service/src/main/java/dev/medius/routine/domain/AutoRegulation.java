package dev.medius.routine.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.medius.coaching.Readiness;
import dev.medius.events.catalog.ExercisePublished;

/**
 * Today's session as a morning check-in leaves it (docs/coaching.md, "Readiness and auto-regulation"). The most
 * protective finding decides: a red flag or severe pain sends the athlete to a clinician, new pain above the
 * pain-monitoring ceiling rests the day, milder new pain swaps what loads that area for a pain-free variation or leaves
 * it out, and several answers clearly below the athlete's usual take a set off, or a rung down. Pure, and it never
 * raises a dose: every item keeps or lowers its sets, repetitions, hold, band and minutes.
 */
public final class AutoRegulation {

    /** The ceiling of the pain-monitoring model (Silbernagel 2007): pain above it means the area has not settled. */
    public static final int PAIN_MONITORING_CEILING = 5;
    /** How long a pain reported in a check-in stays known, so the same pain the next mornings is not new. */
    public static final int KNOWN_PAIN_DAYS = 7;
    /** Answers clearly below the usual that make a lighter session, and a lower rung. */
    public static final int LIGHTER_AT = 2;
    public static final int LOWER_RUNG_AT = 4;

    /** What was done to the session, from the least to the most protective. */
    public enum Kind {
        AS_PLANNED, LIGHTER, PAIN_FREE, LOWER_RUNG, REST, SEE_A_CLINICIAN;

        public String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The decision, why, and the session as the athlete is to do it today. */
    public record Adjustment(Kind kind, String reason, List<String> signals, Plan.Session session) {
    }

    private AutoRegulation() {
    }

    /**
     * @param limits  what the plan was generated for, read only when pain is reported or a rung down is due
     * @param catalog the exercises, looked up only for a swap or a new pain's check
     */
    public static Adjustment adjust(Plan.Session planned, CheckIn today, List<CheckIn> earlier,
            Supplier<Plan.Limits> limits, Function<String, Optional<ExercisePublished>> catalog) {
        List<String> signals = new ArrayList<>();
        if (!today.redFlags().isEmpty()) {
            List<String> flags = today.redFlags().stream().sorted().map(AutoRegulation::redFlagLabel).toList();
            signals.addAll(today.redFlags().stream().sorted().map(flag -> "red-flag:" + flag).toList());
            return rest(planned, Kind.SEE_A_CLINICIAN, signals, "red flag reported (" + String.join(", ", flags)
                    + "): no training today; see a clinician before training again");
        }
        Optional<CheckIn.PainSpot> severe = today.pain().stream().filter(p -> p.score() >= Screening.SEVERE_PAIN)
                .max((a, b) -> Integer.compare(a.score(), b.score()));
        if (severe.isPresent()) {
            signals.add("pain:" + severe.get().area());
            return rest(planned, Kind.SEE_A_CLINICIAN, signals, String.format(Locale.ROOT,
                    "%s pain %d/10 is too severe to train through: no training today; see a clinician",
                    severe.get().area(), severe.get().score()));
        }
        Map<String, Integer> fresh = newPain(today, earlier, limits);
        fresh.keySet().forEach(area -> signals.add("pain:" + area));
        Optional<Map.Entry<String, Integer>> settled = fresh.entrySet().stream()
                .filter(e -> e.getValue() > PAIN_MONITORING_CEILING).findFirst();
        if (settled.isPresent()) {
            return rest(planned, Kind.REST, signals, String.format(Locale.ROOT,
                    "new %s pain %d/10 this morning, above the %d/10 a training day allows: rest today, and see a "
                            + "clinician if it has not settled within a few days",
                    settled.get().getKey(), settled.get().getValue(), PAIN_MONITORING_CEILING));
        }
        List<Readiness.Low> lows = Readiness.lows(today, earlier);
        lows.forEach(low -> signals.add(low.signal().code()));
        Kind readiness = lows.size() >= LOWER_RUNG_AT ? Kind.LOWER_RUNG
                : lows.size() >= LIGHTER_AT ? Kind.LIGHTER : Kind.AS_PLANNED;
        List<String> reasons = new ArrayList<>();
        if (!fresh.isEmpty()) {
            reasons.add("new pain this morning (" + fresh.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + "/10").collect(Collectors.joining(", "))
                    + "): what loads it is swapped for a pain-free variation or left out today");
        }
        if (readiness != Kind.AS_PLANNED) {
            reasons.add(lows.size() + " answers clearly below the usual ("
                    + lows.stream().map(Readiness.Low::describe).collect(Collectors.joining(", ")) + "): "
                    + (readiness == Kind.LOWER_RUNG ? "an easier variation or a set fewer for each exercise today"
                            : "a set fewer for each exercise today"));
        } else if (lows.size() == 1) {
            reasons.add("one answer below the usual (" + lows.get(0).describe() + "): one signal alone keeps the plan");
        }
        Kind kind = fresh.isEmpty() ? readiness : readiness == Kind.LOWER_RUNG ? Kind.LOWER_RUNG : Kind.PAIN_FREE;
        if (kind == Kind.AS_PLANNED) {
            return new Adjustment(kind, reasons.isEmpty() ? "readiness as usual: as planned" : reasons.get(0), signals,
                    planned);
        }
        String reason = String.join("; ", reasons);
        return new Adjustment(kind, reason, signals,
                change(planned, fresh, readiness, limits.get(), catalog, "today's check-in: " + reason));
    }

    /** Areas hurting more this morning than the plan was built for or than any check-in of the last week said. */
    static Map<String, Integer> newPain(CheckIn today, List<CheckIn> earlier, Supplier<Plan.Limits> plan) {
        Map<String, Integer> fresh = new LinkedHashMap<>();
        for (CheckIn.PainSpot spot : today.pain()) {
            if (spot.score() <= 0) {
                continue;
            }
            int known = 0;
            Plan.Limits limits = plan.get();
            if (limits != null) {
                for (AthleteProfile.Pain pain : limits.pain()) {
                    if (pain.current() && pain.area().equals(spot.area()) && pain.severity() != null) {
                        known = Math.max(known, pain.severity());
                    }
                }
            }
            for (CheckIn before : earlier) {
                if (before.date().isBefore(today.date())
                        && !before.date().isBefore(today.date().minusDays(KNOWN_PAIN_DAYS))) {
                    for (CheckIn.PainSpot then : before.pain()) {
                        if (then.area().equals(spot.area())) {
                            known = Math.max(known, then.score());
                        }
                    }
                }
            }
            if (spot.score() > known) {
                fresh.merge(spot.area(), spot.score(), Math::max);
            }
        }
        return fresh;
    }

    private static Plan.Session change(Plan.Session planned, Map<String, Integer> fresh, Kind readiness,
            Plan.Limits limits, Function<String, Optional<ExercisePublished>> catalog, String why) {
        Plan.Limits withPain = withPain(limits, fresh);
        Set<String> inSession = new HashSet<>();
        planned.items().forEach(item -> inSession.add(item.exerciseId()));
        List<Plan.Block> blocks = new ArrayList<>();
        for (Plan.Block block : planned.blocks()) {
            List<Plan.Item> items = new ArrayList<>();
            for (Plan.Item item : block.items()) {
                Optional<ExercisePublished> exercise = fresh.isEmpty() ? Optional.empty() : catalog.apply(item.exerciseId());
                boolean hurts = exercise.isPresent()
                        && fresh.keySet().stream().anyMatch(area -> Contraindications.loads(exercise.get(), area));
                if (hurts) {
                    easier(item, inSession, withPain, catalog, why).ifPresent(items::add);
                    continue;
                }
                Plan.Item lowered = switch (readiness) {
                    case LOWER_RUNG -> easier(item, inSession, withPain, catalog, why)
                            .orElseGet(() -> DoseLadder.stepDown(item, why));
                    case LIGHTER -> DoseLadder.stepDown(item, why);
                    default -> item;
                };
                items.add(lowered);
            }
            if (!items.isEmpty()) {
                blocks.add(new Plan.Block(block.kind(), items));
            }
        }
        return planned.withBlocks(blocks);
    }

    /** A safe easier variation at no more than the planned dose, or empty when none fits. */
    private static Optional<Plan.Item> easier(Plan.Item planned, Set<String> inSession, Plan.Limits limits,
            Function<String, Optional<ExercisePublished>> catalog, String why) {
        for (ExercisePublished candidate : PlanAdapter.safeEasier(planned, List.of(), limits, 0, null, catalog)) {
            if (inSession.contains(candidate.exerciseId().toString())) {
                continue;
            }
            Plan.Item swapped = capped(PlanAdapter.swap(planned, candidate, why, limits), planned);
            if (SessionTime.seconds(swapped) <= SessionTime.seconds(planned)) {
                inSession.add(candidate.exerciseId().toString());
                return Optional.of(swapped);
            }
        }
        return Optional.empty();
    }

    /** The swapped item's repetitions or hold no higher than the planned ones when both count the same way. */
    private static Plan.Item capped(Plan.Item swapped, Plan.Item planned) {
        Integer reps = swapped.targetReps();
        if (reps != null && planned.targetReps() != null) {
            reps = Math.min(reps, planned.targetReps());
        }
        Integer hold = swapped.holdSeconds();
        if (hold != null && planned.holdSeconds() != null) {
            hold = Math.min(hold, planned.holdSeconds());
        }
        int sets = Math.min(swapped.sets(), planned.sets());
        return swapped.withDose(sets, reps, hold, swapped.bandResistance(), swapped.adjustment());
    }

    private static Plan.Limits withPain(Plan.Limits limits, Map<String, Integer> fresh) {
        List<AthleteProfile.Pain> pain = new ArrayList<>(limits == null ? List.of() : limits.pain());
        fresh.forEach((area, score) -> pain.add(new AthleteProfile.Pain(area, score, AthleteProfile.Pain.ACUTE)));
        return limits == null ? new Plan.Limits(null, 0, List.of(), pain, null)
                : new Plan.Limits(limits.level(), limits.minutesPerSession(), limits.equipment(), pain, limits.language());
    }

    private static Adjustment rest(Plan.Session planned, Kind kind, List<String> signals, String reason) {
        return new Adjustment(kind, reason, signals, new Plan.Session(planned.week(), planned.dayOffset(),
                planned.date(), planned.title(), 0, List.of()));
    }

    private static String redFlagLabel(String flag) {
        return Terms.terms(Terms.Kind.RED_FLAG).stream().filter(t -> t.value().equals(flag)).map(Terms.Term::en)
                .findFirst().orElse(flag).toLowerCase(Locale.ROOT);
    }
}
