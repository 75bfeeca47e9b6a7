package dev.medius.routine.rest;

import java.time.OffsetDateTime;

import dev.medius.routine.domain.Athlete;

/** An athlete's profile as coaches see it; the revision is the one of the latest athlete.updated.v1. */
public record AthleteProfileResponse(String athleteId, String displayName, String teamId, String teamName, String sport,
        long revision, OffsetDateTime updatedAt) {

    static AthleteProfileResponse of(Athlete athlete) {
        return new AthleteProfileResponse(athlete.athleteId, athlete.displayName, athlete.teamId, athlete.teamName,
                athlete.sport, athlete.revision, athlete.updatedAt);
    }
}
