package dev.medius.progress.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jboss.logging.Logger;

import dev.medius.progress.client.ReportRetentionClient;
import dev.medius.progress.config.RetentionConfig;
import dev.medius.progress.domain.TenantKey;
import dev.medius.progress.repository.AthleteRecentRepository;
import dev.medius.progress.repository.RetentionRepository;
import dev.medius.progress.repository.RevisionRepository;
import io.quarkus.scheduler.Scheduled;

/**
 * Raw session facts, readiness check-ins and strength tests are kept for their organisation's retention, then
 * removed (facts with their volume): a scheduled job, also run on demand by a platform operator. A run removes only what has aged past the
 * cutoff, so a second run of the same day finds nothing and changes nothing.
 */
@ApplicationScoped
public class FactRetention {

    private static final Logger LOG = Logger.getLogger(FactRetention.class);
    // small transactions: a first run over years of facts must not hold one open for minutes
    static final int BATCH = 5_000;

    @Inject
    RetentionRepository retention;

    @Inject
    AthleteRecentRepository recent;

    @Inject
    RevisionRepository revisions;

    @Inject
    RetentionConfig config;

    @Inject
    Clock clock;

    @Inject
    ReportRetentionClient routine;

    /**
     * What a run removed: facts, check-ins and strength tests here, and the session reports routine-service removed at the same cutoffs
     * (null when it could not be asked; the next run asks again).
     */
    public record Report(LocalDate today, long factsRemoved, int athletes, Long reportsRemoved, long checkInsRemoved,
            long strengthTestsRemoved) {
    }

    /** An organisation's retention: its own choice, or the default when {@code custom} is false. */
    public record Retention(int factsDays, boolean custom, int defaultDays, int minimumDays, int maximumDays) {
    }

    /** An admin's choice for their organisation. */
    public record RetentionRequest(@NotNull @Min(RetentionConfig.MINIMUM_DAYS) @Max(RetentionConfig.MAXIMUM_DAYS)
            Integer factsDays) {
    }

    public Retention of(String tenant) {
        Optional<Integer> own = retention.factsDays(tenant);
        return new Retention(own.orElse(config.factsDays()), own.isPresent(), config.factsDays(),
                RetentionConfig.MINIMUM_DAYS, RetentionConfig.MAXIMUM_DAYS);
    }

    public Retention choose(String tenant, RetentionRequest request, String by) {
        retention.setFactsDays(tenant, request.factsDays(), by, OffsetDateTime.now(clock));
        return of(tenant);
    }

    @Scheduled(every = "${medius.retention.every}", delayed = "${medius.retention.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Report report = run();
        if (report.factsRemoved() > 0 || report.checkInsRemoved() > 0 || report.strengthTestsRemoved() > 0) {
            LOG.infof("retention removed %d session facts, %d check-ins and %d strength tests of %d athletes",
                    report.factsRemoved(), report.checkInsRemoved(), report.strengthTestsRemoved(), report.athletes());
        }
    }

    public Report run() {
        LocalDate today = LocalDate.now(clock);
        Set<TenantKey> touched = new LinkedHashSet<>();
        long removed = 0;
        while (true) {
            List<TenantKey> batch = removeBatch(today);
            if (batch.isEmpty()) {
                break;
            }
            removed += batch.size();
            touched.addAll(batch);
        }
        long checkIns = 0;
        while (true) {
            List<TenantKey> batch = removeRecordBatch(today, false);
            if (batch.isEmpty()) {
                break;
            }
            checkIns += batch.size();
            touched.addAll(batch);
        }
        long tests = 0;
        while (true) {
            List<TenantKey> batch = removeRecordBatch(today, true);
            if (batch.isEmpty()) {
                break;
            }
            tests += batch.size();
            touched.addAll(batch);
        }
        // routine-service keeps the athletes' raw reports; the organisations' choices are made here
        Long reports = routine.apply(today, config.factsDays(), retention.chosen()).orElse(null);
        return new Report(today, removed, touched.size(), reports, checkIns, tests);
    }

    /**
     * One batch in one transaction: the facts and volume go, and their athletes' recent rows are rewritten from what
     * is left and marked revised, so no kept dashboard answer shows a removed session.
     */
    @Transactional
    List<TenantKey> removeBatch(LocalDate today) {
        try {
            List<TenantKey> facts = retention.removeExpiredFacts(today, config.factsDays(), BATCH);
            Set<TenantKey> athletes = new LinkedHashSet<>(facts);
            recent.rewriteAthleteRecent(athletes, today.minusDays(AthleteRecentRepository.RECENT_VOLUME_DAYS - 1L));
            revisions.markRevised(athletes);
            return facts;
        } catch (SQLException e) {
            throw new IllegalStateException("retention batch failed", e);
        }
    }

    /**
     * One batch of check-ins, or of strength tests, in one transaction; their athletes are marked revised like those
     * of removed facts.
     */
    @Transactional
    List<TenantKey> removeRecordBatch(LocalDate today, boolean strengthTests) {
        try {
            List<TenantKey> athletes = strengthTests
                    ? retention.removeExpiredStrengthTests(today, config.factsDays(), BATCH)
                    : retention.removeExpiredCheckIns(today, config.factsDays(), BATCH);
            revisions.markRevised(new LinkedHashSet<>(athletes));
            return athletes;
        } catch (SQLException e) {
            throw new IllegalStateException("retention batch of " + (strengthTests ? "strength tests" : "check-ins")
                    + " failed", e);
        }
    }
}
