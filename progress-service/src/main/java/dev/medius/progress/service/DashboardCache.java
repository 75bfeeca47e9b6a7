package dev.medius.progress.service;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.medius.progress.config.DashboardConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Rendered roster and progress answers, kept in this replica with what each was computed from: the day and
 * every athlete it shows with their revision. A read looks up its athletes' revisions (one indexed statement)
 * and serves the kept answer when they are all the same, so a coach reloading a dashboard whose athletes did
 * nothing since costs a lookup instead of the statements and the rendering of a whole roster. Any change to
 * an athlete, in this replica or another, gives them a new revision in the transaction that makes it, so a kept
 * answer is never served once a change it does not show has committed.
 *
 * <p>Revisions are read before the answer is computed, so an answer is at least as new as the basis it is
 * kept with; a change committed in between only costs the next reader a recomputation.
 *
 * <p>Entries are bounded by their bytes and also expire after {@code medius.dashboard.cache.ttl}: a safety net
 * for writes that do not record revisions, such as a replica of a version before them during a rolling update.
 */
@ApplicationScoped
public class DashboardCache {

    /** The day an answer counts from, and each athlete it shows with their revision (null: none, never kept). */
    public record Basis(LocalDate today, Map<String, Long> revisions) {

        boolean keepable() {
            return !revisions.containsValue(null);
        }
    }

    private record Entry(Basis basis, byte[] body) {
    }

    /** Null when turned off (a size of 0). */
    private final Cache<Object, Entry> entries;
    private final Counter hits;
    private final Counter misses;

    @Inject
    public DashboardCache(DashboardConfig config, MeterRegistry metrics) {
        long max = config.cache().maxSize().asLongValue();
        // evicting on the writing thread keeps the bound exact and needs no pool
        this.entries = max <= 0 ? null : Caffeine.newBuilder().maximumWeight(max)
                .weigher((Object key, Entry entry) -> entry.body().length)
                .expireAfterWrite(config.cache().ttl())
                .executor(Runnable::run)
                .build();
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
        if (entries == null || !basis.keepable()) {
            misses.increment();
            return render.get();
        }
        Entry found = entries.getIfPresent(key);
        if (found != null && found.basis().equals(basis)) {
            hits.increment();
            return found.body();
        }
        misses.increment();
        // concurrent readers of a changed roster may each compute it; the last one written wins, and a reader
        // that finds an older basis than its own simply computes again
        byte[] body = render.get();
        entries.put(key, new Entry(basis, body));
        return body;
    }
}
