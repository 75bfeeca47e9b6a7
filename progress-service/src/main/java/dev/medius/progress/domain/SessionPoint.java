package dev.medius.progress.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One completed session as the trends and flags see it: when, how hard and how painful. */
public record SessionPoint(String sessionId, LocalDate date, OffsetDateTime completedAt, Double rpe, Integer pain,
        String painArea) {
}
