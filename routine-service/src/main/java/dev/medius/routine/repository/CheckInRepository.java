package dev.medius.routine.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.medius.routine.domain.CheckInRecord;

@ApplicationScoped
public class CheckInRepository implements PanacheRepositoryBase<CheckInRecord, UUID> {

    public Optional<CheckInRecord> byIdempotencyKey(String tenant, String athleteId, String key) {
        return find("tenantId = ?1 and athleteId = ?2 and idempotencyKey = ?3", tenant, athleteId, key)
                .firstResultOptional();
    }

    /** The athlete's check-ins dated from {@code from} up to but not including {@code before}, oldest first. */
    public List<CheckInRecord> between(String tenant, String athleteId, LocalDate from, LocalDate before) {
        return list("tenantId = ?1 and athleteId = ?2 and date >= ?3 and date < ?4 order by date, recordedAt",
                tenant, athleteId, from, before);
    }

    /** Every check-in of the athlete in the organisation, oldest first. */
    public List<CheckInRecord> ofAthlete(String tenant, String athleteId) {
        return list("tenantId = ?1 and athleteId = ?2 order by recordedAt, id", tenant, athleteId);
    }
}
