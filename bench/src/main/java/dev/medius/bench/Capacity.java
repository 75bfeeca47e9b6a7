package dev.medius.bench;

import java.util.Locale;

/**
 * Sizes a deployment for 100,000 athletes logging 4 sessions a week from the measured ingestion rate
 * of one replica. The peak assumption is stated so that it can be argued with.
 */
final class Capacity {

    static final int ATHLETES = 100_000;
    static final int SESSIONS_PER_WEEK = 4;
    /** Every session of a day logged within the same evening hour: 1/7 of the week's sessions in one hour. */
    static final double PEAK_HOUR_SHARE_OF_WEEK = 1.0 / 7;
    /** A replica is sized to run at no more than half of what it sustains. */
    static final double HEADROOM = 0.5;

    private Capacity() {
    }

    static String statement(double oneReplicaRate, double twoReplicaGain, int cores) {
        double weekly = (double) ATHLETES * SESSIONS_PER_WEEK;
        double average = weekly / (7 * 24 * 3600.0);
        double peak = weekly * PEAK_HOUR_SHARE_OF_WEEK / 3600.0;
        int replicas = (int) Math.max(1, Math.ceil(peak / (oneReplicaRate * HEADROOM)));
        double replay = 30 * weekly / 7 / oneReplicaRate;
        return String.format(Locale.ROOT, "Sizing for %,d athletes logging %d sessions a week: %,.0f events a week, "
                + "%.2f/s on average and %.1f/s if a whole day's sessions land in one evening hour. One replica sustained "
                + "%,.0f events/s here (%d cores shared with the broker, PostgreSQL and the load), %,.0fx that peak, so"
                + " %d replica%s at half load suffice%s; run 2 for availability (two replicas gave %.2fx one on this"
                + " machine, where they share the same cores and database). Keep the default 4 partitions: they allow"
                + " up to 4 replicas in one group, and replaying 30 days (%,.0f events) into an empty database takes"
                + " about %.0f s at the measured rate.",
                ATHLETES, SESSIONS_PER_WEEK, weekly, average, peak, oneReplicaRate, cores, oneReplicaRate / peak, replicas,
                replicas == 1 ? "" : "s", replicas == 1 ? "s" : "", twoReplicaGain, 30 * weekly / 7, replay);
    }
}
