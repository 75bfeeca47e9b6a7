package dev.medius.routine.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Strength and control tests and what they show (docs/coaching.md, "Strength and control tests"): hip abduction
 * torque by hand-held dynamometry normalised to body mass, side-bridge endurance against published values, single-leg
 * squat quality, and return-to-play criteria a coach sets per athlete. Pure.
 */
public final class StrengthTesting {

    public static final String HIP_ABDUCTION = "hip-abduction";
    public static final String SIDE_BRIDGE = "side-bridge";
    public static final String SINGLE_LEG_SQUAT = "single-leg-squat";
    public static final List<String> KINDS = List.of(HIP_ABDUCTION, SIDE_BRIDGE, SINGLE_LEG_SQUAT);

    /** Healthy young adults hold a side bridge about 70 s and more (McGill 1999: 70-80 s women, 80-100 s men). */
    public static final double SIDE_BRIDGE_LOW_SECONDS = 70;
    /** A right:left side-bridge ratio further than this from 1.0 suggests imbalance (McGill 1999). */
    public static final double SIDE_BRIDGE_RATIO_MARGIN = 0.05;
    /** The common return-to-play bar for limb symmetry (Grindem 2016). */
    public static final int SYMMETRY_BAR_PERCENT = 90;
    /** Single-leg squat ratings from the best; a rating is a clinician's overall judgement (Crossley 2011). */
    public static final List<String> SQUAT_RATINGS = List.of("good", "fair", "poor");
    public static final Set<String> SQUAT_FAULTS = Set.of("trunk-lean", "pelvic-drop", "hip-adduction", "knee-valgus",
            "loss-of-balance");

    /** What one test measured, as the athlete or coach reads it back. */
    public record Result(String kind, LocalDate testedOn, Double left, Double right, String unit,
            Double symmetryPercent, String involvedSide, Integer pain, String leftRating, String rightRating,
            List<String> faults, List<String> findings) {
    }

    /** What a coach requires before a return to play; a null criterion is not required. */
    public record Criteria(Integer minSymmetryPercent, Integer maxPain, Double minSideBridgeSeconds,
            String minSquatRating) {
    }

    /** One criterion and whether the latest tests meet it: met, not met, or not known yet (no test). */
    public record Check(String criterion, String status, String detail) {
    }

    /** The criteria's verdict: cleared only when every criterion set is met. */
    public record Verdict(boolean cleared, List<Check> checks) {
    }

    private StrengthTesting() {
    }

    /** Hip abduction torque per side, N·m/kg: force × lever arm ÷ body mass. */
    public static Result hipAbduction(LocalDate on, double leftNewtons, double rightNewtons, double leverArmMetres,
            double bodyMassKg, String involvedSide, Integer pain) {
        double left = round(leftNewtons * leverArmMetres / bodyMassKg, 2);
        double right = round(rightNewtons * leverArmMetres / bodyMassKg, 2);
        Double symmetry = symmetry(leftNewtons, rightNewtons, involvedSide);
        List<String> findings = new ArrayList<>();
        findings.add(String.format(Locale.ROOT, "limb symmetry %.0f %% (%s)", symmetry,
                involvedSide == null ? "weaker side against the stronger" : involvedSide + " side against the other"));
        if (symmetry < SYMMETRY_BAR_PERCENT) {
            findings.add("below the " + SYMMETRY_BAR_PERCENT + " % symmetry often required to return to play (Grindem 2016)");
        }
        return new Result(HIP_ABDUCTION, on, left, right, "N·m/kg", symmetry, involvedSide, pain, null, null, List.of(),
                findings);
    }

    /** Side-bridge holds per side in seconds, against published values and each other. */
    public static Result sideBridge(LocalDate on, double leftSeconds, double rightSeconds, String involvedSide,
            Integer pain) {
        List<String> findings = new ArrayList<>();
        if (leftSeconds > 0) {
            double ratio = rightSeconds / leftSeconds;
            findings.add(String.format(Locale.ROOT, "right:left ratio %.2f%s", ratio,
                    Math.abs(ratio - 1) > SIDE_BRIDGE_RATIO_MARGIN + 1e-9
                            ? ", further than 0.05 from 1.0: a sign of imbalance (McGill 1999)" : ""));
        }
        for (Map.Entry<String, Double> side : Map.of("left", leftSeconds, "right", rightSeconds).entrySet()) {
            if (side.getValue() < SIDE_BRIDGE_LOW_SECONDS) {
                findings.add(String.format(Locale.ROOT, "%s side %.0f s, under the %.0f s and more healthy young adults "
                        + "hold (McGill 1999)", side.getKey(), side.getValue(), SIDE_BRIDGE_LOW_SECONDS));
            }
        }
        findings.sort(null);
        return new Result(SIDE_BRIDGE, on, leftSeconds, rightSeconds, "s",
                symmetry(leftSeconds, rightSeconds, involvedSide), involvedSide, pain, null, null, List.of(), findings);
    }

