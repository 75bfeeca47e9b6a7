package dev.medius.progress.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the flag rules read about one athlete: adherence of the last 7 days and of the 30 days
 * before them, last activity, the first scheduled day, and the latest completed sessions (oldest first).
 */
public record AthleteFacts(String athleteId, AdherenceWindow last7, AdherenceWindow previous30,
        OffsetDateTime lastActivity, LocalDate firstScheduled, List<SessionPoint> recentSessions) {
}
