package dev.medius.progress.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.medius.progress.config.FlagThresholds;

/** The rules that decide which flags hold for an athlete on a given day; pure, so they are tested directly. */
public final class FlagRules {

    private final FlagThresholds thresholds;

    public FlagRules(FlagThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Map<FlagKind, FlagFinding> evaluate(AthleteFacts facts, LocalDate today) {
        Map<FlagKind, FlagFinding> found = new EnumMap<>(FlagKind.class);
        List<SessionPoint> sessions = facts.recentSessions();

        List<SessionPoint> withPain = sessions.stream().filter(s -> s.pain() != null).collect(Collectors.toList());
        if (!withPain.isEmpty()) {
            SessionPoint latest = withPain.get(withPain.size() - 1);
            if (latest.pain() >= thresholds.painThreshold()) {
                found.put(FlagKind.PAIN_HIGH, new FlagFinding(FlagKind.PAIN_HIGH,
                        "pain " + latest.pain() + "/10" + (latest.painArea() == null ? "" : " (" + latest.painArea() + ")")
                                + " reported on " + latest.date(),
                        latest.pain().doubleValue(), (double) thresholds.painThreshold()));
            }
        }
        int rising = thresholds.painRisingSessions();
        if (withPain.size() >= rising && rising >= 2) {
            List<SessionPoint> tail = withPain.subList(withPain.size() - rising, withPain.size());
            boolean strictlyRising = true;
            for (int i = 1; i < tail.size(); i++) {
                strictlyRising &= tail.get(i).pain() > tail.get(i - 1).pain();
            }
            if (strictlyRising) {
                String values = tail.stream().map(s -> String.valueOf(s.pain())).collect(Collectors.joining(" → "));
                found.put(FlagKind.PAIN_RISING, new FlagFinding(FlagKind.PAIN_RISING,
                        "pain rising over the last " + rising + " sessions: " + values,
                        tail.get(tail.size() - 1).pain().doubleValue(), null));
            }
        }

        int hard = thresholds.effortSessions();
        if (sessions.size() >= hard && hard >= 1) {
            List<SessionPoint> tail = sessions.subList(sessions.size() - hard, sessions.size());
            if (tail.stream().allMatch(s -> s.rpe() != null && s.rpe() >= thresholds.effortRpe())) {
                found.put(FlagKind.EFFORT_HIGH, new FlagFinding(FlagKind.EFFORT_HIGH,
                        "session RPE at or above " + trim(thresholds.effortRpe()) + " in the last " + hard + " sessions",
                        tail.get(tail.size() - 1).rpe(), thresholds.effortRpe()));
            }
        }

        if (facts.last7().percent() != null && facts.previous30().percent() != null) {
            double drop = facts.previous30().percent() - facts.last7().percent();
            if (drop >= thresholds.adherenceDropPoints()) {
                found.put(FlagKind.ADHERENCE_DROP, new FlagFinding(FlagKind.ADHERENCE_DROP,
                        "adherence " + trim(facts.last7().percent()) + "% in the last 7 days against "
                                + trim(facts.previous30().percent()) + "% in the 30 days before",
                        Math.round(drop * 10) / 10.0, (double) thresholds.adherenceDropPoints()));
            }
        }

        // an athlete who never completed anything is measured from the first day they had work scheduled
        LocalDate since = facts.lastActivity() != null ? facts.lastActivity().toLocalDate() : facts.firstScheduled();
        if (since != null && !since.isAfter(today)) {
            long idle = ChronoUnit.DAYS.between(since, today);
            if (idle >= thresholds.inactiveDays()) {
                found.put(FlagKind.INACTIVE, new FlagFinding(FlagKind.INACTIVE,
                        facts.lastActivity() != null ? "no completed session for " + idle + " days (last on " + since + ")"
                                : "no completed session since the plan started on " + since,
                        (double) idle, (double) thresholds.inactiveDays()));
            }
        }
        return found;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
