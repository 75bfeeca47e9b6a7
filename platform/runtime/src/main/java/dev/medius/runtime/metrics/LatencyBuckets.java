package dev.medius.runtime.metrics;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Gives the HTTP server's request timer a histogram ({@code http_server_requests_seconds_bucket}), so that
 * Prometheus can compute a percentile across replicas. A dozen fixed bounds around the latency targets of
 * docs/benchmarks.md, not Micrometer's percentile histogram of some seventy buckets per URI and status.
 */
public class LatencyBuckets {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    static final double[] BOUNDS_NANOS = Stream.of(5, 10, 25, 50, 75, 100, 250, 500, 1000, 2500, 5000, 10000)
            .mapToDouble(millis -> Duration.ofMillis(millis).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter httpServerLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BOUNDS_NANOS).build().merge(config);
            }
        };
    }
}
