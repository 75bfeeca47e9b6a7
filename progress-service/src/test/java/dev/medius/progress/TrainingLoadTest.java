package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.medius.progress.domain.TrainingLoad;
import dev.medius.progress.domain.TrainingLoad.Day;
import dev.medius.progress.domain.TrainingLoad.Report;
import dev.medius.progress.domain.TrainingLoad.Session;
import dev.medius.progress.domain.TrainingLoad.Signal;
import dev.medius.progress.domain.TrainingLoad.Week;

/**
 * Training load on eight weeks of an athlete's sessions, every figure worked out by hand (the arithmetic is written
 * beside each expected value), and the properties that hold on any history.
 */
class TrainingLoadTest {

    /** Monday 2 March 2026, the athlete's first session: day 1 of their history. */
    static final LocalDate START = LocalDate.of(2026, 3, 2);
    /** Sunday 26 April 2026: day 56, the last of the eighth week. */
    static final LocalDate END = START.plusDays(55);
    static final double SPIKE = 1.5;
    static final double EXACT = 1e-9;
    static final double SIX_PLACES = 1e-6;

    /** Rest days between; two sessions on 10 March, 9 April and 23 April; no RPE on 25 March. */
    static final List<Session> EIGHT_WEEKS = List.of(
            // week 1
            on(0, 5.0, 40), on(2, 6.0, 30), on(4, 4.0, 50),
            // week 2
            on(7, 5.0, 40), on(8, 3.0, 20), on(8, 6.0, 30), on(10, 6.0, 40), on(12, 7.0, 30),
            // week 3
            on(14, 6.0, 40), on(16, 6.0, 40), on(18, 6.0, 40), on(20, 4.0, 30),
            // week 4, a lighter one; the athlete gave no RPE on the Wednesday
            on(21, 5.0, 30), on(23, null, 45), on(24, 5.0, 30), on(26, 4.0, 20),
            // week 5
            on(29, 4.0, 30), on(32, 6.5, 30),
            // week 6
            on(35, 6.0, 45), on(36, 7.0, 40), on(38, 6.0, 45), on(38, 3.0, 20), on(40, 7.0, 50),
            // week 7
            on(42, 7.0, 50), on(44, 8.0, 45), on(46, 7.0, 50), on(48, 5.0, 30),
            // week 8, the load rises sharply
            on(49, 8.0, 60), on(50, 7.0, 50), on(51, 8.0, 60), on(52, 4.0, 20), on(52, 8.0, 45), on(54, 9.0, 60),
            on(55, 6.0, 40));

    static Session on(int day, Double rpe, Integer minutes) {
        return new Session(START.plusDays(day), rpe, minutes);
    }

    static Report eightWeeks(LocalDate to) {
        return TrainingLoad.of(EIGHT_WEEKS, START, to, SPIKE);
    }

    @Test
    void aSessionsLoadIsItsRpeTimesItsMinutes() {
        assertThat(on(0, 5.0, 40).load()).isEqualTo(200.0);
        assertThat(on(32, 6.5, 30).load()).isEqualTo(195.0);
        assertThat(on(0, 0.0, 40).load()).isEqualTo(0.0);
        assertThat(on(0, null, 45).load()).isNull();
        assertThat(on(0, 6.0, null).load()).isNull();
        // outside the CR-10 scale or a negative duration: not a load, and not guessed
        assertThat(on(0, 11.0, 30).load()).isNull();
        assertThat(on(0, -1.0, 30).load()).isNull();
        assertThat(on(0, 6.0, -5).load()).isNull();
    }

    @Test
    void dailyLoadsSumTheDaysSessionsAndAreZeroOnRestDays() {
        List<Day> days = eightWeeks(END).days();
        assertThat(days).hasSize(56);
        assertThat(days.get(0).date()).isEqualTo(START);
        assertThat(days.get(0).load()).isEqualTo(200.0); // 5 × 40
        assertThat(days.get(1).load()).isEqualTo(0.0); // rest day
        assertThat(days.get(8).load()).isEqualTo(240.0); // 3 × 20 + 6 × 30 = 60 + 180
        assertThat(days.get(23).load()).isEqualTo(0.0); // the session without RPE
        assertThat(days.get(32).load()).isEqualTo(195.0); // 6.5 × 30
        assertThat(days.get(38).load()).isEqualTo(330.0); // 6 × 45 + 3 × 20 = 270 + 60
        assertThat(days.get(52).load()).isEqualTo(440.0); // 4 × 20 + 8 × 45 = 80 + 360
    }

