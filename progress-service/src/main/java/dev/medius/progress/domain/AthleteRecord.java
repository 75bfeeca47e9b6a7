package dev.medius.progress.domain;

import java.time.OffsetDateTime;

/**
 * What an athlete's event records apart from sessions and plans (a readiness check-in, a strength test): it belongs to
 * its first athlete for good, its ids are a space of their own, and of two versions the one that {@link #outranks}
 * the other stands.
 */
public interface AthleteRecord {

    /** What the record is, as a conflict names it ("check-in", "strength test"); each kind has its own ids. */
    String recordKind();

    String tenant();

    String athleteId();

    /** The record in its organisation: (tenant, its own id). */
    TenantKey key();

    int revision();

    OffsetDateTime eventTime();

    String eventSource();

    String eventId();

    /** The higher revision, then the later event time, the greater source and id: as the tables' upserts decide. */
    default boolean outranks(AthleteRecord other) {
        int order = Integer.compare(revision(), other.revision());
        if (order == 0) {
            order = eventTime().compareTo(other.eventTime());
        }
        if (order == 0) {
            order = eventSource().compareTo(other.eventSource());
        }
        return order == 0 ? eventId().compareTo(other.eventId()) > 0 : order > 0;
    }
}
