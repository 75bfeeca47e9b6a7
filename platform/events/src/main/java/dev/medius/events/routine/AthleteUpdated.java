package dev.medius.events.routine;

import java.time.OffsetDateTime;

/** {@code athlete.updated.v1}: an athlete's current profile, name, team and sport (schema: schemas/athlete.updated.v1.json). */
public record AthleteUpdated(String athleteId, String displayName, String teamId, String teamName, String sport,
        long revision, OffsetDateTime updatedAt) {
}
