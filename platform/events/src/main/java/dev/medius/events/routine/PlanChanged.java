package dev.medius.events.routine;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code plan.changed.v1}: from {@code effectiveFrom} on, {@code sessions} replaces the assignment's
 * scheduled sessions; earlier ones stay (schema: schemas/plan.changed.v1.json).
 */
public record PlanChanged(UUID assignmentId, UUID planId, String athleteId, String coachId, String teamId,
        LocalDate effectiveFrom, LocalDate endDate, List<ScheduledSession> sessions) {
}