    @Test
    void eachWeeksLoadMonotonyAndStrain() {
        List<Week> weeks = eightWeeks(END).weeks();
        assertThat(weeks).extracting(Week::weekStart).containsExactly(START, START.plusWeeks(1), START.plusWeeks(2),
                START.plusWeeks(3), START.plusWeeks(4), START.plusWeeks(5), START.plusWeeks(6), START.plusWeeks(7));
        assertThat(weeks).allMatch(Week::complete);
        // days 200 0 180 0 200 0 0: sum 580, mean 580/7 = 82.857143, variance 450400/49, SD 95.874067
        week(weeks.get(0), 580, 0.864229, 501.252782, 3, 0);
        // days 200 240 0 240 0 210 0: sum 890, mean 127.142857, variance 603000/49, SD 110.932964
        week(weeks.get(1), 890, 1.146123, 1020.049758, 5, 0);
        // days 240 0 240 0 240 0 120: sum 840, mean 120, variance 86400/7, SD 111.098412
        week(weeks.get(2), 840, 1.080123, 907.303698, 4, 0);
        // days 150 0 0 150 0 80 0 (Wednesday's session unrated): sum 380, mean 54.285714, variance 215400/49, SD 66.301722
        week(weeks.get(3), 380, 0.818768, 311.131759, 4, 1);
        // days 0 120 0 0 195 0 0: sum 315, mean 45, variance 38250/7, SD 73.920807
        week(weeks.get(4), 315, 0.608760, 191.759270, 2, 0);
        // days 270 280 0 330 0 350 0: sum 1230, mean 175.714286, variance 1166000/49, SD 154.259257
        week(weeks.get(5), 1230, 1.139084, 1401.073593, 5, 0);
        // days 350 0 360 0 350 0 150: sum 1210, mean 172.857143, variance 1315600/49, SD 163.856582
        week(weeks.get(6), 1210, 1.054930, 1276.464697, 4, 0);
        // days 480 350 480 440 0 540 240: sum 2530, mean 361.428571, variance 1481800/49, SD 173.898868
        week(weeks.get(7), 2530, 2.078384, 5258.310739, 7, 0);
    }

    static void week(Week week, double load, double monotony, double strain, int sessions, int unrated) {
        assertThat(week.load()).isCloseTo(load, within(EXACT));
        assertThat(week.monotony()).isCloseTo(monotony, within(SIX_PLACES));
        assertThat(week.strain()).isCloseTo(strain, within(SIX_PLACES));
        assertThat(week.sessions()).isEqualTo(sessions);
        assertThat(week.unratedSessions()).isEqualTo(unrated);
    }

    @Test
    void theAveragesStartAtZeroOnTheFirstDayOfHistory() {
        List<Day> days = eightWeeks(END).days();
        // day 1: 200 × 2/8 = 50; 200 × 2/29 = 13.793103
        assertThat(days.get(0).acute()).isCloseTo(50.0, within(EXACT));
        assertThat(days.get(0).chronic()).isCloseTo(13.793103448, within(SIX_PLACES));
        // day 2, rest: 50 × 6/8 = 37.5; 13.793103 × 27/29 = 12.841855
        assertThat(days.get(1).acute()).isCloseTo(37.5, within(EXACT));
        assertThat(days.get(1).chronic()).isCloseTo(12.841854935, within(SIX_PLACES));
        // day 3: 180 × 2/8 + 37.5 × 6/8 = 45 + 28.125; 180 × 2/29 + 12.841855 × 27/29 = 12.413793 + 11.956210
        assertThat(days.get(2).acute()).isCloseTo(73.125, within(EXACT));
        assertThat(days.get(2).chronic()).isCloseTo(24.370002870, within(SIX_PLACES));
    }

