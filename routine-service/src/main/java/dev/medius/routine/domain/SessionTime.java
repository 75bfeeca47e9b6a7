package dev.medius.routine.domain;

/** Estimates how long a prescribed exercise takes, so a session fits the minutes the athlete has. */
public final class SessionTime {

    /** Time to get into position and set a band between exercises. */
    static final int SETUP_SECONDS = 30;
    static final int DEFAULT_SECONDS_PER_REP = 3;

    private SessionTime() {
    }

    /** Seconds per repetition from a tempo such as {@code 2-1-2}; 3 s when none is given. */
    static int secondsPerRep(String tempo) {
        if (tempo == null || tempo.isBlank()) {
            return DEFAULT_SECONDS_PER_REP;
        }
        int total = 0;
        for (char c : tempo.toCharArray()) {
            if (Character.isDigit(c)) {
                total += c - '0';
            }
        }
        return total > 0 ? total : DEFAULT_SECONDS_PER_REP;
    }

    public static int seconds(Plan.Item item) {
        int reps = item.targetReps() != null ? item.targetReps() : item.repsMax() != null ? item.repsMax() : 0;
        int work = item.holdSeconds() != null && item.targetReps() == null ? item.holdSeconds()
                : reps * secondsPerRep(item.tempo());
        int sides = item.perSide() ? 2 : 1;
        int rest = item.restSeconds() == null ? 0 : item.restSeconds();
        return item.sets() * (work * sides + rest) + SETUP_SECONDS;
    }

    public static double minutes(Plan.Item item) {
        return Math.round(seconds(item) / 60.0 * 10) / 10.0;
    }

    public static double minutes(Iterable<Plan.Item> items) {
        int total = 0;
        for (Plan.Item item : items) {
            total += seconds(item);
        }
        return Math.round(total / 60.0 * 10) / 10.0;
    }
}
