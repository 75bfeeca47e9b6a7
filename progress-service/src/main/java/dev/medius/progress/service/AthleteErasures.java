package dev.medius.progress.service;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.medius.progress.client.AthleteKeys;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.repository.ErasureRepository;
import dev.medius.progress.repository.RosterRepository;
import dev.medius.runtime.trail.AccessTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies {@code athlete.erased.v1}: removes everything held about the athlete in the organisation, and keeps their
 * events dated up to the erasure from being applied again, which the topics still hold for a rebuild to read.
 */
@ApplicationScoped
class AthleteErasures {

    private static final Logger LOG = Logger.getLogger(AthleteErasures.class);

    @Inject
    ErasureRepository erasures;

    @Inject
    RosterRepository roster;

    @Inject
    DashboardEvents dashboards;

    @Inject
    AccessTrail trail;

    @Inject
    AthleteKeys keys;

    /** The athlete's coaches before the erasure, whose open dashboards must drop them. */
    private record Erased(TenantKey athlete, List<String> coaches) {
    }

    /** Erases the athlete in a transaction of its own; open dashboards hear of it once committed, when {@code live}. */
    Applied erase(Contribution erasure, boolean live) {
        TenantKey athlete = erasure.athlete();
        Erased erased = QuarkusTransaction.requiringNew().call(() -> {
            List<String> coaches = roster.coaches(athlete.tenant(), List.of(athlete.id())).getOrDefault(athlete.id(),
                    List.of());
            Map<String, Integer> removed = erasures.erase(athlete.tenant(), athlete.id(), erasure.time());
            if (!removed.isEmpty()) {
                removed.put("access_trail", trail.pseudonymise(athlete.tenant(), athlete.id()));
            }
            LOG.infof("athlete erased in organisation %s: %s", athlete.tenant(), removed);
            return new Erased(athlete, coaches);
        });
        keys.forget(athlete);
        if (live) {
            try {
                dashboards.publish(List.of(new AthleteChange(athlete.tenant(), athlete.id(), erased.coaches(), "activity")));
            } catch (RuntimeException e) {
                LOG.warnf("open dashboards were not told of an erasure: %s", e.getMessage());
            }
        }
        return Applied.NONE;
    }

    /**
     * The events of athletes erased at or after the event's time, which are not applied: they are what the erasure
     * removed, read again. An event dated after the erasure is about a new athlete given the same id.
     */
    Set<Integer> erasedBefore(List<Contribution> events) {
        Set<TenantKey> athletes = new LinkedHashSet<>();
        events.forEach(e -> athletes.add(e.athlete()));
        Map<TenantKey, OffsetDateTime> erasedAt;
        try {
            erasedAt = erasures.erasedAt(athletes);
        } catch (SQLException e) {
            throw new IllegalStateException("erased athletes could not be read: " + e.getMessage(), e);
        }
        Set<Integer> erased = new HashSet<>();
        if (erasedAt.isEmpty()) {
            return erased;
        }
        for (Contribution event : events) {
            OffsetDateTime at = erasedAt.get(event.athlete());
            if (at != null && !event.time().isAfter(at)) {
                erased.add(event.index());
            }
        }
        return erased;
    }

    /** The events without those {@link #erasedBefore} names. */
    static List<Contribution> without(List<Contribution> events, Set<Integer> erased) {
        List<Contribution> kept = new ArrayList<>(events.size());
        events.stream().filter(e -> !erased.contains(e.index())).forEach(kept::add);
        return kept;
    }
}
