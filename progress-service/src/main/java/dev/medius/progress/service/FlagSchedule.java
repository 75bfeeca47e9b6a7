package dev.medius.progress.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.repository.RosterRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Evaluates flags off the ingestion path. Athletes whose facts changed are noted after each batch commits
 * and evaluated together every {@code medius.flags.evaluation-delay}: an athlete completing several
 * sessions in that time is evaluated once, not after every batch. Every athlete is also evaluated again when the
 * date changes (checked every {@code medius.flags.evaluation-interval}), because inactivity and adherence move with
 * the calendar and with nothing else: between two dates only ingestion changes an athlete's facts, and those athletes
 * are evaluated as they arrive. That pass evaluates only the rules the calendar changes, except the first after start,
 * which evaluates all of them: it covers athletes noted but not yet evaluated when the service stopped. Each pass is timed by kind
 * ({@code medius.flags.evaluations}: touched, calendar, full) and the athletes waiting are a gauge
 * ({@code medius.flags.pending}), so an operator sees when evaluation falls behind ingestion.
 */
@ApplicationScoped
public class FlagSchedule {

    private static final Logger LOG = Logger.getLogger(FlagSchedule.class);
    /** Athletes per transaction: each chunk costs three lookups whatever its size, and a rebuild waits for one. */
    private static final int CHUNK = 1000;

    @Inject
    RosterRepository roster;

    @Inject
    FlagService flags;

    @Inject
    DashboardEvents dashboardEvents;

    @Inject
    IngestionGate gate;

    @Inject
    Clock clock;

    private final Set<TenantKey> touched = ConcurrentHashMap.newKeySet();
    private final Timer touchedPasses;
    private final Timer calendarPasses;
    private final Timer fullPasses;
    /** One evaluation at a time: two evaluating the same athlete could both raise the same flag. */
    private final ReentrantLock evaluating = new ReentrantLock();
    private volatile boolean fullPassDone;
    /** The date the last completed periodic pass evaluated the calendar's rules for. */
    private volatile LocalDate evaluatedFor;
    /** Athletes taken from {@link #touched} by the pass under way. */
    private volatile int inFlight;

    @Inject
    public FlagSchedule(MeterRegistry metrics) {
        touchedPasses = pass(metrics, "touched");
        calendarPasses = pass(metrics, "calendar");
        fullPasses = pass(metrics, "full");
        Gauge.builder("medius.flags.pending", this, schedule -> schedule.touched.size() + schedule.inFlight)
                .description("athletes whose facts changed and whose flags are not evaluated yet").register(metrics);
    }

    private static Timer pass(MeterRegistry metrics, String kind) {
        return Timer.builder("medius.flags.evaluations").tag("pass", kind)
                .description("flag evaluation passes: athletes just ingested, the calendar's rules for all, every rule for all")
                .register(metrics);
    }

    /** Notes athletes whose facts changed; call once their changes are committed, so the evaluation sees them. */
    public void touched(Collection<TenantKey> athletes) {
        touched.addAll(athletes);
    }

    @Scheduled(every = "${medius.flags.evaluation-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evaluateTouched() {
        if (touched.isEmpty()) {
            return;
        }
        List<TenantKey> due = new ArrayList<>(touched);
        inFlight = due.size();
        touched.removeAll(due);
        try {
            touchedPasses.record(() -> evaluate(due));
        } catch (RuntimeException e) {
            // the database is away: evaluate them again on the next turn rather than lose them
            touched.addAll(due);
            LOG.warnf("flag evaluation of %d athletes failed, retrying: %s", due.size(), e.getMessage());
        } finally {
            inFlight = 0;
        }
    }

    @Scheduled(every = "${medius.flags.evaluation-interval}", delayed = "${medius.flags.evaluation-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evaluateAll() {
        LocalDate today = LocalDate.now(clock);
        if (!due(fullPassDone, evaluatedFor, today)) {
            return;
        }
        try {
            boolean calendarOnly = fullPassDone;
            (calendarOnly ? calendarPasses : fullPasses).record(() -> evaluate(roster.allAthletes(), calendarOnly));
            fullPassDone = true;
            evaluatedFor = today;
        } catch (RuntimeException e) {
            LOG.warnf("periodic flag evaluation failed: %s", e.getMessage());
        }
    }

    /** Whether a periodic pass has anything to do: the first after start always, the later ones once per date. */
    static boolean due(boolean fullPassDone, LocalDate evaluatedFor, LocalDate today) {
        return !fullPassDone || !today.equals(evaluatedFor);
    }

    /**
     * Evaluates the athletes in chunks of one transaction each, then tells open dashboards what changed.
     * A rebuild waits only for the chunk being evaluated, not for the whole pass.
     */
    public void evaluate(List<TenantKey> athletes) {
        evaluate(athletes, false);
    }

    private void evaluate(List<TenantKey> athletes, boolean calendarOnly) {
        for (int from = 0; from < athletes.size(); from += CHUNK) {
            List<TenantKey> chunk = athletes.subList(from, Math.min(athletes.size(), from + CHUNK));
            gate.enter();
            evaluating.lock();
            try {
                List<AthleteChange> changed = QuarkusTransaction.requiringNew().call(() -> flags.evaluate(chunk, calendarOnly));
                dashboardEvents.publish(changed);
            } finally {
                evaluating.unlock();
                gate.leave();
            }
        }
    }
}
