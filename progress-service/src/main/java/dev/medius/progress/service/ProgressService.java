package dev.medius.progress.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.FlagKind;
import dev.medius.progress.domain.SessionPoint;
import dev.medius.progress.repository.AcknowledgementRepository;
import dev.medius.progress.repository.AcknowledgementRepository.AcknowledgementRow;
import dev.medius.progress.repository.AdherenceRepository;
import dev.medius.progress.repository.AdherenceRepository.ScheduleSummary;
import dev.medius.progress.repository.AthleteRecentRepository;
import dev.medius.progress.repository.CheckInRepository;
import dev.medius.progress.repository.CheckInRepository.LatestMorning;
import dev.medius.progress.repository.FlagRepository;
import dev.medius.progress.repository.FlagRepository.FlagRow;
import dev.medius.progress.repository.ProfileRepository;
import dev.medius.progress.repository.ProfileRepository.ProfileRow;
import dev.medius.progress.repository.RosterRepository;
import dev.medius.progress.service.ProgressViews.Acknowledgement;
import dev.medius.progress.service.ProgressViews.Adherence;
import dev.medius.progress.service.ProgressViews.AthleteSummary;
import dev.medius.progress.service.ProgressViews.Dashboard;
import dev.medius.progress.service.ProgressViews.Flag;
import dev.medius.progress.service.ProgressViews.MorningCheckIn;
import dev.medius.progress.service.ProgressViews.Profile;
import dev.medius.progress.service.ProgressViews.Trend;
import dev.medius.progress.service.ProgressViews.TrendPoint;
import dev.medius.progress.service.ProgressViews.WeekVolume;
import dev.medius.runtime.security.Caller;

/**
 * Answers the dashboard: the roster the caller may see ({@link RosterAccess}) and each athlete's numbers, computed
 * from the facts for "today".
 */
@ApplicationScoped
public class ProgressService {

    static final int TREND_SESSIONS = 6;

    @Inject
    RosterAccess access;

    @Inject
    RosterRepository roster;

    @Inject
    AdherenceRepository adherence;

    @Inject
    AthleteRecentRepository recentRows;

    @Inject
    FlagRepository flagRows;

    @Inject
    AcknowledgementRepository acknowledgements;

    @Inject
    ProfileRepository profiles;

    @Inject
    CheckInRepository checkIns;

    @Inject
    Clock clock;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Dashboard dashboard(Viewer viewer, String coach) {
        return dashboard(viewer, coach, access.roster(viewer, coach), today());
    }

    /** The dashboard of the given roster, which {@link RosterAccess#roster} or {@link RosterAccess#rosterCoach} decided the viewer sees. */
    public Dashboard dashboard(Viewer viewer, String coach, List<String> roster, LocalDate today) {
        List<AthleteSummary> summaries = summaries(viewer.tenant(), roster, today);
        summaries.sort(Comparator.comparingInt(ProgressService::mostUrgent).thenComparing(ProgressService::sortName)
                .thenComparing(AthleteSummary::athleteId));
        return new Dashboard(today, RosterAccess.wholeOrganisation(viewer) ? coach : viewer.is(Caller.COACH) ? viewer.subject() : null,
                summaries);
    }

