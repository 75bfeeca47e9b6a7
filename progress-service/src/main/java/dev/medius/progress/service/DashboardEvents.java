package dev.medius.progress.service;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Fans athlete changes out to every open dashboard stream; each stream filters what its caller may see. */
@ApplicationScoped
public class DashboardEvents {

    private final BroadcastProcessor<AthleteChange> changes = BroadcastProcessor.create();
    private final Counter overflows;

    @Inject
    public DashboardEvents(MeterRegistry registry) {
        this.overflows = Counter.builder("medius.dashboard.stream.overflows")
                .description("dashboard streams closed because their client fell too far behind").register(registry);
    }

    public synchronized void publish(Collection<AthleteChange> batch) {
        batch.forEach(changes::onNext);
    }

    public Multi<AthleteChange> changes() {
        return changes;
    }

    /** A stream's buffer filled up and the stream was closed. */
    public void overflowed() {
        overflows.increment();
    }
}
