package dev.medius.routine.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an athlete reports about a session. */
public final class SessionReports {

    private SessionReports() {
    }

    /** A completed session: per exercise the sets done, and the session's effort, pain and duration. */
    public record CompletionRequest(OffsetDateTime startedAt, OffsetDateTime completedAt,
            @Min(0) @Max(600) Integer durationMinutes,
            @DecimalMin("0") @DecimalMax("10") Double sessionRpe,
            @NotNull @Valid PainReport pain,
            @Size(max = 4000) String notes,
            @NotNull @Size(max = 100) List<@Valid @NotNull ExerciseReport> exercises) {
    }

    /** Pain during or after the session, 0 (none) to 10, and where. */
    public record PainReport(@NotNull @Min(0) @Max(10) Integer score, @Size(max = 40) String area) {
    }

    /** One exercise of the session: the sets done, or why it was skipped. */
    public record ExerciseReport(@NotBlank @Size(max = 200) String exerciseId,
            @Size(max = 50) List<@Valid @NotNull SetReport> sets, boolean skipped,
            @Size(max = 500) String skipReason) {
    }

    /** One set: reps or seconds held, side, load or band, and effort as RPE or reps in reserve. */
    public record SetReport(@Min(0) @Max(500) Integer reps, @Min(0) @Max(3600) Integer holdSeconds,
            @Pattern(regexp = "left|right|both", message = "must be left, right or both") String side,
            @DecimalMin("0") @DecimalMax("1000") Double loadKg, @Size(max = 40) String band,
            @DecimalMin("0") @DecimalMax("10") Double rpe, @Min(0) @Max(20) Integer repsInReserve) {
    }

    /** A skipped session and, when given, why. */
    public record SkipRequest(@Size(max = 500) String reason) {
    }
}
