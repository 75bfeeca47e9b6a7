package dev.medius.events.progress;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code flag.acknowledged.v1}: a coach saw a flag, optionally snoozing it (schema: schemas/flag.acknowledged.v1.json). */
public record FlagAcknowledged(UUID flagId, String athleteId, String kind, String acknowledgedBy, String note,
        OffsetDateTime snoozedUntil, OffsetDateTime acknowledgedAt) {
}
