package dev.medius.bench;

import java.util.List;

/** Percentiles of sorted samples (nearest rank). */
final class Stats {

    private Stats() {
    }

    static double percentile(List<Double> sorted, double percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
