package dev.medius.progress.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.progress.config.DashboardConfig;
import dev.medius.progress.config.FlagThresholds;
import dev.medius.progress.domain.AdherenceWindow;
import dev.medius.progress.domain.ScheduleDays;
import dev.medius.progress.domain.SessionPoint;
import dev.medius.progress.repository.AdherenceRepository;
import dev.medius.progress.repository.CheckInRepository;
import dev.medius.progress.repository.ExerciseVolumeRepository;
import dev.medius.progress.repository.ExerciseVolumeRepository.VolumeRow;
import dev.medius.progress.repository.SessionHistoryRepository;
import dev.medius.progress.repository.StrengthTestRepository;
import dev.medius.progress.service.ProgressViews.AthleteNote;
import dev.medius.progress.service.ProgressViews.AthleteProgress;
import dev.medius.progress.service.ProgressViews.AthleteSummary;
import dev.medius.progress.service.ProgressViews.CheckIn;
import dev.medius.progress.service.ProgressViews.Day;
import dev.medius.progress.service.ProgressViews.PainArea;
import dev.medius.progress.service.ProgressViews.PlannedSession;
import dev.medius.progress.service.ProgressViews.Readiness;
import dev.medius.progress.service.ProgressViews.Series;
import dev.medius.progress.service.ProgressViews.SessionAdjustment;
import dev.medius.progress.service.ProgressViews.StrengthTestResult;
import dev.medius.progress.service.ProgressViews.Thresholds;
import dev.medius.progress.service.ProgressViews.Week;
import dev.medius.progress.service.ProgressViews.WeekPoint;

/** One athlete's progress week by week: the dashboard summary, sessions and volume per exercise, muscle and pattern. */
@ApplicationScoped
public class AthleteProgressService {

    /** How many of the athlete's notes the view shows, newest first: a page's worth. */
    static final int NOTES = 30;

    /** The plan shown against what was done: the last two weeks and the next. */
    static final int PLAN_DAYS_BACK = 13;
    static final int PLAN_DAYS_AHEAD = 7;

    /** The check-ins shown: four weeks, today's included. */
    static final int READINESS_DAYS = 28;

    /** Every strength test of the last year is shown, besides the latest of each kind. */
    static final int TEST_DAYS = 365;

    private static final TypeReference<List<PainArea>> PAIN = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<List<SessionAdjustment>> ADJUSTMENTS = new TypeReference<>() {
    };

    @Inject
    ProgressService progress;

    @Inject
    AdherenceRepository adherence;

    @Inject
    SessionHistoryRepository history;

    @Inject
    ExerciseVolumeRepository volumeRows;

    @Inject
    CheckInRepository checkIns;

    @Inject
    StrengthTestRepository strengthTests;

    @Inject
    ObjectMapper json;

    @Inject
    FlagThresholds thresholds;

    @Inject
    DashboardConfig dashboard;

