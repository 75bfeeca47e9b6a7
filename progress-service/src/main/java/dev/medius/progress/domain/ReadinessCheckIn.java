package dev.medius.progress.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An athlete's morning check-in (wellness.checked-in.v1), as stored: five answers on 1 to 5 (5 the best state, null
 * when not given), hours slept, and the pain, red flag and adjustment lists as JSON holding only the members the
 * contract names. The last four fields say which version of the check-in it is ({@link #outranks}).
 */
public record ReadinessCheckIn(String tenant, String checkInId, String athleteId, LocalDate date,
        OffsetDateTime recordedAt, Integer sleepQuality, Integer energy, Integer soreness, Integer stress, Integer mood,
        Double sleepHours, String painJson, String redFlagsJson, String adjustmentsJson, int revision,
        OffsetDateTime eventTime, String eventSource, String eventId) implements AthleteRecord {

    @Override
    public String recordKind() {
        return "check-in";
    }

    @Override
    public TenantKey key() {
        return new TenantKey(tenant, checkInId);
    }
}
