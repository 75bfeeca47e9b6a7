package dev.medius.events.progress;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code athlete.unflagged.v1}: a flag no longer holds (schema: schemas/athlete.unflagged.v1.json). */
public record AthleteUnflagged(UUID flagId, String athleteId, String coachId, String kind, String reason,
        OffsetDateTime clearedAt) {
}
