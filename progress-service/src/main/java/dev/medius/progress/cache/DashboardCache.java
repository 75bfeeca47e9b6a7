package dev.medius.progress.cache;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.medius.progress.config.DashboardCacheConfig;

/**
 * Rendered roster and progress answers, kept in this replica with what each was computed from: the day and
 * every athlete it shows with their revision. A read looks up its athletes' revisions (one indexed statement)
 * and serves the kept answer when they are all the same, so a coach reloading a dashboard whose athletes did
 * nothing since costs a lookup instead of the six statements and the rendering of 50 summaries. Any change to
 * an athlete, in this replica or another, gives them a new revision in the transaction that makes it, so a kept
 * answer is never served once a change it does not show has committed.
 *
 * <p>Revisions are read before the answer is computed, so an answer is at least as new as the basis it is
 * kept with; a change committed in between only costs the next reader a recomputation.
 *
 * <p>Entries also expire after {@code medius.dashboard.cache.ttl}: a safety net for writes that do not record
 * revisions, such as a replica of a version before them still running during a rolling update.
 */
@ApplicationScoped
public class DashboardCache {

    /** The day an answer counts from, and each athlete it shows with their revision (null: none, never kept). */
    public record Basis(LocalDate today, Map<String, Long> revisions) {

        boolean keepable() {
            return !revisions.containsValue(null);
        }
    }

    private record Entry(Basis basis, long expiresAt, byte[] body) {
    }

    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    /** Bytes of the answers kept. */
    private final AtomicLong kept = new AtomicLong();

    private final DashboardCacheConfig config;
    private final Counter hits;
    private final Counter misses;

    @Inject
    public DashboardCache(DashboardCacheConfig config, MeterRegistry metrics) {
        this.config = config;
        this.hits = Counter.builder("medius.dashboard.cache.reads").tag("answer", "kept")
                .description("dashboard answers served as kept, their athletes unchanged").register(metrics);
        this.misses = Counter.builder("medius.dashboard.cache.reads").tag("answer", "computed")
                .description("dashboard answers computed, for a new key or a changed athlete").register(metrics);
    }

    /**
     * The answer kept under {@code key} if it was computed from {@code basis}, else the one {@code render}
     * produces, kept for the next reader. Keys name what else the answer depends on (tenant, coach or athlete,
     * the query).
     */
    public byte[] get(Object key, Basis basis, Supplier<byte[]> render) {
        long max = config.maxSize().asLongValue();
        if (max <= 0 || !basis.keepable()) {
            misses.increment();
            return render.get();
        }
        Entry found = entries.get(key);
        long now = System.nanoTime();
        if (found != null && found.basis().equals(basis) && now - found.expiresAt() < 0) {
            hits.increment();
            return found.body();
        }
        misses.increment();
        byte[] body = render.get();
        Entry previous = entries.put(key, new Entry(basis, now + config.ttl().toNanos(), body));
        // concurrent readers of a changed roster may each compute it; the last one written wins, and a reader
        // that finds an older basis than its own simply computes again
        if (kept.addAndGet(body.length - (previous == null ? 0 : previous.body().length)) > max) {
            makeRoom(max);
        }
        return body;
    }

    /**
     * Drops answers, in no particular order, until a quarter of the room is free again. Rosters and athletes
     * being watched are read again soon and come back; dropping some rather than all keeps most of them when
     * what is watched is a little larger than the room (starting over would then miss every time), without
     * tracking recency on every hit.
     */
    private void makeRoom(long max) {
        var iterator = entries.entrySet().iterator();
        while (kept.get() > max / 4 * 3 && iterator.hasNext()) {
            Map.Entry<Object, Entry> candidate = iterator.next();
            if (entries.remove(candidate.getKey(), candidate.getValue())) {
                kept.addAndGet(-candidate.getValue().body().length);
            }
        }
    }
}
