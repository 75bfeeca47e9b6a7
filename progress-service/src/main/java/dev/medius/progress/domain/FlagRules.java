package dev.medius.progress.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.medius.coaching.Readiness;
import dev.medius.progress.config.FlagThresholds;

/**
 * The rules that decide which flags hold for an athlete on a given day; pure, so they are tested directly. Each
 * rule, its threshold and its source are listed in progress-service's README ("Flags").
 */
public final class FlagRules {

    private final FlagThresholds thresholds;
    private final double spikeRatio;

    /** @param spikeRatio the acute:chronic ratio above which load is a spike, as the training load view reads it */
    public FlagRules(FlagThresholds thresholds, double spikeRatio) {
        this.thresholds = thresholds;
        this.spikeRatio = spikeRatio;
    }

    /** The first day whose check-ins the rules read: the clinician's days, and the readiness run with its baseline. */
    public LocalDate checkInsFrom(LocalDate today) {
        LocalDate clinician = today.minusDays(thresholds.clinicianDays() - 1L);
        LocalDate readiness = today.minusDays(thresholds.readinessLowWithin() - 1L + Readiness.BASELINE_DAYS);
        return clinician.isBefore(readiness) ? clinician : readiness;
    }

    public Map<FlagKind, FlagFinding> evaluate(AthleteFacts facts, LocalDate today) {
        Map<FlagKind, FlagFinding> found = new EnumMap<>(FlagKind.class);
        pain(facts.recentSessions(), found);
        effort(facts.recentSessions(), found);
        adherence(facts, found);
        inactivity(facts, today, found);
        skips(facts.recentSkips(), today, found);
        checkIns(facts.recentCheckIns(), today, found);
        readiness(facts.recentCheckIns(), today, found);
        loadSpike(facts.completedSessions(), today, found);
        return found;
    }

    /**
     * The rules that change with the calendar alone (adherence, inactivity, skips, check-ins, the load's averages):
     * what a day passing can change.
     */
    public Map<FlagKind, FlagFinding> evaluateCalendar(AthleteFacts facts, LocalDate today) {
        Map<FlagKind, FlagFinding> found = new EnumMap<>(FlagKind.class);
        adherence(facts, found);
        inactivity(facts, today, found);
        skips(facts.recentSkips(), today, found);
        checkIns(facts.recentCheckIns(), today, found);
        readiness(facts.recentCheckIns(), today, found);
        loadSpike(facts.completedSessions(), today, found);
        return found;
    }

    /**
     * Whether the latest {@code kept} sessions read for an athlete may leave out sessions the pain and effort rules
     * need: the recent days reach back past the oldest of them, or a recent report is high enough to be compared
     * with the athlete's baseline, which the earlier sessions give. Fewer sessions than kept are all there are.
     */
    public boolean needsLongerHistory(List<SessionPoint> latest, int kept) {
        if (latest.size() < kept) {
            return false;
        }
        if (thresholds.effortSessions() > kept || thresholds.painPersistSessions() > kept) {
            return true;
        }
        LocalDate from = recentFrom(latest);
        return !latest.get(0).date().isBefore(from) || latest.stream().anyMatch(
                s -> s.pain() != null && s.pain() >= thresholds.painBaselineRise() && !s.date().isBefore(from));
    }

    /** How many sessions to read for an athlete whose latest sessions leave some out. */
    public int historySessions() {
        return Math.max(thresholds.painHistorySessions(), Math.max(thresholds.effortSessions(), thresholds.painPersistSessions()));
    }

    /** The first day whose pain reports are recent: the recent days end with the latest session, so silence clears nothing. */
    private LocalDate recentFrom(List<SessionPoint> sessions) {
        return sessions.get(sessions.size() - 1).date().minusDays(thresholds.painRecentDays() - 1L);
    }

