package dev.medius.progress.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.progress.domain.AdherenceWindow;
import dev.medius.progress.domain.FlagKind;
import dev.medius.progress.domain.ScheduleDays;
import dev.medius.progress.domain.SessionPoint;
import dev.medius.progress.repository.ProgressRepository;
import dev.medius.progress.repository.ProgressRepository.FlagRow;
import dev.medius.progress.repository.ProgressRepository.ScheduleSummary;
import dev.medius.progress.repository.ProgressRepository.VolumeRow;
import dev.medius.progress.rest.ProgressViews.Adherence;
import dev.medius.progress.rest.ProgressViews.AthleteProgress;
import dev.medius.progress.rest.ProgressViews.AthleteSummary;
import dev.medius.progress.rest.ProgressViews.Dashboard;
import dev.medius.progress.rest.ProgressViews.Flag;
import dev.medius.progress.rest.ProgressViews.Series;
import dev.medius.progress.rest.ProgressViews.Trend;
import dev.medius.progress.rest.ProgressViews.TrendPoint;
import dev.medius.progress.rest.ProgressViews.Week;
import dev.medius.progress.rest.ProgressViews.WeekPoint;
import dev.medius.progress.rest.ProgressViews.WeekVolume;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/**
 * Answers the dashboard: who the caller may see (coaches their athletes, athletes themselves, admins
 * their whole organisation) and each athlete's numbers, computed from the facts for "today".
 */
@ApplicationScoped
public class ProgressService {

    static final int TREND_SESSIONS = 6;

    @Inject
    ProgressRepository progress;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** Who the caller is, for roster decisions outside a request scope (the event stream). */
    public record Viewer(String subject, String tenant, Set<String> roles) {

        public static Viewer of(Caller caller) {
            return new Viewer(caller.subject(), caller.tenant(), caller.roles());
        }

