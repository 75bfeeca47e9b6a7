package dev.medius.coaching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which answers of a check-in are clearly below the athlete's own usual (docs/coaching.md, "Readiness"): the mean of
 * their answers over the 28 days before, once there are at least five, less the larger of one standard deviation and
 * one point (or one hour of sleep). Before that, the low end of each scale stands in for the baseline. routine-service
 * adjusts the day's session by it and progress-service flags several low mornings in a row by it, so both judge the
 * same answers the same way.
 */
public final class Readiness {

    /** A morning's answers: 1-5 where 5 is the best state, and hours slept; null when left out. */
    public interface Answers {
        LocalDate date();

        Integer sleepQuality();

        Integer energy();

        Integer soreness();

        Integer stress();

        Integer mood();

        Double sleepHours();
    }

    public static final int BASELINE_DAYS = 28;
    public static final int BASELINE_ANSWERS = 5;
    /** With no baseline yet: 1 or 2 on a 1-5 scale is a poor morning for anyone. */
    static final int LOW_ON_SCALE = 2;
    /** With no baseline yet: less than the 7 hours adults need (Watson 2015), by a clear hour. */
    static final double SHORT_SLEEP_HOURS = 6.0;
    static final double MIN_MARGIN = 1.0;

    /** The answers a baseline is kept for, as the athlete reads them. */
    public enum Signal {
        SLEEP_QUALITY("sleep quality", Answers::sleepQuality),
        ENERGY("energy", Answers::energy),
        SORENESS("soreness", Answers::soreness),
        STRESS("stress", Answers::stress),
        MOOD("mood", Answers::mood),
        SLEEP_HOURS("sleep hours", Answers::sleepHours);

        private final String label;
        private final Function<Answers, Number> answer;

        Signal(String label, Function<Answers, Number> answer) {
            this.label = label;
            this.answer = answer;
        }

        public String label() {
            return label;
        }

        /** The signal's name in events and facts: {@code sleep-quality}, {@code energy}, … */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        Double of(Answers morning) {
            Number value = answer.apply(morning);
            return value == null ? null : value.doubleValue();
        }
    }

    /** An answer clearly below the usual: the value, and the usual it fell from (null when there was none yet). */
    public record Low(Signal signal, double value, Double usual, double threshold) {

        public String describe() {
            String unit = signal == Signal.SLEEP_HOURS ? " h" : "/5";
            return usual == null
                    ? String.format(Locale.ROOT, "%s %s%s", signal.label(), number(value), unit)
                    : String.format(Locale.ROOT, "%s %s%s against a usual %s", signal.label(), number(value), unit,
                            number(usual));
        }

        /** The same for a reader in another language: {@code code:value} or {@code code:value:usual}. */
        public String fact() {
            return signal.code() + ":" + number(value) + (usual == null ? "" : ":" + number(usual));
        }
    }

    /** Mean and spread of one answer over the baseline window. */
    record Usual(double mean, double sd, int answers) {
    }

    private Readiness() {
    }

    /** The answers of {@code today} clearly below the usual of the check-ins before it. */
    public static List<Low> lows(Answers today, List<? extends Answers> earlier) {
        Map<Signal, Usual> usual = baseline(today.date(), earlier);
        List<Low> lows = new ArrayList<>();
        for (Signal signal : Signal.values()) {
            Double value = signal.of(today);
            if (value == null) {
                continue;
            }
            Usual u = usual.get(signal);
            if (u == null) {
                double fixed = signal == Signal.SLEEP_HOURS ? SHORT_SLEEP_HOURS - 0.001 : LOW_ON_SCALE;
                if (value <= fixed) {
                    lows.add(new Low(signal, value, null, fixed));
                }
                continue;
            }
            double threshold = u.mean() - Math.max(u.sd(), MIN_MARGIN);
            if (value <= threshold + 1e-9) {
                lows.add(new Low(signal, value, round(u.mean()), threshold));
            }
        }
        return lows;
    }

    /** Each signal's usual over the window before {@code day}; one check-in per day, the last given. */
    static Map<Signal, Usual> baseline(LocalDate day, List<? extends Answers> earlier) {
        Map<LocalDate, Answers> byDay = new TreeMap<>();
        for (Answers morning : earlier) {
            if (morning.date().isBefore(day) && !morning.date().isBefore(day.minusDays(BASELINE_DAYS))) {
                byDay.put(morning.date(), morning);
            }
        }
        Map<Signal, Usual> usual = new EnumMap<>(Signal.class);
        for (Signal signal : Signal.values()) {
            List<Double> values = byDay.values().stream().map(signal::of).filter(v -> v != null).toList();
            if (values.size() < BASELINE_ANSWERS) {
                continue;
            }
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
            usual.put(signal, new Usual(mean, Math.sqrt(variance), values.size()));
        }
        return usual;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
