package dev.medius.events.routine;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code plan.assigned.v1}: one athlete's assignment with every scheduled session (schema: schemas/plan.assigned.v1.json). */
public record PlanAssigned(UUID assignmentId, UUID planId, UUID templateId, String athleteId, String coachId,
        String teamId, String title, LocalDate startDate, LocalDate endDate, List<ScheduledSession> sessions) {
}
