package dev.medius.events.routine;

import java.time.OffsetDateTime;

/**
 * {@code athlete.erased.v1}: the organisation erased an athlete on their request; every consumer removes what it holds
 * about them and ignores their events dated at or before {@code erasedAt} (schema: schemas/athlete.erased.v1.json).
 */
public record AthleteErased(String athleteId, OffsetDateTime erasedAt) {
}
