package dev.medius.events.progress;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code athlete.flagged.v1}: an athlete needs the coach's attention (schema: schemas/athlete.flagged.v1.json). */
public record AthleteFlagged(UUID flagId, String athleteId, String coachId, String teamId, String kind,
        String severity, String reason, Double value, Double threshold, OffsetDateTime raisedAt) {
}
