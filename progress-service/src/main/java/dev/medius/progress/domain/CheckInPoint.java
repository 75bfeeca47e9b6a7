package dev.medius.progress.domain;

import java.time.LocalDate;
import java.util.List;

import dev.medius.coaching.Readiness;

/**
 * What the flag rules read of a morning check-in: its day, the answers its readiness is judged by, the red flags
 * named, and the worst pain and where.
 */
public record CheckInPoint(LocalDate date, Integer sleepQuality, Integer energy, Integer soreness, Integer stress,
        Integer mood, Double sleepHours, List<String> redFlags, Integer pain, String painArea)
        implements Readiness.Answers {

    public CheckInPoint {
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }

    /** A check-in whose readiness answers were all left out. */
    public CheckInPoint(LocalDate date, List<String> redFlags, Integer pain, String painArea) {
        this(date, null, null, null, null, null, null, redFlags, pain, painArea);
    }
}
