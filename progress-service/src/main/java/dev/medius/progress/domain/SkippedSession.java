package dev.medius.progress.domain;

import java.time.LocalDate;

/** A session the athlete declared skipped: the day it was scheduled for, the day it was recorded, and why. */
public record SkippedSession(String sessionId, LocalDate scheduledDate, LocalDate recordedOn, String reason) {
}
