package dev.medius.progress.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.progress.client.AthleteKeys;
import dev.medius.progress.config.IngestionConfig;
import dev.medius.progress.domain.Rejection;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.events.DeadLetters;
import dev.medius.progress.events.DeadLetters.Rejected;
import dev.medius.progress.repository.RosterRepository;
import dev.medius.runtime.persistence.DatabaseFailures;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies batches of records from {@code routine.sessions} and {@code routine.plans}: rejects what breaks the
 * contract, skips event ids already applied, stores the facts and derives the schedule from every plan event of an
 * assignment, so the result does not depend on the order in which events arrive. Live ingestion, a rebuild and a
 * check of records share this code; only live ingestion dead-letters, has flags evaluated and tells dashboards.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    @Inject
    ObjectMapper json;

    @Inject
    IngestionTransaction transaction;

    @Inject
    RosterRepository roster;

    @Inject
    FlagSchedule flags;

    @Inject
    DeadLetters deadLetters;

    @Inject
    DashboardEvents dashboardEvents;

    @Inject
    IngestionGate gate;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @Inject
    IngestionConfig config;

    @Inject
    AthleteErasures erasures;

    @Inject
    AthleteKeys keys;

    /** Records read and checked against the contract: the events to apply, and why the others cannot be applied. */
    public static final class Batch {
        private final List<ConsumerRecord<String, byte[]>> records;
        private final List<Contribution> valid;
        private final Map<Integer, Rejection> unreadable;
        /** Sealed with the key of an athlete erased since: nothing can read them. */
        private final Set<Integer> erased;

        private Batch(List<ConsumerRecord<String, byte[]>> records, List<Contribution> valid,
                Map<Integer, Rejection> unreadable, Set<Integer> erased) {
            this.records = records;
            this.valid = valid;
            this.unreadable = unreadable;
            this.erased = erased;
        }
    }

    /** What became of one record: applied, recognised as a duplicate, or rejected and why. */
    public record Outcome(ConsumerRecord<String, byte[]> record, Kind kind, Rejection rejection) {

        /** ERASED: an event of an athlete erased since, which is not applied again. */
        public enum Kind {
            APPLIED, DUPLICATE, ERASED, REJECTED
        }

        public String wire() {
            return kind == Kind.REJECTED ? "dead-lettered" : kind.name().toLowerCase();
        }
    }

    /** Reads the records against the contract, as of now: a record is judged by the clock of its first reading. */
    public Batch read(List<ConsumerRecord<String, byte[]>> records) {
        EventReader reader = new EventReader(json, clock.instant(), config.futureSkew(), keys);
        List<Contribution> valid = new ArrayList<>();
        Map<Integer, Rejection> unreadable = new LinkedHashMap<>();
        Set<Integer> erased = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            EventReader.Result result = reader.read(records.get(i));
            if (result.erased()) {
                erased.add(i);
                continue;
            }
            Rejection rejection = result.rejection();
            if (rejection == null) {
                try {
                    valid.add(Contribution.of(i, result.event()));
                    continue;
                } catch (RuntimeException e) {
                    rejection = Rejection.of(Rejection.Category.CONTRACT, "data unreadable: " + e.getMessage());
                }
            }
            unreadable.put(i, rejection);
        }
        return new Batch(records, valid, unreadable, erased);
    }

    /** Sends the records that break the contract to the dead-letter topic, once the broker has them. */
    public void deadLetter(Batch batch) {
        List<Rejected> rejected = new ArrayList<>();
        batch.unreadable.forEach((index, rejection) -> rejected.add(new Rejected(batch.records.get(index), rejection)));
        deadLetters.send(rejected);
    }

    /**
     * Applies a live batch whose unreadable records were dead-lettered: dead-letters what the facts refuse, counts
     * the outcomes, has flags evaluated and tells open dashboards.
     */
    public void apply(Batch batch) {
        gate.enter();
        try {
            Applied applied = store(batch.valid, true);
            // committed: the evaluation that follows sees these facts
            flags.touched(applied.athletes());
            publishChanges(applied.athletes());
            List<Rejected> refused = new ArrayList<>();
            applied.rejections().forEach((index, rejection) -> refused.add(new Rejected(batch.records.get(index), rejection)));
            deadLetters.send(refused);
            List<Outcome> outcomes = outcomes(batch, applied);
            long duplicates = outcomes.stream().filter(o -> o.kind() == Outcome.Kind.DUPLICATE).count();
            long erased = outcomes.stream().filter(o -> o.kind() == Outcome.Kind.ERASED).count();
            long stored = batch.valid.size() + batch.erased.size() - refused.size() - duplicates - erased;
            metrics.counter(DeadLetters.OUTCOMES, "outcome", "applied", "category", "").increment(stored);
            metrics.counter(DeadLetters.OUTCOMES, "outcome", "duplicate", "category", "").increment(duplicates);
            metrics.counter(DeadLetters.OUTCOMES, "outcome", "erased", "category", "").increment(erased);
            count("live", batch, stored);
        } finally {
            gate.leave();
        }
    }

    /** Applies records read again from the topics by a rebuild; returns how many events were new. */
    public int replay(List<ConsumerRecord<String, byte[]>> records) {
        Batch batch = read(records);
        gate.enter();
        try {
            long stored = outcomes(batch, store(batch.valid, false)).stream().filter(o -> o.kind() == Outcome.Kind.APPLIED).count();
            count("replay", batch, stored);
            return (int) stored;
        } finally {
            gate.leave();
        }
    }

    /** What would become of each record, in order, against the stored facts; nothing is kept. */
    public List<Outcome> check(List<ConsumerRecord<String, byte[]>> records) {
        Batch batch = read(records);
        gate.enter();
        try {
            // a check erases nothing: an erasure in the file is only read
            List<Contribution> events = batch.valid.stream().filter(e -> !e.erasure()).toList();
            Set<Integer> erased = erasures.erasedBefore(events);
            return outcomes(batch, transaction.rolledBack(AthleteErasures.without(events, erased))
                    .and(Applied.erased(erased)));
        } finally {
            gate.leave();
        }
    }

    /**
     * Applies the events in order around the erasures among them: the events before an erasure, then the erasure, then
     * the rest, so that an erasure removes what came before it and nothing after.
     */
    private Applied store(List<Contribution> valid, boolean live) {
        Applied applied = Applied.NONE;
        List<Contribution> run = new ArrayList<>();
        for (Contribution event : valid) {
            if (event.erasure()) {
                applied = applied.and(storeRun(run)).and(erasures.erase(event, live));
                run = new ArrayList<>();
            } else {
                run.add(event);
            }
        }
        return applied.and(storeRun(run));
    }

    /** Applies events of athletes not erased since, in one transaction; should the database refuse it, one by one. */
    private Applied storeRun(List<Contribution> events) {
        if (events.isEmpty()) {
            return Applied.NONE;
        }
        Set<Integer> erased = erasures.erasedBefore(events);
        return storeKept(AthleteErasures.without(events, erased)).and(Applied.erased(erased));
    }

    private Applied storeKept(List<Contribution> valid) {
        if (valid.isEmpty()) {
            return Applied.NONE;
        }
        try {
            return transaction.committed(valid);
        } catch (RuntimeException batchFailure) {
            // one event the database refuses must not hold back the others: apply them one by one
            LOG.warnf("batch of %d events failed (%s); applying one by one", valid.size(), batchFailure.getMessage());
            Applied applied = Applied.NONE;
            for (Contribution event : valid) {
                try {
                    applied = applied.and(transaction.committed(List.of(event)));
                } catch (RuntimeException e) {
                    if (DatabaseFailures.unavailable(e)) {
                        // the database went away (or came back) while the batch was being split: the event is not
                        // at fault, so the whole batch is retried; those already applied are then duplicates
                        throw e;
                    }
                    applied = applied.and(Applied.rejected(event,
                            Rejection.of(Rejection.Category.PROCESSING, "processing failed: " + e.getMessage())));
                }
            }
            return applied;
        }
    }

    /** What became of each record of the batch, in the batch's order. */
    private static List<Outcome> outcomes(Batch batch, Applied applied) {
        Outcome[] outcomes = new Outcome[batch.records.size()];
        batch.unreadable.forEach((index, rejection) -> outcomes[index] = new Outcome(batch.records.get(index),
                Outcome.Kind.REJECTED, rejection));
        batch.erased.forEach(index -> outcomes[index] = new Outcome(batch.records.get(index), Outcome.Kind.ERASED, null));
        for (Contribution event : batch.valid) {
            ConsumerRecord<String, byte[]> record = batch.records.get(event.index());
            Rejection rejection = applied.rejections().get(event.index());
            Outcome.Kind kind = applied.duplicates().contains(event.index()) ? Outcome.Kind.DUPLICATE
                    : applied.erased().contains(event.index()) ? Outcome.Kind.ERASED : Outcome.Kind.APPLIED;
            outcomes[event.index()] = rejection != null ? new Outcome(record, Outcome.Kind.REJECTED, rejection)
                    : new Outcome(record, kind, null);
        }
        return List.of(outcomes);
    }

    private void count(String mode, Batch batch, long stored) {
        metrics.counter("medius.progress.events.ingested", "mode", mode).increment(stored);
        metrics.summary("medius.progress.batch.size", "mode", mode).record(batch.records.size());
    }

    /**
     * Tells open dashboards of the athletes' coaches what changed. A failure here loses only the notification: the
     * facts are committed, and a retry of the batch would find them all applied.
     */
    private void publishChanges(Set<TenantKey> athletes) {
        if (athletes.isEmpty()) {
            return;
        }
        try {
            Map<String, List<String>> byTenant = new LinkedHashMap<>();
            athletes.forEach(a -> byTenant.computeIfAbsent(a.tenant(), k -> new ArrayList<>()).add(a.id()));
            List<AthleteChange> changes = new ArrayList<>();
            byTenant.forEach((tenant, ids) -> {
                Map<String, List<String>> coaches = roster.coaches(tenant, ids);
                ids.forEach(id -> changes.add(new AthleteChange(tenant, id, coaches.getOrDefault(id, List.of()), "activity")));
            });
            dashboardEvents.publish(changes);
        } catch (RuntimeException e) {
            LOG.warnf("open dashboards of %d athletes were not told of their change: %s", athletes.size(), e.getMessage());
        }
    }
}
