package dev.medius.progress.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An athlete's training load from session RPE: each session's load, the load of each day and week, the week's
 * monotony and strain, and the acute:chronic workload ratio by exponentially weighted averages. Each rule and its
 * source are in docs/coaching.md ("Training load"). The ratio tells how fast load is changing; it predicts no injury.
 */
public final class TrainingLoad {

    /** Days the acute and the chronic averages stand for (Williams et al. 2017). */
    public static final int ACUTE_DAYS = 7;
    public static final int CHRONIC_DAYS = 28;

    /** The decay of each average: 2 / (days + 1). */
    public static final double ACUTE_LAMBDA = 2.0 / (ACUTE_DAYS + 1);
    public static final double CHRONIC_LAMBDA = 2.0 / (CHRONIC_DAYS + 1);

    /** The session RPE scale (CR-10) the load is defined on. */
    public static final double MAX_RPE = 10;

    private TrainingLoad() {
    }

    /** A completed session on its day; RPE (0–10) and minutes as the athlete reported them, null when not. */
    public record Session(LocalDate date, Double rpe, Integer minutes) {

        /** RPE × minutes (Foster et al. 2001); null when either is missing or out of its range: never guessed. */
        public Double load() {
            if (rpe == null || minutes == null || rpe.isNaN() || rpe < 0 || rpe > MAX_RPE || minutes < 0) {
                return null;
            }
            return rpe * minutes;
        }

        public boolean rated() {
            return load() != null;
        }
    }

    /** One day: its load, and the averages and their ratio once the athlete's history has begun (null before). */
    public record Day(LocalDate date, double load, Double acute, Double chronic, Double ratio) {
    }

    /**
     * One Monday-to-Sunday week: its load, monotony and strain (null while the week is under way, and monotony
     * when the seven days' loads do not vary), the sessions done and those without a load.
     */
    public record Week(LocalDate weekStart, double load, Double monotony, Double strain, int sessions,
            int unratedSessions, boolean complete) {
    }

    /** What the latest day's ratio says. */
    public enum Signal {
        /** The ratio is above the configured threshold: load rose quickly against what the athlete is used to. */
        SPIKE("spike"),
        /** The ratio is at or below the threshold. */
        WITHIN("within"),
        /** No ratio: too little history, or no load in it yet. */
        INSUFFICIENT_HISTORY("insufficient-history");

        private final String code;

        Signal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The latest day's ratio and its signal; {@code reason} says why there is no ratio, null when there is one. */
    public record Latest(LocalDate date, Double ratio, Signal signal, String reason, int historyDays) {
    }

    /** Days and weeks from {@code from} to {@code to}, and the latest ratio; historyStart is null without sessions. */
    public record Report(LocalDate historyStart, List<Day> days, List<Week> weeks, Latest latest) {
    }

