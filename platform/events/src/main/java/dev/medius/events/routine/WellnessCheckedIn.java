package dev.medius.events.routine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code wellness.checked-in.v1}: an athlete's morning readiness check-in, 1-5 answers where 5 is the best state,
 * hours slept, pain by area, red flags, and how the sessions due that day were adjusted (schema:
 * schemas/wellness.checked-in.v1.json).
 */
public record WellnessCheckedIn(UUID checkInId, String athleteId, LocalDate date, OffsetDateTime recordedAt,
        Integer sleepQuality, Integer energy, Integer soreness, Integer stress, Integer mood, Double sleepHours,
        List<Pain> pain, List<String> redFlags, List<Adjustment> adjustments) {

    /** Pain felt this morning in one area, 0 (none) to 10. */
    public record Pain(String area, int score) {
    }

    /** A session due that day and what the check-in made of it: as-planned, lighter, pain-free, lower-rung, rest or see-a-clinician. */
    public record Adjustment(UUID sessionId, String kind, String reason) {
    }
}
