package dev.medius.progress.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.Admission;
import dev.medius.progress.domain.EventIdentity;
import dev.medius.progress.domain.ReadinessCheckIn;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.repository.CheckInRepository;
import dev.medius.progress.repository.EventClaimRepository;

/**
 * The check-ins of an ingestion transaction, apart from the sessions: their stored athletes for the admission, then
 * the version of each that stands. Batches without check-ins pay for neither.
 */
@ApplicationScoped
class CheckIns {

    @Inject
    CheckInRepository repository;

    @Inject
    EventClaimRepository claims;

    /** The stored athlete of each check-in the fresh events name. */
    Map<TenantKey, String> owners(Admission<Contribution> admission) throws SQLException {
        return repository.checkInOwners(admission.checkIns());
    }

    /** Stores the admitted check-ins; one another athlete's event took meanwhile refuses its events after all. */
    void store(List<Contribution> accepted, Admission<Contribution> admission) throws SQLException {
        Map<TenantKey, ReadinessCheckIn> versions = new LinkedHashMap<>();
        Map<TenantKey, List<Contribution>> events = new LinkedHashMap<>();
        for (Contribution event : accepted) {
            ReadinessCheckIn checkIn = event.checkIn();
            if (checkIn != null) {
                events.computeIfAbsent(checkIn.key(), k -> new ArrayList<>()).add(event);
                versions.merge(checkIn.key(), checkIn, (a, b) -> b.outranks(a) ? b : a);
            }
        }
        if (versions.isEmpty()) {
            return;
        }
        Set<TenantKey> stored = repository.saveCheckIns(new ArrayList<>(versions.values()));
        // kept as it was: an older version (nothing to do), or another athlete's since the owners were read
        List<TenantKey> kept = versions.keySet().stream().filter(k -> !stored.contains(k)).toList();
        Map<TenantKey, String> owners = repository.checkInOwners(kept);
        List<EventIdentity> released = new ArrayList<>();
        for (TenantKey key : kept) {
            String athlete = versions.get(key).athleteId();
            if (!athlete.equals(owners.get(key))) {
                for (Contribution event : events.get(key)) {
                    admission.reject(event, Admission.ownedByAnother("check-in ", key.id(), athlete));
                    released.add(event.identity());
                }
            }
        }
        claims.unclaim(released);
    }
}