    @Test
    void theRatioIsReportedFromTheTwentyEighthDayOfHistory() {
        List<Day> days = eightWeeks(END).days();
        // day 27 (28 March): acute 68.867236, chronic 77.550408, but 27 days are too few
        assertThat(days.get(26).acute()).isCloseTo(68.867236232, within(SIX_PLACES));
        assertThat(days.get(26).chronic()).isCloseTo(77.550407817, within(SIX_PLACES));
        assertThat(days.get(26).ratio()).isNull();
        // day 28 (29 March, rest): 51.650427 ÷ 72.202104
        assertThat(days.get(27).acute()).isCloseTo(51.650427174, within(SIX_PLACES));
        assertThat(days.get(27).chronic()).isCloseTo(72.202103830, within(SIX_PLACES));
        assertThat(days.get(27).ratio()).isCloseTo(0.715359033, within(SIX_PLACES));
        assertThat(days.subList(0, 27)).allMatch(d -> d.ratio() == null);
        assertThat(days.subList(27, 56)).allMatch(d -> d.ratio() != null);
    }

    /**
     * Day 56 by the sum the recursion unrolls to: acute = Σ 2/8 × (6/8)^(56 − d) × load(d) and chronic = Σ 2/29 ×
     * (27/29)^(56 − d) × load(d) over the days with load, worked out in fractions and rounded to nine places.
     */
    @Test
    void theLastDaysRatioIsWithinTheThreshold() {
        Report report = eightWeeks(END);
        Day last = report.days().get(55);
        assertThat(last.date()).isEqualTo(END);
        assertThat(last.load()).isEqualTo(240.0); // 6 × 40
        assertThat(last.acute()).isCloseTo(307.600098816, within(SIX_PLACES));
        assertThat(last.chronic()).isCloseTo(216.940823706, within(SIX_PLACES));
        // 307.600099 ÷ 216.940824
        assertThat(last.ratio()).isCloseTo(1.417898640, within(SIX_PLACES));
        assertThat(report.latest().ratio()).isEqualTo(last.ratio());
        assertThat(report.latest().signal()).isEqualTo(Signal.WITHIN);
        assertThat(report.latest().reason()).isNull();
        assertThat(report.latest().historyDays()).isEqualTo(56);
        assertThat(report.historyStart()).isEqualTo(START);
    }

    @Test
    void aRatioAboveTheThresholdIsASpikeAndTheThresholdIsTheCallers() {
        // day 55 (25 April): 540 × 2/8 + 260.177953 × 6/8 = 330.133465; 540 × 2/29 + 191.175902 × 27/29 = 215.232737
        Report day55 = eightWeeks(END.minusDays(1));
        assertThat(day55.latest().ratio()).isCloseTo(1.533844109, within(SIX_PLACES));
        assertThat(day55.latest().signal()).isEqualTo(Signal.SPIKE);
        assertThat(TrainingLoad.of(EIGHT_WEEKS, START, END.minusDays(1), 1.6).latest().signal()).isEqualTo(Signal.WITHIN);
        // day 53 (23 April), the highest of the last week: 346.903938 ÷ 205.337080
        assertThat(eightWeeks(END).days().get(52).ratio()).isCloseTo(1.689436402, within(SIX_PLACES));
    }

    @Test
    void aWindowOfTheLastWeeksStillAveragesTheWholeHistory() {
        Report lastTwo = TrainingLoad.of(EIGHT_WEEKS, START.plusWeeks(6), END, SPIKE);
        assertThat(lastTwo.days()).hasSize(14);
        assertThat(lastTwo.weeks()).hasSize(2);
        assertThat(lastTwo.days().get(13)).isEqualTo(eightWeeks(END).days().get(55));
        assertThat(lastTwo.weeks().get(1).load()).isEqualTo(2530.0);
    }

    @Test
    void theWeekUnderWayHasNoMonotonyYet() {
        // to Wednesday 22 April: 480 + 350 + 480
        Week current = eightWeeks(START.plusDays(51)).weeks().get(7);
        assertThat(current.complete()).isFalse();
        assertThat(current.load()).isEqualTo(1310.0);
        assertThat(current.sessions()).isEqualTo(3);
        assertThat(current.monotony()).isNull();
        assertThat(current.strain()).isNull();
    }

