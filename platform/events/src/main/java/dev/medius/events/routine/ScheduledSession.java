package dev.medius.events.routine;

import java.time.LocalDate;
import java.util.UUID;

/** A session of an assigned plan and the day it is due. */
public record ScheduledSession(UUID sessionId, LocalDate scheduledDate, String title) {
}
