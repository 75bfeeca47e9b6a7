package dev.medius.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one scenario: each measured in every run (so its median, min and max can be
 * reported), the bars it is held to, and notes on what was measured and how.
 */
final class Result {

    /** One quantity, one value per run. */
    record Figure(String name, String unit, List<Double> values) {

        double median() {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double max() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    /** A bar: which figure, compared how, against what. */
    record Bar(String figure, boolean atMost, double limit) {

        String describe() {
            return figure + (atMost ? " ≤ " : " ≥ ") + format(limit);
        }
    }

    final String scenario;
    final String title;
    final List<Figure> figures = new ArrayList<>();
    final List<Bar> bars = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Result(String scenario, String title) {
        this.scenario = scenario;
        this.title = title;
    }

    Result figure(String name, String unit, List<Double> values) {
        figures.add(new Figure(name, unit, List.copyOf(values)));
        return this;
    }

    Result atMost(String figure, double limit) {
        bars.add(new Bar(figure, true, limit));
        return this;
    }

    Result atLeast(String figure, double limit) {
        bars.add(new Bar(figure, false, limit));
        return this;
    }

    Result note(String note) {
        notes.add(note);
        return this;
    }

    Figure find(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + name + " in " + scenario));
    }

    /** A bar is judged on the median of the runs. */
    boolean met(Bar bar) {
        double value = find(bar.figure()).median();
        return bar.atMost() ? value <= bar.limit() : value >= bar.limit();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
