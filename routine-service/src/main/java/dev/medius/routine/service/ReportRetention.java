package dev.medius.routine.service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jboss.logging.Logger;

import dev.medius.routine.repository.ReportRetentionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Athletes' session reports are kept for their organisation's retention, which its admin chooses in progress-service;
 * progress-service's retention job passes every organisation's choice here as it runs. A run removes only what has
 * aged past the cutoff, so a second run of the same day removes nothing.
 */
@ApplicationScoped
public class ReportRetention {

    private static final Logger LOG = Logger.getLogger(ReportRetention.class);
    // small transactions: a first run over years of reports must not hold one open for minutes
    static final int BATCH = 5_000;

    /**
     * The organisations' retentions on the day of the run: their own choices, and the days of every other; within the
     * bounds an admin may choose, so that no report the dashboard's longest view still covers is removed.
     */
    public record Order(@NotNull LocalDate today, @NotNull @Min(371) @Max(3650) Integer defaultDays,
            @NotNull @Size(max = 100_000) List<@Valid @NotNull Organisation> organisations) {
    }

    /** An organisation that chose its own retention. */
    public record Organisation(@NotBlank @Size(max = 200) String tenant, @NotNull @Min(371) @Max(3650) Integer days) {
    }

    /** What a run removed. */
    public record Report(LocalDate today, long reportsRemoved, long checkInsRemoved, long testsRemoved) {
    }

    @Inject
    ReportRetentionRepository reports;

    public Report apply(Order order) {
        Map<String, Integer> days = new LinkedHashMap<>();
        order.organisations().forEach(o -> days.put(o.tenant(), o.days()));
        long removed = remove(ReportRetentionRepository.Kept.SESSION_REPORTS, order, days);
        long checkIns = remove(ReportRetentionRepository.Kept.CHECK_INS, order, days);
        long tests = remove(ReportRetentionRepository.Kept.STRENGTH_TESTS, order, days);
        if (removed + checkIns + tests > 0) {
            LOG.infof("retention removed %d session reports, %d check-ins and %d test results", removed, checkIns,
                    tests);
        }
        return new Report(order.today(), removed, checkIns, tests);
    }

    private long remove(ReportRetentionRepository.Kept kept, Order order, Map<String, Integer> days) {
        long removed = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew()
                    .call(() -> reports.removeExpired(kept, order.today(), order.defaultDays(), days, BATCH));
            if (batch == 0) {
                return removed;
            }
            removed += batch;
        }
    }
}
