package dev.medius.events.routine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code session.skipped.v1}: a scheduled session the athlete did not do (schema: schemas/session.skipped.v1.json). */
public record SessionSkipped(UUID sessionId, UUID planId, UUID assignmentId, String athleteId, String coachId,
        String teamId, LocalDate scheduledDate, String reason, OffsetDateTime recordedAt) {
}
