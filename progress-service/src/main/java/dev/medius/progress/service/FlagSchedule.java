package dev.medius.progress.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.medius.progress.repository.FactRepository.TenantKey;
import dev.medius.progress.repository.ProgressRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Evaluates every athlete's flags again on a timer: inactivity and adherence change with the calendar,
 * not only when an event arrives.
 */
@ApplicationScoped
public class FlagSchedule {

    private static final Logger LOG = Logger.getLogger(FlagSchedule.class);
    private static final int CHUNK = 200;

    @Inject
    ProgressRepository progress;

    @Inject
    FlagService flags;

    @Inject
    DashboardEvents dashboardEvents;

    @Inject
    IngestionGate gate;

    @Scheduled(every = "${medius.flags.evaluation-interval}", delayed = "${medius.flags.evaluation-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evaluateAll() {
        try {
            evaluate(progress.allAthletes());
        } catch (RuntimeException e) {
            LOG.warnf("periodic flag evaluation failed: %s", e.getMessage());
        }
    }

    /**
     * Evaluates the athletes in chunks of one transaction each, then tells open dashboards what changed.
     * Ingestion waits only for the chunk being evaluated, not for the whole pass.
     */
    public void evaluate(List<TenantKey> athletes) {
        for (int from = 0; from < athletes.size(); from += CHUNK) {
            List<TenantKey> chunk = athletes.subList(from, Math.min(athletes.size(), from + CHUNK));
            gate.enter();
            try {
                List<AthleteChange> changed = QuarkusTransaction.requiringNew().call(() -> flags.evaluate(chunk));
                dashboardEvents.publish(changed);
            } finally {
                gate.leave();
            }
        }
    }
}