    /** An athlete's progress, for a viewer whom {@link RosterAccess#canSee} has let see them. */
    public AthleteProgress athlete(String tenant, String athlete, int weeks, LocalDate today) {
        AthleteSummary summary = progress.summaries(tenant, List.of(athlete), today).get(0);
        LocalDate firstWeek = ProgressService.weekStart(today).minusWeeks(weeks - 1L);
        List<LocalDate> weekStarts = new ArrayList<>();
        for (LocalDate w = firstWeek; !w.isAfter(today); w = w.plusWeeks(1)) {
            weekStarts.add(w);
        }
        Map<LocalDate, int[]> plan = new HashMap<>();
        ScheduleDays schedule = adherence.schedules(tenant, List.of(athlete)).getOrDefault(athlete,
                ScheduleDays.NONE);
        for (LocalDate w : weekStarts) {
            AdherenceWindow week = schedule.window(7, w, w.plusDays(6), today);
            plan.put(w, new int[] { week.scheduled(), week.completed() });
        }
        Map<LocalDate, List<SessionPoint>> done = new HashMap<>();
        for (SessionPoint p : history.completedBetween(tenant, athlete, firstWeek, today)) {
            done.computeIfAbsent(ProgressService.weekStart(p.date()), k -> new ArrayList<>()).add(p);
        }
        Map<LocalDate, Integer> skipped = new HashMap<>();
        List<LocalDate> skipDays = history.skippedBetween(tenant, athlete, firstWeek, today);
        skipDays.forEach(day -> skipped.merge(ProgressService.weekStart(day), 1, Integer::sum));
        List<VolumeRow> volumes = volumeRows.volumes(tenant, List.of(athlete), firstWeek, today);
        Map<LocalDate, int[]> totals = new HashMap<>();
        Map<String, Map<LocalDate, int[]>> byExercise = new TreeMap<>();
        Map<String, String> exerciseNames = new HashMap<>();
        Map<String, Map<LocalDate, int[]>> byMuscle = new TreeMap<>();
        Map<String, Map<LocalDate, int[]>> byPattern = new TreeMap<>();
        for (VolumeRow v : volumes) {
            LocalDate week = ProgressService.weekStart(v.date());
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
        List<AthleteNote> notes = history.notesBetween(tenant, athlete, firstWeek, today, NOTES).stream()
                .map(n -> new AthleteNote(n.date(), n.sessionId(), n.status(), n.text())).toList();
        return new AthleteProgress(summary, weekRows, series(byExercise, exerciseNames, weekStarts),
                series(byMuscle, Map.of(), weekStarts), series(byPattern, Map.of(), weekStarts),
                calendar(schedule, done, skipDays, firstWeek, today),
                new Thresholds(thresholds.painThreshold(), thresholds.effortRpe(), thresholds.effortSessions()), notes,
                plan(tenant, athlete, today), readiness(tenant, athlete, today), tests(tenant, athlete, today),
                dashboard.planLink()
                        .map(link -> link.replace("{athleteId}", URLEncoder.encode(athlete, StandardCharsets.UTF_8))).orElse(null));
    }

    /** The plan's sessions from two weeks ago to a week ahead, each with what became of it. */
    private List<PlannedSession> plan(String tenant, String athlete, LocalDate today) {
        return history.plannedBetween(tenant, athlete, today.minusDays(PLAN_DAYS_BACK), today.plusDays(PLAN_DAYS_AHEAD))
                .stream().map(row -> new PlannedSession(row.date(), row.sessionId(), row.title(), row.status() != null
                        ? row.status() : row.date().isBefore(today) ? "missed" : row.date().equals(today) ? "due" : "upcoming"))
                .toList();
    }

    /** The check-ins of the last four weeks, newest first, their lists read back from the stored JSON. */
    private Readiness readiness(String tenant, String athlete, LocalDate today) {
        LocalDate from = today.minusDays(READINESS_DAYS - 1L);
        List<CheckIn> shown = checkIns.since(tenant, athlete, from).stream().map(c -> new CheckIn(c.checkInId(),
                c.date(), c.recordedAt(), c.sleepQuality(), c.energy(), c.soreness(), c.stress(), c.mood(),
                c.sleepHours(), list(c.painJson(), PAIN), list(c.redFlagsJson(), TEXTS),
                list(c.adjustmentsJson(), ADJUSTMENTS))).toList();
        return new Readiness(from, shown);
    }

    /** The latest test of each kind and every test of the last year, newest first. */
    private List<StrengthTestResult> tests(String tenant, String athlete, LocalDate today) {
        return strengthTests.shown(tenant, athlete, today.minusDays(TEST_DAYS - 1L)).stream()
                .map(t -> new StrengthTestResult(t.testId(), t.kind(), t.testedOn(), t.left(), t.right(), t.unit(),
                        t.symmetryPercent(), t.involvedSide(), t.pain(), t.leftRating(), t.rightRating(),
                        list(t.faultsJson(), TEXTS), list(t.findingsJson(), TEXTS)))
                .toList();
    }

    private <T> List<T> list(String stored, TypeReference<List<T>> type) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored list is unreadable", e);
        }
    }

    /** The days with something scheduled or done, oldest first. */
    private static List<Day> calendar(ScheduleDays schedule, Map<LocalDate, List<SessionPoint>> doneByWeek,
            List<LocalDate> skips, LocalDate from, LocalDate today) {
        Map<LocalDate, int[]> days = new TreeMap<>();
        for (int i = 0; i < schedule.days().size(); i++) {
            LocalDate day = schedule.days().get(i);
            if (!day.isBefore(from) && !day.isAfter(today)) {
                int[] d = days.computeIfAbsent(day, k -> new int[4]);
                d[0] += schedule.scheduled().get(i);
                d[1] += schedule.completed().get(i);
            }
        }
        skips.forEach(day -> days.computeIfAbsent(day, k -> new int[4])[2]++);
        doneByWeek.values().forEach(sessions -> sessions.forEach(s -> days.computeIfAbsent(s.date(), k -> new int[4])[3]++));
        List<Day> result = new ArrayList<>();
        days.forEach((day, d) -> result.add(new Day(day, d[0], d[1], d[2], d[3])));
        return result;
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
        } catch (IOException e) {
            return List.of();
        }
    }
}
