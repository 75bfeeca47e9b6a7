package dev.medius.progress.domain;

/** A flag rule that holds now, with the number that tripped it. */
public record FlagFinding(FlagKind kind, String reason, Double value, Double threshold) {
}