    /** Single-leg squat quality per side, with the faults seen. */
    public static Result singleLegSquat(LocalDate on, String leftRating, String rightRating, List<String> faults,
            String involvedSide, Integer pain) {
        List<String> findings = new ArrayList<>();
        for (String fault : faults.stream().sorted().toList()) {
            findings.add(fault.replace('-', ' ') + " seen");
        }
        if (!leftRating.equals(rightRating)) {
            findings.add("the sides differ: left " + leftRating + ", right " + rightRating);
        }
        return new Result(SINGLE_LEG_SQUAT, on, null, null, null, null, involvedSide, pain, leftRating, rightRating,
                faults.stream().sorted().toList(), findings);
    }

    /**
     * The latest result of each kind against the criteria. Symmetry is judged on hip abduction; pain is the highest
     * reported in the latest tests; side-bridge time on the weaker side; squat quality on the worse side.
     */
    public static Verdict judge(Criteria criteria, List<Result> latest) {
        List<Check> checks = new ArrayList<>();
        Result hip = latestOf(latest, HIP_ABDUCTION);
        Result bridge = latestOf(latest, SIDE_BRIDGE);
        Result squat = latestOf(latest, SINGLE_LEG_SQUAT);
        if (criteria.minSymmetryPercent() != null) {
            checks.add(hip == null ? unknown("symmetry", "no hip abduction test yet")
                    : check("symmetry", hip.symmetryPercent() >= criteria.minSymmetryPercent(),
                            String.format(Locale.ROOT, "%.0f %% against at least %d %%", hip.symmetryPercent(),
                                    criteria.minSymmetryPercent())));
        }
        if (criteria.maxPain() != null) {
            Integer pain = latest.stream().map(Result::pain).filter(p -> p != null).max(Integer::compare).orElse(null);
            checks.add(pain == null ? unknown("pain", "no pain reported with the latest tests")
                    : check("pain", pain <= criteria.maxPain(), pain + "/10 against at most " + criteria.maxPain() + "/10"));
        }
        if (criteria.minSideBridgeSeconds() != null) {
            checks.add(bridge == null ? unknown("side-bridge", "no side-bridge test yet")
                    : check("side-bridge", Math.min(bridge.left(), bridge.right()) >= criteria.minSideBridgeSeconds(),
                            String.format(Locale.ROOT, "weaker side %.0f s against at least %.0f s",
                                    Math.min(bridge.left(), bridge.right()), criteria.minSideBridgeSeconds())));
        }
        if (criteria.minSquatRating() != null) {
            if (squat == null) {
                checks.add(unknown("single-leg-squat", "no single-leg squat test yet"));
            } else {
                String worse = SQUAT_RATINGS.indexOf(squat.leftRating()) >= SQUAT_RATINGS.indexOf(squat.rightRating())
                        ? squat.leftRating() : squat.rightRating();
                checks.add(check("single-leg-squat",
                        SQUAT_RATINGS.indexOf(worse) <= SQUAT_RATINGS.indexOf(criteria.minSquatRating()),
                        "worse side " + worse + " against at least " + criteria.minSquatRating()));
            }
        }
        boolean cleared = !checks.isEmpty() && checks.stream().allMatch(c -> c.status().equals("met"));
        return new Verdict(cleared, checks);
    }

    /** Limb symmetry index: the involved side against the other, else the weaker against the stronger, in percent. */
    static Double symmetry(double left, double right, String involvedSide) {
        double involved = "left".equals(involvedSide) ? left : "right".equals(involvedSide) ? right : Math.min(left, right);
        double other = "left".equals(involvedSide) ? right : "right".equals(involvedSide) ? left : Math.max(left, right);
        return other <= 0 ? null : round(involved / other * 100, 1);
    }

    private static Result latestOf(List<Result> results, String kind) {
        return results.stream().filter(r -> r.kind().equals(kind)).reduce((a, b) -> b).orElse(null);
    }

    private static Check check(String criterion, boolean met, String detail) {
        return new Check(criterion, met ? "met" : "not-met", detail);
    }

    private static Check unknown(String criterion, String detail) {
        return new Check(criterion, "unknown", detail);
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
