package dev.medius.catalog.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import dev.medius.catalog.config.CatalogConfig;
import dev.medius.catalog.service.CatalogChanged;

/**
 * Rendered answers of catalog reads, kept in this replica for a short time. Content changes rarely and is
 * read by every athlete's app and every plan, so a page or an exercise is rendered once and then served
 * as it was written, until a write in this replica commits (which drops everything) or the entry expires
 * (which bounds how long another replica's write takes to show here).
 *
 * <p>Keys must hold everything an answer depends on (tenant, whether the caller sees drafts, language,
 * the request's filters and page): callers build them as records.
 *
 * <p>A read may start before a write commits and finish after it, holding the old content: each entry
 * belongs to the generation current when its read started, and counts only while that generation is still
 * the current one. A commit moves to the next generation.
 */
@ApplicationScoped
public class ReadCache {

    /**
     * An answer, or the one read that is producing it, which readers of the same key wait for; with its size
     * in bytes once produced.
     */
    private record Entry(long generation, long expiresAt, CompletableFuture<Object> answer, AtomicLong size) {
    }

    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    /** Bytes of the answers kept, roughly: a clear racing with a read may leave a few uncounted. */
    private final AtomicLong kept = new AtomicLong();

    @Inject
    CatalogConfig config;

    /**
     * The answer kept under this key, else the one {@code read} produces, kept for the next readers. Readers
     * arriving while it is being produced wait for it rather than all reading the database at once when an
     * entry expires under load. A failure (a 404, a lost connection) is passed to the readers waiting for it
     * and not kept. {@code size} gives an answer's size in bytes, which the kept answers are bounded by.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> read, ToLongFunction<T> size) {
        long ttl = config.readCache().ttl().toNanos();
        if (ttl <= 0) {
            return read.get();
        }
        while (true) {
            long now = System.nanoTime();
            long current = generation.get();
            Entry found = entries.get(key);
            if (found != null && found.generation() == current && now - found.expiresAt() < 0) {
                try {
                    return (T) found.answer().join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
            Entry mine = new Entry(current, now + ttl, new CompletableFuture<>(), new AtomicLong());
            if (found == null ? entries.putIfAbsent(key, mine) != null : !entries.replace(key, found, mine)) {
                continue; // another reader got there first: use its answer
            }
            if (found != null) {
                kept.addAndGet(-found.size().get());
            }
            try {
                T answer = read.get();
                mine.answer().complete(answer);
                if (generation.get() != current) {
                    // a write committed while this was read: the answer may hold the old content
                    entries.remove(key, mine);
                } else {
                    keep(mine, size.applyAsLong(answer));
                }
                return answer;
            } catch (RuntimeException | Error e) {
                mine.answer().completeExceptionally(e);
                entries.remove(key, mine);
                throw e;
            }
        }
    }

    private void keep(Entry entry, long bytes) {
        entry.size().set(bytes);
        if (kept.addAndGet(bytes) > config.readCache().maxSize().asLongValue()) {
            // the bound is a safety net against keys nobody asks for twice (free-text searches, odd pages):
            // starting over is cheaper than tracking recency on every hit, and the popular reads come straight back
            clear();
        }
    }

    /** Forgets every answer: after a write has committed, the next read goes to the database. */
    public void invalidate() {
        generation.incrementAndGet();
        clear();
    }

    private void clear() {
        entries.clear();
        kept.set(0);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        invalidate();
    }
}
