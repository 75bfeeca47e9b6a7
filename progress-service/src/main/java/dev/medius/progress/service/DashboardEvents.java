package dev.medius.progress.service;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** Fans athlete changes out to every open dashboard stream; each stream filters what its caller may see. */
@ApplicationScoped
public class DashboardEvents {

    private final BroadcastProcessor<AthleteChange> changes = BroadcastProcessor.create();

    public synchronized void publish(Collection<AthleteChange> batch) {
        batch.forEach(changes::onNext);
    }

    public Multi<AthleteChange> changes() {
        return changes;
    }
}
