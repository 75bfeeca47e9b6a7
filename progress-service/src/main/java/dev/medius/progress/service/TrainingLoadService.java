package dev.medius.progress.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.medius.progress.config.TrainingLoadConfig;
import dev.medius.progress.domain.TrainingLoad;
import dev.medius.progress.repository.TrainingLoadRepository;
import dev.medius.runtime.problem.ProblemException;

/** An athlete's training load over the last weeks, for whoever may see the athlete. */
@ApplicationScoped
public class TrainingLoadService {

    @Inject
    RosterAccess access;

    @Inject
    TrainingLoadRepository sessions;

    @Inject
    TrainingLoadConfig config;

    @Inject
    Clock clock;

    @Schema(description = "An athlete's training load (session RPE × minutes) over the last weeks, ending today. "
            + "Figures are rounded to two decimals; the signal is read from the unrounded ratio. historyStart is the "
            + "day of the athlete's first completed session, from which the averages start at 0 (null without one).")
    public record AthleteLoad(String athleteId, LocalDate today, LocalDate historyStart, double spikeRatio,
            LatestRatio latest, List<WeekLoad> weeks, List<DayLoad> days) {
    }

    @Schema(description = "Today's acute:chronic ratio: a signal of how fast load changes, not an injury predictor. "
            + "signal is spike (ratio above spikeRatio), within, or insufficient-history (no ratio: reason says why).")
    public record LatestRatio(LocalDate date, Double ratio, String signal, String reason, int historyDays) {
    }

    @Schema(description = "A Monday-to-Sunday week: load is the sum of its daily loads; monotony is the mean daily load "
            + "÷ the standard deviation of the seven days (null when they do not vary, and while the week is under way); "
            + "strain is load × monotony. unratedSessions were completed without RPE or duration and carry no load.")
    public record WeekLoad(LocalDate weekStart, double load, Double monotony, Double strain, int sessions,
            int unratedSessions, boolean complete) {
    }

    @Schema(description = "A day: load is the sum of its sessions' loads; acute and chronic are the 7- and 28-day "
            + "exponentially weighted averages (null before the athlete's history begins); ratio is acute ÷ chronic, "
            + "null before 28 days of history or while chronic is 0.")
    public record DayLoad(LocalDate date, double load, Double acute, Double chronic, Double ratio) {
    }

    /** The load of the weeks ending with the current one; not found unless the viewer may see the athlete. */
    public AthleteLoad athlete(Viewer viewer, String athlete, int weeks) {
        if (!access.canSee(viewer, athlete)) {
            throw ProblemException.notFound("athlete " + athlete);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = ProgressService.weekStart(today).minusWeeks(weeks - 1L);
        TrainingLoad.Report report = TrainingLoad.of(sessions.completedUntil(viewer.tenant(), athlete, today), from,
                today, config.spikeRatio());
        TrainingLoad.Latest latest = report.latest();
        return new AthleteLoad(athlete, today, report.historyStart(), config.spikeRatio(),
                new LatestRatio(latest.date(), round(latest.ratio()), latest.signal().code(), latest.reason(),
                        latest.historyDays()),
                report.weeks().stream().map(w -> new WeekLoad(w.weekStart(), round(w.load()), round(w.monotony()),
                        round(w.strain()), w.sessions(), w.unratedSessions(), w.complete())).toList(),
                report.days().stream().map(d -> new DayLoad(d.date(), round(d.load()), round(d.acute()),
                        round(d.chronic()), round(d.ratio()))).toList());
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