    private void pain(List<SessionPoint> sessions, Map<FlagKind, FlagFinding> found) {
        if (sessions.isEmpty()) {
            return;
        }
        LocalDate from = recentFrom(sessions);
        SessionPoint worst = null;
        List<Integer> earlier = new java.util.ArrayList<>();
        for (SessionPoint s : sessions) {
            if (s.pain() == null) {
                continue;
            }
            if (s.date().isBefore(from)) {
                earlier.add(s.pain());
            } else if (worst == null || s.pain() >= worst.pain()) {
                worst = s;
            }
        }
        if (worst != null && worst.pain() >= thresholds.painThreshold()) {
            found.put(FlagKind.PAIN_HIGH, new FlagFinding(FlagKind.PAIN_HIGH, "pain " + painOf(worst) + " reported on "
                    + worst.date() + ", at or above the ceiling of " + thresholds.painThreshold() + "/10",
                    worst.pain().doubleValue(), (double) thresholds.painThreshold(),
                    FlagFinding.facts("pain-high", "pain", worst.pain(), "area", worst.painArea(), "date", worst.date(),
                            "ceiling", thresholds.painThreshold())));
        }
        if (worst != null && earlier.size() >= thresholds.painBaselineReports()) {
            double baseline = median(earlier);
            double limit = baseline + thresholds.painBaselineRise();
            if (worst.pain() >= limit) {
                found.put(FlagKind.PAIN_RISING, new FlagFinding(FlagKind.PAIN_RISING, "pain " + painOf(worst)
                        + " reported on " + worst.date() + " against a usual " + trim(baseline) + "/10 (median of "
                        + earlier.size() + " earlier reports), " + trim(worst.pain() - baseline) + " points above",
                        worst.pain().doubleValue(), limit, FlagFinding.facts("pain-rising", "pain", worst.pain(),
                                "area", worst.painArea(), "date", worst.date(), "usual", trim(baseline), "reports",
                                earlier.size(), "above", trim(worst.pain() - baseline))));
            }
        }
        int run = thresholds.painPersistSessions();
        if (run >= 1 && sessions.size() >= run) {
            List<SessionPoint> tail = sessions.subList(sessions.size() - run, sessions.size());
            if (tail.stream().allMatch(s -> s.pain() != null && s.pain() >= thresholds.painPersistLevel())) {
                found.put(FlagKind.PAIN_PERSISTING, new FlagFinding(FlagKind.PAIN_PERSISTING, "pain at or above "
                        + thresholds.painPersistLevel() + "/10 in each of the last " + run + " sessions: "
                        + tail.stream().map(s -> s.pain() + "/10").collect(Collectors.joining(", ")),
                        tail.get(tail.size() - 1).pain().doubleValue(), (double) thresholds.painPersistLevel(),
                        FlagFinding.facts("pain-persisting", "level", thresholds.painPersistLevel(), "sessions", run,
                                "values", tail.stream().map(s -> s.pain() + "/10").collect(Collectors.joining(", ")))));
            }
        }
    }

    private void effort(List<SessionPoint> sessions, Map<FlagKind, FlagFinding> found) {
        int hard = thresholds.effortSessions();
        if (hard >= 1 && sessions.size() >= hard) {
            List<SessionPoint> tail = sessions.subList(sessions.size() - hard, sessions.size());
            if (tail.stream().allMatch(s -> s.rpe() != null && s.rpe() >= thresholds.effortRpe())) {
                found.put(FlagKind.EFFORT_HIGH, new FlagFinding(FlagKind.EFFORT_HIGH,
                        "session RPE at or above " + trim(thresholds.effortRpe()) + " in the last " + hard + " sessions",
                        tail.get(tail.size() - 1).rpe(), thresholds.effortRpe(), FlagFinding.facts("effort-high",
                                "rpe", trim(thresholds.effortRpe()), "sessions", hard)));
            }
        }
    }

    private void adherence(AthleteFacts facts, Map<FlagKind, FlagFinding> found) {
        AdherenceWindow last7 = facts.last7();
        AdherenceWindow before = facts.previous30();
        if (last7.percent() != null && before.percent() != null) {
            double drop = before.percent() - last7.percent();
            if (drop >= thresholds.adherenceDropPoints()) {
                found.put(FlagKind.ADHERENCE_DROP, new FlagFinding(FlagKind.ADHERENCE_DROP,
                        "adherence " + trim(last7.percent()) + "% in the last 7 days against "
                                + trim(before.percent()) + "% in the 30 days before",
                        Math.round(drop * 10) / 10.0, (double) thresholds.adherenceDropPoints(),
                        FlagFinding.facts("adherence-drop", "recent", trim(last7.percent()), "before",
                                trim(before.percent()))));
            }
        }
        AdherenceWindow last30 = facts.last30();
        if (last30.scheduled() >= thresholds.adherenceLowMinSessions() && last30.percent() < thresholds.adherenceLowPercent()) {
            found.put(FlagKind.ADHERENCE_LOW, new FlagFinding(FlagKind.ADHERENCE_LOW, last30.completed() + " of "
                    + last30.scheduled() + " sessions due in the last 30 days completed (" + trim(last30.percent())
                    + "%), below " + thresholds.adherenceLowPercent() + "%",
                    last30.percent(), (double) thresholds.adherenceLowPercent(), FlagFinding.facts("adherence-low",
                            "completed", last30.completed(), "due", last30.scheduled(), "percent", trim(last30.percent()),
                            "below", thresholds.adherenceLowPercent())));
        }
    }

