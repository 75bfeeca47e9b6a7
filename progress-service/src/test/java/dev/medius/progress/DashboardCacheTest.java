package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.medius.progress.config.DashboardConfig;
import dev.medius.progress.service.DashboardCache;
import dev.medius.progress.service.DashboardCache.Basis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;

class DashboardCacheTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

    static DashboardCache cache(long maxSize, Duration ttl) {
        DashboardConfig.Cache cache = new DashboardConfig.Cache() {
            @Override
            public MemorySize maxSize() {
                return new MemorySize(java.math.BigInteger.valueOf(maxSize));
            }

            @Override
            public Duration ttl() {
                return ttl;
            }
        };
        return new DashboardCache(new DashboardConfig() {
            @Override
            public Cache cache() {
                return cache;
            }

            @Override
            public Stream stream() {
                return () -> 10_000;
            }

            @Override
            public java.util.Optional<String> planLink() {
                return java.util.Optional.empty();
            }
        }, new SimpleMeterRegistry());
    }

    static Basis basis(Long revision) {
        Map<String, Long> revisions = new HashMap<>();
        revisions.put("athlete-1", revision);
        return new Basis(TODAY, revisions);
    }

    final AtomicInteger renders = new AtomicInteger();

    byte[] render(int bytes) {
        renders.incrementAndGet();
        return new byte[bytes];
    }

    @Test
    void keptWhileTheBasisIsTheSame() {
        DashboardCache cache = cache(1_000_000, Duration.ofMinutes(1));
        byte[] first = cache.get("roster", basis(7L), () -> render(10));
        assertThat(cache.get("roster", basis(7L), () -> render(10))).isSameAs(first);
        assertThat(renders).hasValue(1);
        // the athlete changed: computed again, and the new answer kept
        byte[] changed = cache.get("roster", basis(8L), () -> render(10));
        assertThat(changed).isNotSameAs(first);
        assertThat(cache.get("roster", basis(8L), () -> render(10))).isSameAs(changed);
        // another day counts other windows
        cache.get("roster", new Basis(TODAY.plusDays(1), basis(8L).revisions()), () -> render(10));
        assertThat(renders).hasValue(3);
    }

    @Test
    void neverKeptForAnAthleteWithoutRevisionOrWhenTurnedOff() {
        DashboardCache cache = cache(1_000_000, Duration.ofMinutes(1));
        cache.get("roster", basis(null), () -> render(10));
        cache.get("roster", basis(null), () -> render(10));
        DashboardCache off = cache(0, Duration.ofMinutes(1));
        off.get("roster", basis(1L), () -> render(10));
        off.get("roster", basis(1L), () -> render(10));
        assertThat(renders).hasValue(4);
    }

    @Test
    void expiresAfterTheTtlWhateverTheBasis() {
        DashboardCache cache = cache(1_000_000, Duration.ZERO);
        cache.get("roster", basis(1L), () -> render(10));
        cache.get("roster", basis(1L), () -> render(10));
        assertThat(renders).hasValue(2);
    }

    @Test
    void whenFullDropsSomeAnswersNotAll() {
        DashboardCache cache = cache(1_000, Duration.ofMinutes(1));
        for (int i = 0; i < 11; i++) {
            int key = i;
            cache.get(key, basis(1L), () -> render(100));
        }
        // 1,100 bytes went over 1,000: dropped down to 750 or less, so 7 of 11 remain
        renders.set(0);
        for (int i = 0; i < 11; i++) {
            int key = i;
            cache.get(key, basis(1L), () -> render(100));
        }
        assertThat(renders.get()).isBetween(4, 10);
    }
}
