package dev.medius.events.routine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code strength-test.recorded.v1}: a strength or control test of an athlete and what it showed: hip abduction torque
 * (N·m/kg), side-bridge holds (s) or single-leg squat quality per side, limb symmetry, pain during the test and the
 * findings (schema: schemas/strength-test.recorded.v1.json).
 */
public record StrengthTestRecorded(UUID testId, String athleteId, String kind, LocalDate testedOn,
        OffsetDateTime recordedAt, Double left, Double right, String unit, Double symmetryPercent, String involvedSide,
        Integer pain, String leftRating, String rightRating, List<String> faults, List<String> findings) {
}