    private void inactivity(AthleteFacts facts, LocalDate today, Map<FlagKind, FlagFinding> found) {
        // nothing scheduled from today on: no plan, or the plan has ended, and nobody is inactive against it
        if (facts.lastScheduled() == null || facts.lastScheduled().isBefore(today) || facts.firstScheduled() == null) {
            return;
        }
        boolean sincePlanStart = facts.lastActivity() == null || facts.lastActivity().isBefore(facts.firstScheduled());
        LocalDate since = sincePlanStart ? facts.firstScheduled() : facts.lastActivity();
        long idle = ChronoUnit.DAYS.between(since, today);
        if (idle >= thresholds.inactiveDays() && facts.missedSinceActivity() >= thresholds.inactiveMissedSessions()) {
            found.put(FlagKind.INACTIVE, new FlagFinding(FlagKind.INACTIVE, (sincePlanStart
                    ? "no completed session since the plan started on " + since + " (" + idle + " days)"
                    : "no completed session for " + idle + " days (last on " + since + ")")
                    + "; " + facts.missedSinceActivity() + " scheduled sessions missed",
                    (double) idle, (double) thresholds.inactiveDays(), FlagFinding.facts(sincePlanStart
                            ? "inactive-since-start" : "inactive", "since", since, "days", idle, "missed",
                            facts.missedSinceActivity())));
        }
    }

    private void skips(List<SkippedSession> skips, LocalDate today, Map<FlagKind, FlagFinding> found) {
        LocalDate from = today.minusDays(thresholds.injurySkipDays() - 1L);
        SkippedSession latest = null;
        SkipReasons.Cause latestCause = null;
        for (SkippedSession skip : skips) {
            Optional<SkipReasons.Cause> cause = SkipReasons.cause(skip.reason());
            if (cause.isPresent() && !skip.recordedOn().isBefore(from) && !skip.recordedOn().isAfter(today)
                    && (latest == null || !skip.recordedOn().isBefore(latest.recordedOn()))) {
                latest = skip;
                latestCause = cause.get();
            }
        }
        if (latest != null) {
            LocalDate day = latest.scheduledDate() != null ? latest.scheduledDate() : latest.recordedOn();
            found.put(FlagKind.INJURY_OR_ILLNESS, new FlagFinding(FlagKind.INJURY_OR_ILLNESS, "skipped the session of "
                    + day + " for " + latestCause.kind() + ": \"" + abbreviate(latest.reason()) + "\"", null, null,
                    FlagFinding.facts("injury-or-illness", "date", day, "cause", latestCause.kind(), "words",
                            abbreviate(latest.reason()))));
        }
    }

    /**
     * A red flag, or pain too severe to train through, in a recent morning check-in: a clinician should see the
     * athlete before training (Finucane 2020; docs/coaching.md, rule 11). The latest such check-in is cited.
     */
    private void checkIns(List<CheckInPoint> checkIns, LocalDate today, Map<FlagKind, FlagFinding> found) {
        LocalDate from = today.minusDays(thresholds.clinicianDays() - 1L);
        CheckInPoint alarm = null;
        for (CheckInPoint c : checkIns) {
            boolean severe = !c.redFlags().isEmpty() || c.pain() != null && c.pain() >= thresholds.clinicianPain();
            if (severe && !c.date().isBefore(from) && !c.date().isAfter(today)
                    && (alarm == null || !c.date().isBefore(alarm.date()))) {
                alarm = c;
            }
        }
        if (alarm == null) {
            return;
        }
        if (!alarm.redFlags().isEmpty()) {
            String flags = String.join(", ", alarm.redFlags());
            found.put(FlagKind.SEE_A_CLINICIAN, new FlagFinding(FlagKind.SEE_A_CLINICIAN, "red flag in the check-in of "
                    + alarm.date() + " (" + flags + "): a clinician should assess before training", null, null,
                    FlagFinding.facts("see-a-clinician-red-flag", "date", alarm.date(), "flags", flags)));
        } else {
            found.put(FlagKind.SEE_A_CLINICIAN, new FlagFinding(FlagKind.SEE_A_CLINICIAN, "pain " + alarm.pain() + "/10"
                    + (alarm.painArea() == null ? "" : " (" + alarm.painArea() + ")") + " in the check-in of "
                    + alarm.date() + ": a clinician should assess before training", alarm.pain().doubleValue(),
                    (double) thresholds.clinicianPain(), FlagFinding.facts("see-a-clinician-pain", "pain", alarm.pain(),
                            "area", alarm.painArea(), "date", alarm.date())));
        }
    }