        public boolean is(String role) {
            return roles.contains(role);
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Dashboard dashboard(Viewer viewer, String coach) {
        return dashboard(viewer, coach, roster(viewer, coach), today());
    }

    /** The dashboard of the given roster, which {@link #roster} or {@link #rosterCoach} decided the viewer sees. */
    public Dashboard dashboard(Viewer viewer, String coach, List<String> roster, LocalDate today) {
        List<AthleteSummary> summaries = summaries(viewer.tenant(), roster, today);
        summaries.sort(Comparator.comparingInt(ProgressService::mostUrgent).thenComparing(AthleteSummary::athleteId));
        return new Dashboard(today, viewer.is(Caller.ADMIN) ? coach : viewer.is(Caller.COACH) ? viewer.subject() : null,
                summaries);
    }

    /**
     * The coach whose roster is exactly the viewer's dashboard: an admin naming a coach, or a coach (who is not
     * also an athlete) viewing their own. Empty for every other view, which {@link #dashboard(Viewer, String)}
     * answers or refuses.
     */
    public Optional<String> rosterCoach(Viewer viewer, String coach) {
        if (viewer.is(Caller.ADMIN)) {
            return Optional.ofNullable(coach);
        }
        if (viewer.is(Caller.COACH) && !viewer.is(Caller.ATHLETE) && (coach == null || coach.equals(viewer.subject()))) {
            return Optional.of(viewer.subject());
        }
        return Optional.empty();
    }

    /** A coach's athletes, each with their revision: what a kept roster answer is checked against. */
    public Map<String, Long> rosterRevisions(String tenant, String coach) {
        return progress.rosterRevisions(tenant, coach);
    }

    /**
     * The athlete with their revision (null for none) when the viewer may see them, for a kept answer's basis;
     * empty when they may not. A coach asking about one of their athletes, the common case, is one statement.
     */
    public Map<String, Long> visibleRevision(Viewer viewer, String athlete) {
        if (viewer.is(Caller.COACH) && !viewer.is(Caller.ADMIN)
                && !(viewer.is(Caller.ATHLETE) && athlete.equals(viewer.subject()))) {
            return progress.coachedRevision(viewer.tenant(), viewer.subject(), athlete);
        }
        Map<String, Long> result = new HashMap<>();
        if (canSee(viewer, athlete)) {
            result.put(athlete, progress.revision(viewer.tenant(), athlete));
        }
        return result;
    }

    /** The athletes on the caller's dashboard; {@code coach} narrows an admin's view to one coach's roster. */
    public List<String> roster(Viewer viewer, String coach) {
        if (viewer.is(Caller.ADMIN)) {
            return coach == null ? progress.athletesOfTenant(viewer.tenant()) : progress.athletesOfCoach(viewer.tenant(), coach);
        }
        if (coach != null && !coach.equals(viewer.subject())) {
            throw new ProblemException(403, "Forbidden", "only an admin may view another coach's roster");
        }
        Set<String> athletes = new java.util.TreeSet<>();
        if (viewer.is(Caller.COACH)) {
            athletes.addAll(progress.athletesOfCoach(viewer.tenant(), viewer.subject()));
        }
        if (viewer.is(Caller.ATHLETE) && progress.athleteExists(viewer.tenant(), viewer.subject())) {
            athletes.add(viewer.subject());
        }
        return new ArrayList<>(athletes);
    }

    /** Whether the caller may see this athlete; anyone else's athlete is simply not found. */
    public boolean canSee(Viewer viewer, String athlete) {
        if (viewer.is(Caller.ADMIN)) {
            return progress.athleteExists(viewer.tenant(), athlete);
        }
        if (viewer.is(Caller.ATHLETE) && athlete.equals(viewer.subject()) && progress.athleteExists(viewer.tenant(), athlete)) {
            return true;
        }
        return viewer.is(Caller.COACH) && progress.coachesAthlete(viewer.tenant(), viewer.subject(), athlete);
    }

    /** Whether a change of this athlete belongs on the viewer's stream. */
    public static boolean concerns(Viewer viewer, String coachFilter, AthleteChange change) {
        if (!viewer.tenant().equals(change.tenant())) {
            return false;
        }
        if (viewer.is(Caller.ADMIN)) {
            return coachFilter == null || change.coaches().contains(coachFilter);
        }
        return (viewer.is(Caller.COACH) && change.coaches().contains(viewer.subject()))
                || (viewer.is(Caller.ATHLETE) && change.athleteId().equals(viewer.subject()));
    }

    public AthleteProgress athlete(Viewer viewer, String athlete, int weeks) {
        if (!canSee(viewer, athlete)) {
            throw ProblemException.notFound("athlete " + athlete);
        }
        return athlete(viewer.tenant(), athlete, weeks, today());
    }

    /** An athlete's progress, for a viewer whom {@link #canSee} has let see them. */
    public AthleteProgress athlete(String tenant, String athlete, int weeks, LocalDate today) {
        AthleteSummary summary = summaries(tenant, List.of(athlete), today).get(0);
        LocalDate firstWeek = weekStart(today).minusWeeks(weeks - 1L);
        List<LocalDate> weekStarts = new ArrayList<>();
        for (LocalDate w = firstWeek; !w.isAfter(today); w = w.plusWeeks(1)) {
            weekStarts.add(w);
        }
        Map<LocalDate, int[]> plan = new HashMap<>();
        ScheduleDays schedule = progress.schedules(tenant, List.of(athlete)).getOrDefault(athlete,
                ScheduleDays.NONE);
        for (LocalDate w : weekStarts) {
            AdherenceWindow week = schedule.window(7, w, w.plusDays(6), today);
            plan.put(w, new int[] { week.scheduled(), week.completed() });
        }
        Map<LocalDate, List<SessionPoint>> done = new HashMap<>();
        for (SessionPoint p : progress.completedBetween(tenant, athlete, firstWeek, today)) {
            done.computeIfAbsent(weekStart(p.date()), k -> new ArrayList<>()).add(p);
        }
        Map<LocalDate, Integer> skipped = new HashMap<>();
        progress.skippedBetween(tenant, athlete, firstWeek, today)
                .forEach(day -> skipped.merge(weekStart(day), 1, Integer::sum));
        List<VolumeRow> volumes = progress.volumes(tenant, List.of(athlete), firstWeek, today);
        Map<LocalDate, int[]> totals = new HashMap<>();
        Map<String, Map<LocalDate, int[]>> byExercise = new TreeMap<>();
        Map<String, String> exerciseNames = new HashMap<>();
        Map<String, Map<LocalDate, int[]>> byMuscle = new TreeMap<>();
        Map<String, Map<LocalDate, int[]>> byPattern = new TreeMap<>();
        for (VolumeRow v : volumes) {
            LocalDate week = weekStart(v.date());
            add(totals.computeIfAbsent(week, k -> new int[3]), v);
            add(byExercise.computeIfAbsent(v.exerciseId(), k -> new HashMap<>()).computeIfAbsent(week, k -> new int[3]), v);
            if (v.name() != null) {
                exerciseNames.put(v.exerciseId(), v.name());
            }
            for (String muscle : muscles(v.musclesJson())) {
                add(byMuscle.computeIfAbsent(muscle, k -> new HashMap<>()).computeIfAbsent(week, k -> new int[3]), v);
            }
            if (v.pattern() != null) {
                add(byPattern.computeIfAbsent(v.pattern(), k -> new HashMap<>()).computeIfAbsent(week, k -> new int[3]), v);
            }
        }
        List<Week> weekRows = new ArrayList<>();
        for (LocalDate w : weekStarts) {
            int[] p = plan.getOrDefault(w, new int[2]);
            int[] t = totals.getOrDefault(w, new int[3]);
            List<SessionPoint> sessions = done.getOrDefault(w, List.of());
            Double avgRpe = sessions.stream().filter(s -> s.rpe() != null).mapToDouble(SessionPoint::rpe).average().stream()
                    .mapToObj(a -> Math.round(a * 10) / 10.0).findFirst().orElse(null);
            Integer maxPain = sessions.stream().filter(s -> s.pain() != null).map(SessionPoint::pain)
                    .max(Integer::compare).orElse(null);
            weekRows.add(new Week(w, p[0], p[1], skipped.getOrDefault(w, 0), t[0], t[1], t[2], avgRpe, maxPain));
        }
        return new AthleteProgress(summary, weekRows, series(byExercise, exerciseNames, weekStarts),
                series(byMuscle, Map.of(), weekStarts), series(byPattern, Map.of(), weekStarts));
    }

    private static List<Series> series(Map<String, Map<LocalDate, int[]>> data, Map<String, String> names,
            List<LocalDate> weeks) {
        List<Series> result = new ArrayList<>();
        data.forEach((key, perWeek) -> {
            List<WeekPoint> points = new ArrayList<>();
            for (LocalDate w : weeks) {
                int[] t = perWeek.getOrDefault(w, new int[3]);
                points.add(new WeekPoint(w, t[0], t[1], t[2]));
            }
            result.add(new Series(key, names.getOrDefault(key, key), points));
        });
        return result;
    }

    private static void add(int[] totals, VolumeRow v) {
        totals[0] += v.sets();
        totals[1] += v.reps();
        totals[2] += v.holdSeconds();
    }

    private List<String> muscles(String musclesJson) {
        if (musclesJson == null) {
            return List.of();
        }
        try {
            return json.readValue(musclesJson, new TypeReference<List<String>>() {
            });
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Summaries of the given athletes, in the given order; a fixed number of queries whatever the count. */
    public List<AthleteSummary> summaries(String tenant, Collection<String> athletes, LocalDate today) {
        List<AthleteSummary> result = new ArrayList<>();
        if (athletes.isEmpty()) {
            return result;
        }
        Map<String, List<String>> coaches = progress.coaches(tenant, athletes);
        Map<String, ScheduleSummary> schedules = progress.scheduleSummaries(tenant, athletes, today);
        // both from rows kept per athlete at ingestion: an athlete's sessions and volume rows lie scattered
        // over tables far larger than memory, and visiting them cost most of a roster read
        Map<String, List<SessionPoint>> recent = progress.recentFromRollup(tenant, athletes);
        LocalDate monday = weekStart(today);
        Map<String, int[]> volumes = progress.volumeFromRollup(tenant, athletes, monday, today);
        Map<String, List<FlagRow>> flags = progress.flags(tenant, athletes);
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
                    .map(f -> new Flag(f.flagId(), f.kind(), f.severity(), f.reason(), f.value(), f.threshold(),
                            f.raisedAt()))
                    .toList();
            result.add(new AthleteSummary(athlete, coaches.getOrDefault(athlete, List.of()), adh,
                    last == null ? null : last.completedAt(),
                    last == null ? null : (int) ChronoUnit.DAYS.between(last.completedAt().toLocalDate(), today),
                    schedule.streak(),
                    new WeekVolume(monday, t[0], t[1], t[2], t[3]),
                    trend(sessions.stream().map(s -> new TrendPoint(s.date(), s.rpe(), null)).filter(p -> p.value() != null)
                            .toList()),
                    trend(sessions.stream().filter(s -> s.pain() != null)
                            .map(s -> new TrendPoint(s.date(), s.pain().doubleValue(), s.painArea())).toList()),
                    raised));
        }
        return result;
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
        return s.flags().stream().mapToInt(f -> FlagKind.fromWire(f.kind()).urgency()).min().orElse(Integer.MAX_VALUE);
    }

    static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

}
