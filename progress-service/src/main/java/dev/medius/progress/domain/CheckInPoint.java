package dev.medius.progress.domain;

import java.time.LocalDate;
import java.util.List;

/** What the flag rules read of a morning check-in: its day, the red flags named, and the worst pain and where. */
public record CheckInPoint(LocalDate date, List<String> redFlags, Integer pain, String painArea) {

    public CheckInPoint {
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }
}