    /**
     * Readiness clearly below the athlete's usual in each of their latest check-ins, several in a row: the signal a
     * single poor morning is not (Saw 2016; docs/coaching.md, rule 10). A morning is low when at least
     * {@code readiness-low-signals} answers are clearly below the usual of the 28 days before it, the baseline
     * routine-service adjusts sessions by.
     */
    private void readiness(List<CheckInPoint> checkIns, LocalDate today, Map<FlagKind, FlagFinding> found) {
        int days = thresholds.readinessLowDays();
        if (days < 1) {
            return;
        }
        // one morning a day, the last given, as the baseline counts them
        TreeMap<LocalDate, CheckInPoint> byDay = new TreeMap<>();
        checkIns.stream().filter(c -> !c.date().isAfter(today)).forEach(c -> byDay.put(c.date(), c));
        if (byDay.size() < days) {
            return;
        }
        List<CheckInPoint> run = new ArrayList<>(byDay.descendingMap().values()).subList(0, days);
        if (run.get(days - 1).date().isBefore(today.minusDays(thresholds.readinessLowWithin() - 1L))) {
            return;
        }
        List<Readiness.Low> latest = null;
        for (CheckInPoint morning : run) {
            List<Readiness.Low> lows = Readiness.lows(morning, checkIns);
            if (lows.size() < thresholds.readinessLowSignals()) {
                return;
            }
            latest = latest == null ? lows : latest;
        }
        LocalDate from = run.get(days - 1).date();
        LocalDate to = run.get(0).date();
        String signals = latest.stream().map(Readiness.Low::describe).collect(Collectors.joining(", "));
        found.put(FlagKind.READINESS_LOW, new FlagFinding(FlagKind.READINESS_LOW, "readiness below the usual in each of "
                + "the last " + days + " check-ins, from " + from + " to " + to + "; on " + to + ": " + signals,
                (double) latest.size(), (double) thresholds.readinessLowSignals(), FlagFinding.facts("readiness-low",
                        "days", days, "from", from, "to", to, "signals", signals, "lows",
                        latest.stream().map(Readiness.Low::fact).collect(Collectors.joining(",")))));
    }

    /**
     * Today's acute:chronic ratio above the spike threshold: load rose quickly against what the athlete is used to.
     * A prompt to look at the plan, not an injury risk (Williams 2017, Impellizzeri 2020; docs/coaching.md, rule 12).
     */
    private void loadSpike(List<TrainingLoad.Session> sessions, LocalDate today, Map<FlagKind, FlagFinding> found) {
        if (sessions.isEmpty()) {
            return;
        }
        TrainingLoad.Report report = TrainingLoad.of(sessions, today, today, spikeRatio);
        if (report.latest().signal() != TrainingLoad.Signal.SPIKE) {
            return;
        }
        TrainingLoad.Day day = report.days().get(report.days().size() - 1);
        String ratio = hundredths(day.ratio());
        String acute = hundredths(day.acute());
        String chronic = hundredths(day.chronic());
        found.put(FlagKind.LOAD_SPIKE, new FlagFinding(FlagKind.LOAD_SPIKE, "acute:chronic load ratio " + ratio
                + " today (" + acute + " against " + chronic + " a day), above " + trim(spikeRatio)
                + ": load rose quickly against what the athlete is used to", Math.round(day.ratio() * 100) / 100.0,
                spikeRatio, FlagFinding.facts("load-spike", "ratio", ratio, "acute", acute, "chronic", chronic,
                        "above", trim(spikeRatio))));
    }

    static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static String painOf(SessionPoint s) {
        return s.pain() + "/10" + (s.painArea() == null ? "" : " (" + s.painArea() + ")");
    }

    /** The reason as the athlete wrote it, short enough for a flag's reason. */
    private static String abbreviate(String reason) {
        String line = reason.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }

    private static String hundredths(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
