package dev.medius.progress.service;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.ReadinessCheckIn;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.repository.CheckInRepository;

/** The readiness check-ins of an ingestion transaction, kept in readiness_check_in. */
@ApplicationScoped
class CheckIns extends AthleteRecords<ReadinessCheckIn> {

    @Inject
    CheckInRepository repository;

    @Override
    String kind() {
        return "check-in";
    }

    @Override
    Class<ReadinessCheckIn> type() {
        return ReadinessCheckIn.class;
    }

    @Override
    Map<TenantKey, String> stored(Collection<TenantKey> records) throws SQLException {
        return repository.checkInOwners(records);
    }

    @Override
    Set<TenantKey> save(List<ReadinessCheckIn> records) throws SQLException {
        return repository.saveCheckIns(records);
    }
}