    /**
     * The athlete's load from {@code from} to {@code to} (today). {@code sessions} is every completed session the
     * athlete has, from the first: the averages start at 0 on the first session's day. Sessions after {@code to}
     * are left out. A ratio above {@code spikeRatio} is a spike.
     */
    public static Report of(List<Session> sessions, LocalDate from, LocalDate to, double spikeRatio) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after " + to);
        }
        Map<LocalDate, Double> daily = new HashMap<>();
        Map<LocalDate, int[]> counts = new HashMap<>();
        LocalDate historyStart = null;
        for (Session s : sessions) {
            if (s.date().isAfter(to)) {
                continue;
            }
            historyStart = historyStart == null || s.date().isBefore(historyStart) ? s.date() : historyStart;
            int[] count = counts.computeIfAbsent(s.date(), d -> new int[2]);
            count[0]++;
            Double load = s.load();
            if (load == null) {
                count[1]++;
            } else {
                daily.merge(s.date(), load, Double::sum);
            }
        }
        List<Day> days = days(daily, historyStart, from, to);
        return new Report(historyStart, days, weeks(daily, counts, from, to), latest(days.get(days.size() - 1),
                historyStart, spikeRatio));
    }

    /** Each day of [from, to] with the averages, walked from the first day of the athlete's history. */
    private static List<Day> days(Map<LocalDate, Double> daily, LocalDate historyStart, LocalDate from, LocalDate to) {
        List<Day> days = new ArrayList<>();
        LocalDate averagesFrom = historyStart == null ? to.plusDays(1) : historyStart;
        for (LocalDate d = from; d.isBefore(averagesFrom) && !d.isAfter(to); d = d.plusDays(1)) {
            days.add(new Day(d, load(daily, d), null, null, null));
        }
        if (historyStart == null) {
            return days;
        }
        double acute = 0;
        double chronic = 0;
        for (LocalDate d = historyStart; !d.isAfter(to); d = d.plusDays(1)) {
            double load = load(daily, d);
            acute = ewma(load, ACUTE_LAMBDA, acute);
            chronic = ewma(load, CHRONIC_LAMBDA, chronic);
            if (!d.isBefore(from)) {
                days.add(new Day(d, load, acute, chronic, ratio(acute, chronic, historyDays(historyStart, d))));
            }
        }
        return days;
    }

    /** Today's average: load × λ + (1 − λ) × yesterday's (Williams et al. 2017). */
    public static double ewma(double load, double lambda, double yesterday) {
        return load * lambda + (1 - lambda) * yesterday;
    }

    /** Acute ÷ chronic once the history spans the chronic days; null before, and when the chronic average is 0. */
    static Double ratio(double acute, double chronic, long historyDays) {
        return historyDays < CHRONIC_DAYS || chronic <= 0 ? null : acute / chronic;
    }

    /** Days from the first day of history to {@code day}, both counted. */
    static int historyDays(LocalDate historyStart, LocalDate day) {
        return (int) ChronoUnit.DAYS.between(historyStart, day) + 1;
    }

    private static List<Week> weeks(Map<LocalDate, Double> daily, Map<LocalDate, int[]> counts, LocalDate from,
            LocalDate to) {
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(to);
                monday = monday.plusWeeks(1)) {
            boolean complete = !monday.plusDays(6).isAfter(to);
            double[] loads = new double[7];
            double total = 0;
            int sessions = 0;
            int unrated = 0;
            for (int i = 0; i < 7 && !monday.plusDays(i).isAfter(to); i++) {
                LocalDate d = monday.plusDays(i);
                loads[i] = load(daily, d);
                total += loads[i];
                int[] count = counts.getOrDefault(d, new int[2]);
                sessions += count[0];
                unrated += count[1];
            }
            Double monotony = complete ? monotony(loads) : null;
            weeks.add(new Week(monday, total, monotony, monotony == null ? null : total * monotony, sessions, unrated,
                    complete));
        }
        return weeks;
    }

    /**
     * Mean daily load ÷ the population standard deviation of the days' loads (Foster 1998); null when the loads do
     * not vary, a rest week included.
     */
    public static Double monotony(double[] loads) {
        double sum = 0;
        for (double load : loads) {
            sum += load;
        }
        double mean = sum / loads.length;
        double squares = 0;
        for (double load : loads) {
            squares += (load - mean) * (load - mean);
        }
        double sd = Math.sqrt(squares / loads.length);
        // equal loads can leave a rounding residue instead of an exact 0
        if (sd <= 1e-9 * Math.max(1, mean)) {
            return null;
        }
        return mean / sd;
    }

    private static Latest latest(Day today, LocalDate historyStart, double spikeRatio) {
        if (historyStart == null) {
            return new Latest(today.date(), null, Signal.INSUFFICIENT_HISTORY, "too little history: no completed "
                    + "session yet", 0);
        }
        int history = historyDays(historyStart, today.date());
        if (history < CHRONIC_DAYS) {
            return new Latest(today.date(), null, Signal.INSUFFICIENT_HISTORY, "too little history: " + history + " of "
                    + CHRONIC_DAYS + " days", history);
        }
        if (today.ratio() == null) {
            return new Latest(today.date(), null, Signal.INSUFFICIENT_HISTORY, "too little history: no training load "
                    + "recorded yet (no session with both RPE and duration)", history);
        }
        return new Latest(today.date(), today.ratio(), today.ratio() > spikeRatio ? Signal.SPIKE : Signal.WITHIN, null,
                history);
    }

    private static double load(Map<LocalDate, Double> daily, LocalDate day) {
        return daily.getOrDefault(day, 0.0);
    }
}