    /** Summaries of the given athletes, in the given order; a fixed number of queries whatever the count. */
    public List<AthleteSummary> summaries(String tenant, Collection<String> athletes, LocalDate today) {
        List<AthleteSummary> result = new ArrayList<>();
        if (athletes.isEmpty()) {
            return result;
        }
        Map<String, List<String>> coaches = roster.coaches(tenant, athletes);
        Map<String, ScheduleSummary> schedules = adherence.scheduleSummaries(tenant, athletes, today);
        // both from rows kept per athlete at ingestion: an athlete's sessions and volume rows lie scattered
        // over tables far larger than memory, and visiting them cost most of a roster read
        Map<String, List<SessionPoint>> recent = recentRows.recentFromRollup(tenant, athletes);
        LocalDate monday = weekStart(today);
        Map<String, int[]> volumes = recentRows.volumeFromRollup(tenant, athletes, monday, today);
        Map<String, List<FlagRow>> flags = flagRows.flags(tenant, athletes);
        Map<UUID, AcknowledgementRow> seen = acknowledgements.ofRaisedFlags(tenant, athletes);
        Map<String, ProfileRow> named = profiles.profiles(tenant, athletes);
        Map<String, LatestMorning> mornings = checkIns.latestSince(tenant, athletes, today.minusDays(1));
        for (String athlete : athletes) {
            ScheduleSummary schedule = schedules.getOrDefault(athlete, ScheduleSummary.NONE);
            Adherence adh = new Adherence(schedule.days7(), schedule.days30(), schedule.days90());
            List<SessionPoint> all = recent.getOrDefault(athlete, List.of());
            List<SessionPoint> sessions = all.subList(Math.max(0, all.size() - TREND_SESSIONS), all.size());
            SessionPoint last = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
            int[] t = volumes.getOrDefault(athlete, new int[4]);
            List<Flag> raised = flags.getOrDefault(athlete, List.of()).stream()
                    .sorted(Comparator.comparingInt((FlagRow f) -> FlagKind.fromWire(f.kind()).urgency())
                            .thenComparing(FlagRow::raisedAt))
                    .map(f -> flag(f, seen.get(f.flagId()), today))
                    .toList();
            ProfileRow known = named.get(athlete);
            Profile profile = known == null ? null
                    : new Profile(known.displayName(), known.teamId(), known.teamName(), known.sport());
            result.add(new AthleteSummary(athlete, profile, coaches.getOrDefault(athlete, List.of()), adh,
                    last == null ? null : last.completedAt(),
                    last == null ? null : (int) ChronoUnit.DAYS.between(last.completedAt().toLocalDate(), today),
                    schedule.streak(),
                    new WeekVolume(monday, t[0], t[1], t[2], t[3]),
                    trend(sessions.stream().map(s -> new TrendPoint(s.date(), s.rpe(), null)).filter(p -> p.value() != null)
                            .toList()),
                    trend(sessions.stream().filter(s -> s.pain() != null)
                            .map(s -> new TrendPoint(s.date(), s.pain().doubleValue(), s.painArea())).toList()),
                    raised, morning(mornings.get(athlete))));
        }
        return result;
    }

    /** The kinds of adjustment a check-in can make, the most cautious first (wellness.checked-in.v1). */
    static final List<String> CAUTION = List.of("see-a-clinician", "rest", "pain-free", "lower-rung", "lighter",
            "as-planned");

    /** The roster's line on the latest check-in: the most cautious of its adjustments stands for the morning. */
    static MorningCheckIn morning(LatestMorning latest) {
        if (latest == null) {
            return null;
        }
        String adjustment = latest.adjustments().stream().filter(CAUTION::contains)
                .min(Comparator.comparingInt(CAUTION::indexOf)).orElse(null);
        return new MorningCheckIn(latest.date(), latest.pain(), latest.painArea(), latest.redFlags() > 0, adjustment);
    }

    private static Flag flag(FlagRow f, AcknowledgementRow seen, LocalDate today) {
        Acknowledgement acknowledgement = seen == null ? null
                : new Acknowledgement(seen.acknowledgedBy(), seen.note(), seen.snoozedUntil(), seen.acknowledgedAt());
        boolean snoozed = seen != null && seen.snoozedUntil() != null && seen.snoozedUntil().isAfter(today);
        return new Flag(f.flagId(), f.kind(), f.severity(), f.reason(), f.facts(), f.value(), f.threshold(), f.raisedAt(),
                acknowledgement, snoozed);
    }

    static Trend trend(List<TrendPoint> points) {
        if (points.size() < 2) {
            return new Trend("unknown", points.isEmpty() ? null : points.get(0).value(), points);
        }
        List<TrendPoint> tail = points.subList(Math.max(0, points.size() - 3), points.size());
        boolean rising = true;
        boolean falling = true;
        for (int i = 1; i < tail.size(); i++) {
            rising &= tail.get(i).value() > tail.get(i - 1).value();
            falling &= tail.get(i).value() < tail.get(i - 1).value();
        }
        return new Trend(rising ? "rising" : falling ? "falling" : "steady", points.get(points.size() - 1).value(), points);
    }

    private static int mostUrgent(AthleteSummary s) {
        // a snoozed flag waits for its date: the coach has seen it
        return s.flags().stream().filter(f -> !f.snoozed()).mapToInt(f -> FlagKind.fromWire(f.kind()).urgency()).min()
                .orElse(Integer.MAX_VALUE);
    }

    private static String sortName(AthleteSummary s) {
        return s.profile() == null ? s.athleteId() : s.profile().displayName();
    }

    static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
