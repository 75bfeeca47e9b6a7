package dev.medius.progress.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.repository.ExerciseVolumeRepository;
import dev.medius.progress.repository.RevisionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Learns the slug of each catalog exercise, so that a completion naming an exercise by its catalog id and one naming
 * it by its slug count as one exercise: ingestion stores volume under the slug, and volume stored under the id before
 * the slug was known moves to it.
 */
@ApplicationScoped
public class ExerciseNames {

    private static final Logger LOG = Logger.getLogger(ExerciseNames.class);

    @Inject
    ExerciseVolumeRepository volumes;

    @Inject
    RevisionRepository revisions;

    @Inject
    IngestionGate gate;

    @Inject
    DashboardEvents dashboardEvents;

    public void learn(String exerciseId, String slug) {
        gate.enter();
        try {
            Set<TenantKey> moved = QuarkusTransaction.requiringNew().call(() -> {
                Set<TenantKey> athletes = volumes.learnSlug(exerciseId, slug);
                revisions.markRevised(athletes);
                return athletes;
            });
            if (!moved.isEmpty()) {
                LOG.infof("volume of %d athletes stored under exercise id %s moved to its slug %s", moved.size(), exerciseId,
                        slug);
                dashboardEvents.publish(moved.stream().map(a -> new AthleteChange(a.tenant(), a.id(), java.util.List.of(),
                        "activity")).toList());
            }
        } finally {
            gate.leave();
        }
    }
}
