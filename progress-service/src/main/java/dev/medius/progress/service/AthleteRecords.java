package dev.medius.progress.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import dev.medius.progress.domain.Admission;
import dev.medius.progress.domain.AthleteRecord;
import dev.medius.progress.domain.EventIdentity;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.repository.EventClaimRepository;

/**
 * One kind of athlete's record in an ingestion transaction, apart from the sessions: the stored athletes for the
 * admission, then the version of each record that stands. Each kind (CheckIns, StrengthTests) says only where its
 * records are kept; batches without records of a kind pay for neither.
 */
abstract class AthleteRecords<R extends AthleteRecord> {

    @Inject
    EventClaimRepository claims;

    /** The kind this keeps, as {@link AthleteRecord#recordKind()} names it. */
    abstract String kind();

    abstract Class<R> type();

    /** The athlete each of these records is stored for, for those stored. */
    abstract Map<TenantKey, String> stored(Collection<TenantKey> records) throws SQLException;

    /** Stores each record unless its stored version outranks it or is another athlete's; returns those written. */
    abstract Set<TenantKey> save(List<R> records) throws SQLException;

    /** The stored athlete of each record the fresh events name, by kind, for every kind. */
    static Map<String, Map<TenantKey, String>> owners(Iterable<AthleteRecords<?>> kinds,
            Admission<Contribution> admission) throws SQLException {
        Map<String, Map<TenantKey, String>> owners = new HashMap<>();
        for (AthleteRecords<?> records : kinds) {
            owners.put(records.kind(), records.stored(admission.records(records.kind())));
        }
        return owners;
    }

    /** Stores the admitted records of every kind. */
    static void storeAll(Iterable<AthleteRecords<?>> kinds, List<Contribution> accepted,
            Admission<Contribution> admission) throws SQLException {
        for (AthleteRecords<?> records : kinds) {
            records.store(accepted, admission);
        }
    }

    /** Stores the admitted records of this kind; one another athlete's event took meanwhile refuses its events. */
    void store(List<Contribution> accepted, Admission<Contribution> admission) throws SQLException {
        Map<TenantKey, R> versions = new LinkedHashMap<>();
        Map<TenantKey, List<Contribution>> events = new LinkedHashMap<>();
        for (Contribution event : accepted) {
            if (type().isInstance(event.record())) {
                R record = type().cast(event.record());
                events.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
                versions.merge(record.key(), record, (a, b) -> b.outranks(a) ? b : a);
            }
        }
        if (versions.isEmpty()) {
            return;
        }
        Set<TenantKey> written = save(new ArrayList<>(versions.values()));
        // kept as it was: an older version (nothing to do), or another athlete's since the owners were read
        List<TenantKey> kept = versions.keySet().stream().filter(k -> !written.contains(k)).toList();
        Map<TenantKey, String> owners = stored(kept);
        List<EventIdentity> released = new ArrayList<>();
        for (TenantKey key : kept) {
            String athlete = versions.get(key).athleteId();
            if (!athlete.equals(owners.get(key))) {
                for (Contribution event : events.get(key)) {
                    admission.reject(event, Admission.ownedByAnother(kind() + " ", key.id(), athlete));
                    released.add(event.identity());
                }
            }
        }
        claims.unclaim(released);
    }
}
