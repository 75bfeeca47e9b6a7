package dev.medius.events.routine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.medius.events.Prescription;

/**
 * {@code session.completed.v1}: what an athlete did in a session, set by set, with session effort and
 * pain (schema: schemas/session.completed.v1.json).
 */
public record SessionCompleted(UUID sessionId, UUID planId, UUID assignmentId, String athleteId, String coachId,
        String teamId, LocalDate scheduledDate, OffsetDateTime startedAt, OffsetDateTime completedAt,
        Integer durationMinutes, Double sessionRpe, Pain pain, String notes, List<ExerciseDone> exercises) {

    /** Pain felt during or after the session, 0 (none) to 10, and where. */
    public record Pain(int score, String area) {
    }

    /** One exercise of the session: the prescription and each set performed, or why it was skipped. */
    public record ExerciseDone(String exerciseId, String slug, String name, String pattern, List<String> muscles,
            Prescription prescription, List<PerformedSet> sets, boolean skipped, String skipReason) {
    }

    /** One set as performed: reps or hold time, side, load or band, and effort. */
    public record PerformedSet(Integer reps, Integer holdSeconds, String side, Double loadKg, String band, Double rpe,
            Integer repsInReserve) {
    }
}
