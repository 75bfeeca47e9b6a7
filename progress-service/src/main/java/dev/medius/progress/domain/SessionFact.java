package dev.medius.progress.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;

/**
 * A session completed or skipped, as stored; a skip keeps the reason the athlete gave, a completion their notes and
 * how many minutes it lasted (null when not reported). The last four fields say which version of the session it is
 * ({@link #outranks}).
 */
public record SessionFact(String tenant, String sessionId, String athleteId, String status, LocalDate scheduledDate,
        OffsetDateTime occurredAt, Double rpe, Integer pain, String painArea, String skipReason, String notes,
        Integer durationMinutes, int revision, OffsetDateTime eventTime, String eventSource, String eventId) {

    public static final String COMPLETED = "completed";
    public static final String SKIPPED = "skipped";

    /**
     * Which version of a session stands: a completion over a skip, then the higher revision, the later event time,
     * the greater source and the greater id. The session_fact upsert orders versions the same way, so that a batch
     * and the database agree.
     */
    private static final Comparator<SessionFact> VERSION_ORDER = Comparator
            .comparing((SessionFact f) -> f.completed())
            .thenComparingInt(SessionFact::revision)
            .thenComparing(SessionFact::eventTime)
            .thenComparing(SessionFact::eventSource)
            .thenComparing(SessionFact::eventId);

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    /** Whether this version of the session stands over the other. */
    public boolean outranks(SessionFact other) {
        return VERSION_ORDER.compare(this, other) > 0;
    }

    public TenantKey key() {
        return new TenantKey(tenant, sessionId);
    }

    public TenantKey athlete() {
        return new TenantKey(tenant, athleteId);
    }
}
