package dev.medius.progress.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the flag rules read about one athlete: the schedule as of today, the latest completed sessions (oldest
 * first), the skips recorded recently and the latest morning check-ins.
 *
 * @param last7 adherence over the last 7 days, counting only sessions already due
 * @param previous30 adherence over the 30 days before the last 7
 * @param last30 adherence over the last 30 days, counting only sessions already due
 * @param lastActivity the day of the latest completed session, or null
 * @param firstScheduled the first scheduled day up to today, or null
 * @param lastScheduled the last scheduled day of any plan (the plan's end), or null
 * @param missedSinceActivity scheduled sessions already due, after the last activity (or since the first scheduled
 *        day), that were not completed
 * @param recentCheckIns the morning check-ins of the last weeks, oldest first: enough for the readiness baseline of
 *        the latest ones
 * @param completedSessions every completed session up to today with its RPE and minutes, which the training load
 *        and its acute:chronic ratio are worked out from
 */
public record AthleteFacts(String athleteId, AdherenceWindow last7, AdherenceWindow previous30, AdherenceWindow last30,
        LocalDate lastActivity, LocalDate firstScheduled, LocalDate lastScheduled, int missedSinceActivity,
        List<SessionPoint> recentSessions, List<SkippedSession> recentSkips, List<CheckInPoint> recentCheckIns,
        List<TrainingLoad.Session> completedSessions) {

    public AthleteFacts {
        recentCheckIns = recentCheckIns == null ? List.of() : recentCheckIns;
        completedSessions = completedSessions == null ? List.of() : completedSessions;
    }
}