    @Test
    void monotonyIsUndefinedWhenTheDaysDoNotVary() {
        assertThat(TrainingLoad.monotony(new double[] { 300, 300, 300, 300, 300, 300, 300 })).isNull();
        assertThat(TrainingLoad.monotony(new double[] { 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 })).isNull();
        assertThat(TrainingLoad.monotony(new double[7])).isNull();
        // a constant week of sessions, then a rest week: neither has a monotony, nor so a strain
        List<Session> sessions = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            sessions.add(on(d, 6.0, 50));
        }
        List<Week> weeks = TrainingLoad.of(sessions, START, START.plusDays(13), SPIKE).weeks();
        assertThat(weeks.get(0).load()).isEqualTo(2100.0);
        assertThat(weeks).allMatch(w -> w.monotony() == null && w.strain() == null);
        assertThat(weeks.get(1).load()).isZero();
    }

    @Test
    void thereIsNoRatioBeforeTwentyEightDaysOfHistory() {
        Random random = new Random(23);
        for (int historyDays = 1; historyDays < TrainingLoad.CHRONIC_DAYS; historyDays++) {
            Report report = TrainingLoad.of(randomSessions(random, historyDays), START,
                    START.plusDays(historyDays - 1L), SPIKE);
            assertThat(report.days()).allMatch(d -> d.ratio() == null);
            assertThat(report.latest().signal()).isEqualTo(Signal.INSUFFICIENT_HISTORY);
            assertThat(report.latest().reason()).startsWith("too little history");
            assertThat(report.latest().historyDays()).isEqualTo(historyDays);
        }
    }

    @Test
    void withoutLoadThereIsNoRatio() {
        // 35 days of sessions, none with an RPE: the chronic average stays 0
        List<Session> unrated = new ArrayList<>();
        for (int d = 0; d < 35; d += 2) {
            unrated.add(on(d, null, 40));
        }
        Report report = TrainingLoad.of(unrated, START, START.plusDays(34), SPIKE);
        assertThat(report.days()).allMatch(d -> d.ratio() == null && d.chronic() == 0.0);
        assertThat(report.latest().signal()).isEqualTo(Signal.INSUFFICIENT_HISTORY);
        assertThat(report.weeks().get(0).unratedSessions()).isEqualTo(4);
        Report none = TrainingLoad.of(List.of(), START, START.plusDays(6), SPIKE);
        assertThat(none.historyStart()).isNull();
        assertThat(none.days()).hasSize(7).allMatch(d -> d.load() == 0 && d.acute() == null && d.chronic() == null);
        assertThat(none.latest().signal()).isEqualTo(Signal.INSUFFICIENT_HISTORY);
    }

    @Test
    void daysBeforeTheHistoryBeginsHaveNoAverages() {
        List<Day> days = TrainingLoad.of(List.of(on(3, 5.0, 40)), START, START.plusDays(6), SPIKE).days();
        assertThat(days).hasSize(7);
        assertThat(days.subList(0, 3)).allMatch(d -> d.acute() == null && d.chronic() == null && d.load() == 0);
        assertThat(days.get(3).acute()).isCloseTo(50.0, within(EXACT));
        // sessions after the last day shown are not counted
        assertThat(TrainingLoad.of(List.of(on(3, 5.0, 40)), START, START.plusDays(2), SPIKE).historyStart()).isNull();
    }

    @Test
    void loadsAndAveragesAreNeverNegative() {
        Random random = new Random(2001);
        for (int trial = 0; trial < 200; trial++) {
            int historyDays = 1 + random.nextInt(120);
            Report report = TrainingLoad.of(randomSessions(random, historyDays), START, START.plusDays(historyDays - 1L),
                    SPIKE);
            for (Day d : report.days()) {
                assertThat(d.load()).isGreaterThanOrEqualTo(0);
                assertThat(d.acute()).isGreaterThanOrEqualTo(0);
                assertThat(d.chronic()).isGreaterThanOrEqualTo(0);
                assertThat(d.ratio() == null || d.ratio() >= 0).isTrue();
            }
            for (Week w : report.weeks()) {
                assertThat(w.load()).isGreaterThanOrEqualTo(0);
                assertThat(w.monotony() == null || w.monotony() > 0).isTrue();
                assertThat(w.strain() == null || w.strain() >= 0).isTrue();
                assertThat(w.unratedSessions()).isLessThanOrEqualTo(w.sessions());
            }
        }
    }

    /** A session on the first day, then about every other day, some without RPE or minutes, some out of range. */
    static List<Session> randomSessions(Random random, int days) {
        List<Session> sessions = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            int count = d == 0 ? 1 : random.nextInt(3);
            for (int i = 0; i < count; i++) {
                Double rpe = random.nextInt(8) == 0 ? null : random.nextInt(13) - 1 + random.nextInt(2) / 2.0;
                Integer minutes = random.nextInt(8) == 0 ? null : random.nextInt(200) - 5;
                sessions.add(on(d, rpe, minutes));
            }
        }
        return sessions;
    }
}
