package dev.medius.events.routine;

import java.time.LocalDate;
import java.util.UUID;

/** {@code plan.cancelled.v1}: sessions from {@code cancelledFrom} on are no longer due (schema: schemas/plan.cancelled.v1.json). */
public record PlanCancelled(UUID assignmentId, UUID planId, String athleteId, String coachId, String teamId,
        LocalDate cancelledFrom, String reason) {
}
