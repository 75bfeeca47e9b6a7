package dev.medius.progress.client;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.medius.progress.config.AthleteKeysConfig;

/**
 * Passes the organisations' retentions to routine-service, which removes the session reports older than them. When
 * routine-service cannot be asked, the run says so and the next run passes them again: removing is safe to repeat.
 */
@ApplicationScoped
public class ReportRetentionClient {

    private static final Logger LOG = Logger.getLogger(ReportRetentionClient.class);

    @Inject
    Orders orders;

    /** The reports routine-service removed; empty when it could not be asked. */
    public Optional<Long> apply(LocalDate today, int defaultDays, Map<String, Integer> chosen) {
        List<ReportRetentionApi.Organisation> organisations = chosen.entrySet().stream()
                .map(e -> new ReportRetentionApi.Organisation(e.getKey(), e.getValue())).toList();
        try {
            return Optional.of(orders.send(new ReportRetentionApi.Order(today, defaultDays, organisations)));
        } catch (RuntimeException e) {
            LOG.warnf("routine-service did not apply the retention of session reports; the next run will: %s",
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** The call itself, with its timeout and retries: removing years of reports at a first run takes a while. */
    @ApplicationScoped
    static class Orders {

        @Inject
        @RestClient
        ReportRetentionApi api;

        @Inject
        AthleteKeysConfig config;

        @Timeout(value = 120, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 1, delayUnit = ChronoUnit.SECONDS)
        long send(ReportRetentionApi.Order order) {
            String token = config.token().orElseThrow(
                    () -> new IllegalStateException("no token for routine-service (medius.athlete-keys.token)"));
            return api.apply(order, "Bearer " + token).path("reportsRemoved").asLong();
        }
    }
}
