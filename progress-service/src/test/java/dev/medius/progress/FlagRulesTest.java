package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.medius.progress.config.FlagThresholds;
import dev.medius.progress.domain.AdherenceWindow;
import dev.medius.progress.domain.AthleteFacts;
import dev.medius.progress.domain.CheckInPoint;
import dev.medius.progress.domain.FlagFinding;
import dev.medius.progress.domain.FlagKind;
import dev.medius.progress.domain.FlagRules;
import dev.medius.progress.domain.ScheduleDays;
import dev.medius.progress.domain.SessionPoint;
import dev.medius.progress.domain.SkippedSession;
import dev.medius.progress.domain.TrainingLoad;
import io.smallrye.config.WithDefault;

class FlagRulesTest {

    /** A Wednesday. */
    static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

    /** The thresholds as deployed (their {@code @WithDefault}s), with some replaced. */
    static FlagThresholds thresholds(Map<String, Object> overrides) {
        return (FlagThresholds) Proxy.newProxyInstance(FlagThresholds.class.getClassLoader(),
                new Class<?>[] { FlagThresholds.class }, (proxy, method, args) -> {
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    String value = method.getAnnotation(WithDefault.class).value();
                    return method.getReturnType() == int.class ? Integer.valueOf(value)
                            : method.getReturnType() == double.class ? Double.valueOf(value) : value;
                });
    }

    /** The acute:chronic ratio above which load is a spike, as deployed ({@code medius.training-load.spike-ratio}). */
    static final double SPIKE_RATIO = 1.5;

    static FlagRules rules() {
        return new FlagRules(thresholds(Map.of()), SPIKE_RATIO);
    }

    static FlagRules rules(String name, Object value) {
        return new FlagRules(thresholds(Map.of(name, value)), SPIKE_RATIO);
    }

    /** An athlete as the rules see them; by default on a running plan, with nothing due and nothing logged. */
    static final class Athlete {
        AdherenceWindow last7 = AdherenceWindow.of(7, 0, 0);
        AdherenceWindow previous30 = AdherenceWindow.of(30, 0, 0);
        AdherenceWindow last30 = AdherenceWindow.of(30, 0, 0);
        LocalDate lastActivity;
        boolean lastActivitySet;
        LocalDate firstScheduled = TODAY.minusDays(60);
        LocalDate lastScheduled = TODAY.plusDays(30);
        int missed;
        final List<SessionPoint> sessions = new ArrayList<>();
        final List<SkippedSession> skips = new ArrayList<>();
        final List<CheckInPoint> checkIns = new ArrayList<>();
        final List<TrainingLoad.Session> completed = new ArrayList<>();

        Athlete checkIn(int daysAgo, Integer pain, String area, String... redFlags) {
            checkIns.add(new CheckInPoint(TODAY.minusDays(daysAgo), List.of(redFlags), pain, area));
            return this;
        }

        /** A check-in with every readiness answer and no pain. */
        Athlete morning(int daysAgo, int sleepQuality, int energy, int soreness, int stress, int mood, double hours) {
            checkIns.add(new CheckInPoint(TODAY.minusDays(daysAgo), sleepQuality, energy, soreness, stress, mood, hours,
                    List.of(), null, null));
            return this;
        }

        /** A usual morning (4/5 everywhere, 8 h of sleep) on each day from {@code fromDaysAgo} to {@code toDaysAgo}. */
        Athlete usualMornings(int fromDaysAgo, int toDaysAgo) {
            for (int day = fromDaysAgo; day >= toDaysAgo; day--) {
                morning(day, 4, 4, 4, 4, 4, 8.0);
            }
            return this;
        }

        /** A completed session with its load: RPE × minutes. */
        Athlete load(int daysAgo, double rpe, int minutes) {
            completed.add(new TrainingLoad.Session(TODAY.minusDays(daysAgo), rpe, minutes));
            return this;
        }

        Athlete session(int daysAgo, Double rpe, Integer pain) {
            LocalDate day = TODAY.minusDays(daysAgo);
            sessions.add(new SessionPoint("s" + sessions.size(), day, day.atTime(18, 0).atOffset(java.time.ZoneOffset.UTC),
                    rpe, pain, pain == null ? null : "knee"));
            return this;
        }

        Athlete pain(int daysAgo, Integer pain) {
            return session(daysAgo, 5.0, pain);
        }

        Athlete plan(LocalDate first, LocalDate last, int missedSinceActivity) {
            firstScheduled = first;
            lastScheduled = last;
            missed = missedSinceActivity;
            return this;
        }

        Athlete lastActivity(LocalDate day) {
            lastActivity = day;
            lastActivitySet = true;
            return this;
        }

        Athlete skip(LocalDate scheduled, LocalDate recorded, String reason) {
            skips.add(new SkippedSession("k" + skips.size(), scheduled, recorded, reason));
            return this;
        }

        AthleteFacts facts() {
            LocalDate last = lastActivitySet ? lastActivity
                    : sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).date();
            return new AthleteFacts("a", last7, previous30, last30, last, firstScheduled, lastScheduled, missed,
                    sessions, skips, checkIns, completed);
        }
    }

    static void assertFinding(FlagFinding finding, String reason, Double value, Double threshold) {
        assertThat(finding.reason()).isEqualTo(reason);
        assertThat(finding.value()).isEqualTo(value);
        assertThat(finding.threshold()).isEqualTo(threshold);
    }

    static Map<FlagKind, FlagFinding> evaluate(FlagRules rules, Athlete athlete) {
        Map<FlagKind, FlagFinding> found = rules.evaluate(athlete.facts(), TODAY);
        // in every case, the page's English words for the facts are the server's reason
        found.values().forEach(f -> assertThat(PageWording.reason(f.facts())).as(f.kind().wire()).isEqualTo(f.reason()));
        return found;
    }

    static Map<FlagKind, FlagFinding> evaluate(Athlete athlete) {
        return evaluate(rules(), athlete);
    }

    // readiness below the usual for several mornings

    @Test
    void threeLowMorningsInARowAgainstTheUsualRaiseReadinessLow() {
        Athlete athlete = new Athlete().usualMornings(20, 3).morning(2, 4, 2, 4, 4, 2, 8.0).morning(1, 4, 2, 4, 4, 2, 8.0)
                .morning(0, 4, 2, 4, 4, 2, 8.0);
        // the usual of today's baseline takes in the two low mornings before it: 18 fours and 2 twos, a mean of 3.8
        FlagFinding finding = evaluate(athlete).get(FlagKind.READINESS_LOW);
        assertFinding(finding, "readiness below the usual in each of the last 3 "
                + "check-ins, from " + TODAY.minusDays(2) + " to " + TODAY + "; on " + TODAY + ": energy 2/5 against a "
                + "usual 3.8, mood 2/5 against a usual 3.8", 2.0, 2.0);
        // the answers travel as codes too, so that the Spanish page names them in Spanish
        assertThat(finding.facts()).containsEntry("lows", "energy:2:3.8,mood:2:3.8");
        assertThat(PageWording.spanishReason(finding.facts())).isEqualTo("preparación por debajo de lo habitual en cada "
                + "uno de los últimos 3 chequeos, del " + TODAY.minusDays(2) + " al " + TODAY + "; el " + TODAY
                + ": energía 2/5 frente a un 3.8 habitual, ánimo 2/5 frente a un 3.8 habitual");
    }

    @Test
    void aSingleLowAnswerOrTwoLowMorningsOrAGoodMorningSinceRaiseNothing() {
        assertThat(evaluate(new Athlete().usualMornings(20, 3).morning(2, 4, 2, 4, 4, 2, 8.0).morning(1, 4, 2, 4, 4, 2, 8.0)))
                .doesNotContainKey(FlagKind.READINESS_LOW);
        // one of the three mornings has a single answer below the usual: a poor night alone is common
        assertThat(evaluate(new Athlete().usualMornings(20, 3).morning(2, 4, 2, 4, 4, 2, 8.0).morning(1, 4, 4, 4, 4, 2, 8.0)
                .morning(0, 4, 2, 4, 4, 2, 8.0))).doesNotContainKey(FlagKind.READINESS_LOW);
        // three low mornings, then a usual one today: the run is over
        assertThat(evaluate(new Athlete().usualMornings(20, 4).morning(3, 2, 2, 4, 4, 4, 8.0).morning(2, 2, 2, 4, 4, 4, 8.0)
                .morning(1, 2, 2, 4, 4, 4, 8.0).morning(0, 4, 4, 4, 4, 4, 8.0))).doesNotContainKey(FlagKind.READINESS_LOW);
        // answers at their usual, however low that usual is, are not low readiness
        Athlete alwaysTired = new Athlete();
        for (int day = 20; day >= 0; day--) {
            alwaysTired.morning(day, 2, 2, 2, 2, 2, 6.0);
        }
        assertThat(evaluate(alwaysTired)).doesNotContainKey(FlagKind.READINESS_LOW);
    }

    @Test
    void missedMorningsDoNotBreakTheRunButItClearsOnceItIsOld() {
        Athlete gaps = new Athlete().usualMornings(24, 5).morning(4, 2, 4, 2, 4, 4, 8.0).morning(2, 2, 4, 2, 4, 4, 8.0)
                .morning(0, 2, 4, 2, 4, 4, 8.0);
        assertThat(evaluate(gaps)).containsKey(FlagKind.READINESS_LOW);
        Athlete stopped = new Athlete().usualMornings(24, 5).morning(4, 2, 4, 2, 4, 4, 8.0).morning(3, 2, 4, 2, 4, 4, 8.0)
                .morning(2, 2, 4, 2, 4, 4, 8.0);
        assertThat(evaluate(stopped)).containsKey(FlagKind.READINESS_LOW);
        // no check-in since: once the run's first morning is more than five days back, the calendar clears it
        assertThat(rules().evaluateCalendar(stopped.facts(), TODAY.plusDays(1))).doesNotContainKey(FlagKind.READINESS_LOW);
        assertThat(rules("readinessLowWithin", 6).evaluateCalendar(stopped.facts(), TODAY.plusDays(1)))
                .containsKey(FlagKind.READINESS_LOW);
    }

    @Test
    void withoutABaselineTheLowEndOfEachScaleCountsAndTheThresholdsAreTheDeployments() {
        Athlete newcomer = new Athlete().morning(2, 2, 1, 4, 4, 4, 7.0).morning(1, 3, 2, 4, 4, 4, 5.0)
                .morning(0, 1, 2, 4, 4, 4, 7.5);
        assertThat(evaluate(newcomer)).containsKey(FlagKind.READINESS_LOW);
        assertThat(evaluate(new Athlete().morning(2, 3, 3, 3, 3, 3, 7.0).morning(1, 3, 3, 3, 3, 3, 7.0)
                .morning(0, 3, 3, 3, 3, 3, 7.0))).doesNotContainKey(FlagKind.READINESS_LOW);
        assertThat(evaluate(rules("readinessLowSignals", 3), newcomer)).doesNotContainKey(FlagKind.READINESS_LOW);
        Athlete twoMornings = new Athlete().usualMornings(20, 2).morning(1, 2, 2, 4, 4, 4, 8.0).morning(0, 2, 2, 4, 4, 4, 8.0);
        assertThat(evaluate(twoMornings)).doesNotContainKey(FlagKind.READINESS_LOW);
        assertThat(evaluate(rules("readinessLowDays", 2), twoMornings)).containsKey(FlagKind.READINESS_LOW);
    }

    // a spike in training load

    /** Six weeks of 30 minutes at RPE 5 a day (150 a day), then {@code days} at {@code rpe} for 60 minutes. */
    private static Athlete steadyThenHarder(int days, double rpe) {
        Athlete athlete = new Athlete();
        for (int day = 48; day >= days; day--) {
            athlete.load(day, 5, 30);
        }
        for (int day = days - 1; day >= 0; day--) {
            athlete.load(day, rpe, 60);
        }
        return athlete;
    }

    @Test
    void aLoadSpikeIsTheTrainingLoadViewsRatioAboveItsThreshold() {
        Athlete athlete = steadyThenHarder(7, 8);
        TrainingLoad.Day today = TrainingLoad.of(athlete.completed, TODAY, TODAY, SPIKE_RATIO).days().get(0);
        assertThat(today.ratio()).isGreaterThan(SPIKE_RATIO);
        FlagFinding spike = evaluate(athlete).get(FlagKind.LOAD_SPIKE);
        assertFinding(spike, String.format(java.util.Locale.ROOT, "acute:chronic load ratio %.2f today (%.2f against %.2f "
                + "a day), above 1.5: load rose quickly against what the athlete is used to", today.ratio(), today.acute(),
                today.chronic()), Math.round(today.ratio() * 100) / 100.0, SPIKE_RATIO);
        // the same load all along is no spike, and a deployment may set a lower threshold
        assertThat(evaluate(steadyThenHarder(0, 5))).doesNotContainKey(FlagKind.LOAD_SPIKE);
        Athlete milder = steadyThenHarder(3, 4);
        double ratio = TrainingLoad.of(milder.completed, TODAY, TODAY, SPIKE_RATIO).days().get(0).ratio();
        assertThat(ratio).isBetween(1.2, SPIKE_RATIO);
        assertThat(evaluate(milder)).doesNotContainKey(FlagKind.LOAD_SPIKE);
        assertThat(new FlagRules(thresholds(Map.of()), 1.2).evaluate(milder.facts(), TODAY)).containsKey(FlagKind.LOAD_SPIKE);
    }

    @Test
    void noSpikeBeforeFourWeeksOfHistoryAndDaysOfRestClearIt() {
        Athlete beginner = new Athlete();
        for (int day = 20; day >= 0; day--) {
            beginner.load(day, day < 3 ? 9 : 3, day < 3 ? 90 : 20);
        }
        assertThat(evaluate(beginner)).doesNotContainKey(FlagKind.LOAD_SPIKE);
        Athlete spiked = steadyThenHarder(7, 8);
        assertThat(rules().evaluateCalendar(spiked.facts(), TODAY)).containsKey(FlagKind.LOAD_SPIKE);
        // a week without sessions: the acute average falls faster than the chronic one
        assertThat(rules().evaluateCalendar(spiked.facts(), TODAY.plusDays(7))).doesNotContainKey(FlagKind.LOAD_SPIKE);
    }

    // a morning check-in that calls for a clinician

    @Test
    void aRedFlagInARecentCheckInCallsForAClinicianForThreeDays() {
        Map<FlagKind, FlagFinding> found = evaluate(new Athlete().checkIn(2, 2, "knee", "locking", "giving-way"));
        assertFinding(found.get(FlagKind.SEE_A_CLINICIAN), "red flag in the check-in of " + TODAY.minusDays(2)
                + " (locking, giving-way): a clinician should assess before training", null, null);
        assertThat(evaluate(new Athlete().checkIn(3, 2, "knee", "locking"))).doesNotContainKey(FlagKind.SEE_A_CLINICIAN);
        // the calendar alone clears it: a day passing is enough
        assertThat(rules().evaluateCalendar(new Athlete().checkIn(2, null, null, "night-pain").facts(), TODAY.plusDays(1)))
                .doesNotContainKey(FlagKind.SEE_A_CLINICIAN);
    }

    @Test
    void painOfEightInACheckInCallsForAClinicianAndSevenDoesNot() {
        Map<FlagKind, FlagFinding> found = evaluate(new Athlete().checkIn(0, 8, "low-back"));
        assertFinding(found.get(FlagKind.SEE_A_CLINICIAN), "pain 8/10 (low-back) in the check-in of " + TODAY
                + ": a clinician should assess before training", 8.0, 8.0);
        assertThat(evaluate(new Athlete().checkIn(0, 7, "low-back"))).doesNotContainKey(FlagKind.SEE_A_CLINICIAN);
        assertThat(evaluate(rules("clinicianPain", 7), new Athlete().checkIn(0, 7, "low-back")))
                .containsKey(FlagKind.SEE_A_CLINICIAN);
    }

    @Test
    void theLatestAlarmingCheckInIsCitedAndARedFlagOutranksPainOfTheSameDay() {
        Map<FlagKind, FlagFinding> found = evaluate(new Athlete().checkIn(2, 9, "knee").checkIn(1, 8, "ankle")
                .checkIn(0, 1, "ankle"));
        assertThat(found.get(FlagKind.SEE_A_CLINICIAN).reason()).startsWith("pain 8/10 (ankle) in the check-in of "
                + TODAY.minusDays(1));
        assertThat(evaluate(new Athlete().checkIn(0, 9, "knee", "swelling-after-trauma")).get(FlagKind.SEE_A_CLINICIAN)
                .reason()).startsWith("red flag in the check-in of " + TODAY + " (swelling-after-trauma)");
    }

    // pain at or above the ceiling

    @Test
    void painAtTheCeilingOfFiveRaisesAndOneBelowDoesNot() {
        FlagFinding high = evaluate(new Athlete().pain(1, 5)).get(FlagKind.PAIN_HIGH);
        assertFinding(high, "pain 5/10 (knee) reported on 2026-06-16, at or above the ceiling of 5/10", 5.0, 5.0);
        assertThat(evaluate(new Athlete().pain(1, 4))).isEmpty();
    }

    @Test
    void theCeilingComesFromConfiguration() {
        assertThat(evaluate(rules("painThreshold", 3), new Athlete().pain(0, 3))).containsOnlyKeys(FlagKind.PAIN_HIGH);
        assertThat(evaluate(rules("painThreshold", 7), new Athlete().pain(0, 6))).isEmpty();
    }

    @Test
    void severePainIsNotHiddenByALaterPainFreeSessionOfTheSameWeek() {
        Athlete athlete = new Athlete().pain(5, 9).pain(3, 0).pain(1, 0);
        FlagFinding high = evaluate(athlete).get(FlagKind.PAIN_HIGH);
        assertThat(high.value()).isEqualTo(9.0);
        assertThat(high.reason()).startsWith("pain 9/10 (knee) reported on 2026-06-12");
        // what the reason cites, by name, for a page in another language
        assertThat(high.facts()).containsEntry("message", "pain-high").containsEntry("pain", "9")
                .containsEntry("area", "knee").containsEntry("date", "2026-06-12").containsEntry("ceiling", "5");
    }

    @Test
    void painCountsForSevenDaysOfTrainingEndingWithTheLatestSession() {
        // the recent days are the latest session's day and the six before it
        assertThat(evaluate(new Athlete().pain(7, 9).pain(1, 0))).containsKey(FlagKind.PAIN_HIGH);
        assertThat(evaluate(new Athlete().pain(8, 9).pain(1, 0))).doesNotContainKey(FlagKind.PAIN_HIGH);
        assertThat(evaluate(rules("painRecentDays", 8), new Athlete().pain(8, 9).pain(1, 0)))
                .containsKey(FlagKind.PAIN_HIGH);
    }

    @Test
    void silenceAfterSeverePainDoesNotClearIt() {
        FlagFinding high = evaluate(new Athlete().pain(20, 8)).get(FlagKind.PAIN_HIGH);
        assertThat(high.value()).isEqualTo(8.0);
    }

    @Test
    void theLatestOfEquallySeverePainIsTheOneReported() {
        assertThat(evaluate(new Athlete().pain(4, 6).pain(2, 6).pain(1, 5)).get(FlagKind.PAIN_HIGH).reason())
                .contains("reported on 2026-06-15");
        assertThat(evaluate(new Athlete().pain(4, 7).pain(2, 6)).get(FlagKind.PAIN_HIGH).reason())
                .contains("7/10 (knee) reported on 2026-06-13");
    }

    @Test
    void sessionsWithoutAPainReportNeitherRaiseNorHidePain() {
        assertThat(evaluate(new Athlete().pain(2, null).pain(1, null))).isEmpty();
        assertThat(evaluate(new Athlete().pain(2, 6).pain(1, null))).containsKey(FlagKind.PAIN_HIGH);
        assertThat(evaluate(new Athlete().session(1, 5.0, 6)).get(FlagKind.PAIN_HIGH).reason()).contains("6/10 (knee)");
        Athlete noArea = new Athlete();
        noArea.sessions.add(new SessionPoint("s", TODAY, null, 5.0, 6, null));
        assertThat(evaluate(noArea).get(FlagKind.PAIN_HIGH).reason()).startsWith("pain 6/10 reported on 2026-06-17,");
    }

    // pain above the athlete's own baseline

    static Athlete withEarlierPain(int... pains) {
        Athlete athlete = new Athlete();
        for (int i = 0; i < pains.length; i++) {
            athlete.pain(30 - i, pains[i]);
        }
        return athlete;
    }

    @Test
    void painTwoPointsAboveTheAthletesMedianRaisesAndOnePointDoesNot() {
        FlagFinding rising = evaluate(withEarlierPain(1, 2, 1).pain(2, 3)).get(FlagKind.PAIN_RISING);
        assertFinding(rising, "pain 3/10 (knee) reported on 2026-06-15 against a usual 1/10 "
                + "(median of 3 earlier reports), 2 points above", 3.0, 3.0);
        assertThat(evaluate(withEarlierPain(1, 2, 1).pain(2, 2))).isEmpty();
    }

    @Test
    void theBaselineIsTheMedianOfTheEarlierReports() {
        // sorted 1, 2, 2, 3: median 2
        assertThat(evaluate(withEarlierPain(3, 2, 1, 2).pain(1, 4)).get(FlagKind.PAIN_RISING).threshold()).isEqualTo(4.0);
        assertThat(evaluate(withEarlierPain(3, 2, 1, 2).pain(1, 3))).isEmpty();
        // sorted 0, 1, 2, 4: median 1.5
        FlagFinding half = evaluate(withEarlierPain(4, 0, 2, 1).pain(1, 4)).get(FlagKind.PAIN_RISING);
        assertThat(half.threshold()).isEqualTo(3.5);
        assertThat(half.reason()).contains("against a usual 1.5/10 (median of 4 earlier reports), 2.5 points above");
        // sorted 0, 0, 4: median 0, whatever the order
        assertThat(evaluate(withEarlierPain(4, 0, 0).pain(1, 2)).get(FlagKind.PAIN_RISING).threshold()).isEqualTo(2.0);
        // sorted 1, 3, 5: the middle one
        assertThat(evaluate(withEarlierPain(5, 1, 3).pain(1, 4))).isEmpty();
        assertThat(evaluate(withEarlierPain(5, 1, 3).pain(1, 5)).get(FlagKind.PAIN_RISING).threshold()).isEqualTo(5.0);
        // sorted 0, 4, 4: median 4, not the middle of the order they came in
        assertThat(evaluate(withEarlierPain(4, 0, 4).pain(1, 3))).isEmpty();
    }

    @Test
    void aBaselineNeedsThreeEarlierReports() {
        assertThat(evaluate(withEarlierPain(0, 0).pain(1, 4))).isEmpty();
        assertThat(evaluate(withEarlierPain(0, 0).pain(10, null).pain(1, 4))).isEmpty();
        assertThat(evaluate(withEarlierPain(0, 0, 0).pain(1, 4))).containsOnlyKeys(FlagKind.PAIN_RISING);
        assertThat(evaluate(rules("painBaselineReports", 2), withEarlierPain(0, 0).pain(1, 4)))
                .containsOnlyKeys(FlagKind.PAIN_RISING);
    }

    @Test
    void recentReportsAreNotPartOfTheBaseline() {
        // three reports of 4 in the recent days: no earlier reports, no baseline
        assertThat(evaluate(new Athlete().pain(5, 0).pain(3, 0).pain(1, 4))).isEmpty();
    }

    @Test
    void theRiseAboveTheBaselineComesFromConfiguration() {
        assertThat(evaluate(rules("painBaselineRise", 3), withEarlierPain(1, 1, 1).pain(1, 3))).isEmpty();
        assertThat(evaluate(rules("painBaselineRise", 3), withEarlierPain(1, 1, 1).pain(1, 4)))
                .containsOnlyKeys(FlagKind.PAIN_RISING);
    }

    // pain that persists

    @Test
    void painOfThreeInEachOfThreeConsecutiveSessionsRaises() {
        FlagFinding persisting = evaluate(new Athlete().pain(5, 3).pain(3, 4).pain(1, 3)).get(FlagKind.PAIN_PERSISTING);
        assertFinding(persisting, "pain at or above 3/10 in each of the last 3 sessions: 3/10, 4/10, 3/10", 3.0, 3.0);
    }

    @Test
    void painThatEasesOnceOrIsUnreportedDoesNotPersist() {
        assertThat(evaluate(new Athlete().pain(5, 3).pain(3, 2).pain(1, 3))).isEmpty();
        assertThat(evaluate(new Athlete().pain(5, 3).pain(3, null).pain(1, 3))).isEmpty();
        assertThat(evaluate(new Athlete().pain(3, 4).pain(1, 4))).isEmpty();
        // an earlier run of pain is over once the latest session is pain-free
        assertThat(evaluate(new Athlete().pain(5, 3).pain(4, 3).pain(3, 3).pain(1, 0)))
                .doesNotContainKey(FlagKind.PAIN_PERSISTING);
    }

    @Test
    void persistingPainLevelAndSessionsComeFromConfiguration() {
        assertThat(evaluate(rules("painPersistLevel", 2), new Athlete().pain(5, 2).pain(3, 2).pain(1, 2)))
                .containsOnlyKeys(FlagKind.PAIN_PERSISTING);
        assertThat(evaluate(rules("painPersistSessions", 2), new Athlete().pain(3, 3).pain(1, 3)))
                .containsOnlyKeys(FlagKind.PAIN_PERSISTING);
        assertThat(evaluate(rules("painPersistSessions", 1), new Athlete().pain(1, 3)))
                .containsOnlyKeys(FlagKind.PAIN_PERSISTING);
        assertThat(evaluate(rules("painPersistSessions", 0), new Athlete().pain(1, 3))).isEmpty();
    }

    // effort

    @Test
    void effortNeedsThreeVeryHardSessionsInARow() {
        FlagFinding effort = evaluate(new Athlete().session(3, 9.0, 0).session(2, 9.5, 0).session(1, 9.0, 0))
                .get(FlagKind.EFFORT_HIGH);
        assertFinding(effort, "session RPE at or above 9 in the last 3 sessions", 9.0, 9.0);
        assertThat(evaluate(new Athlete().session(3, 9.0, 0).session(2, 8.5, 0).session(1, 9.0, 0))).isEmpty();
        assertThat(evaluate(new Athlete().session(3, 9.0, 0).session(2, null, 0).session(1, 9.0, 0))).isEmpty();
        assertThat(evaluate(new Athlete().session(2, 9.0, 0).session(1, 9.0, 0))).isEmpty();
        assertThat(evaluate(rules("effortRpe", 8.5), new Athlete().session(3, 9.0, 0).session(2, 8.5, 0).session(1, 9.0, 0))
                .get(FlagKind.EFFORT_HIGH).reason()).startsWith("session RPE at or above 8.5 ");
        assertThat(evaluate(rules("effortSessions", 1), new Athlete().session(1, 10.0, 0)))
                .containsOnlyKeys(FlagKind.EFFORT_HIGH);
        assertThat(evaluate(rules("effortSessions", 0), new Athlete().session(1, 10.0, 0))).isEmpty();
    }

    // adherence

    @Test
    void anAthleteWhoDidEverythingIsNotFlaggedOnATrainingMorningBeforeLogging() {
        // Monday, Wednesday and Friday for six weeks, each completed, and this Wednesday's session not yet logged
        List<LocalDate> days = new ArrayList<>();
        List<Integer> scheduled = new ArrayList<>();
        List<Integer> completed = new ArrayList<>();
        Athlete athlete = new Athlete();
        for (LocalDate day = TODAY.minusWeeks(6); !day.isAfter(TODAY.plusWeeks(2)); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() % 2 == 1 && day.getDayOfWeek().getValue() < 6) {
                days.add(day);
                scheduled.add(1);
                completed.add(day.isBefore(TODAY) ? 1 : 0);
                if (day.isBefore(TODAY)) {
                    athlete.session((int) java.time.temporal.ChronoUnit.DAYS.between(day, TODAY), 6.0, 1);
                }
            }
        }
        ScheduleDays schedule = new ScheduleDays(days, scheduled, completed);
        athlete.last7 = schedule.lastDays(7, TODAY);
        athlete.previous30 = schedule.window(30, TODAY.minusDays(36), TODAY.minusDays(7), TODAY);
        athlete.last30 = schedule.lastDays(30, TODAY);
        athlete.firstScheduled = days.get(0);
        athlete.lastScheduled = days.get(days.size() - 1);
        assertThat(athlete.last7.percent()).isEqualTo(100.0);
        assertThat(evaluate(athlete)).isEmpty();

        // the next morning, the Wednesday session still not logged: now it was missed
        LocalDate tomorrow = TODAY.plusDays(1);
        athlete.last7 = schedule.lastDays(7, tomorrow);
        athlete.previous30 = schedule.window(30, tomorrow.minusDays(36), tomorrow.minusDays(7), tomorrow);
        athlete.last30 = schedule.lastDays(30, tomorrow);
        assertThat(rules().evaluate(athlete.facts(), tomorrow)).containsOnlyKeys(FlagKind.ADHERENCE_DROP);
    }

    @Test
    void adherenceDropOfExactlyTwentyPointsRaisesAndNineteenDoesNot() {
        Athlete athlete = new Athlete();
        athlete.last7 = AdherenceWindow.of(7, 5, 4);
        athlete.previous30 = AdherenceWindow.of(30, 10, 10);
        FlagFinding drop = evaluate(athlete).get(FlagKind.ADHERENCE_DROP);
        assertFinding(drop, "adherence 80% in the last 7 days against 100% in the 30 days before", 20.0, 20.0);
        athlete.previous30 = AdherenceWindow.of(30, 100, 99);
        assertThat(evaluate(athlete)).isEmpty();
        athlete.last7 = AdherenceWindow.of(7, 3, 2);
        athlete.previous30 = AdherenceWindow.of(30, 9, 8);
        assertThat(evaluate(athlete).get(FlagKind.ADHERENCE_DROP).value()).isEqualTo(22.2);
    }

    @Test
    void adherenceDropNeedsSessionsDueInBothWindows() {
        Athlete athlete = new Athlete();
        athlete.last7 = AdherenceWindow.of(7, 0, 0);
        athlete.previous30 = AdherenceWindow.of(30, 10, 10);
        assertThat(evaluate(athlete)).isEmpty();
        athlete.last7 = AdherenceWindow.of(7, 3, 0);
        athlete.previous30 = AdherenceWindow.of(30, 0, 0);
        assertThat(evaluate(athlete)).isEmpty();
    }

    @Test
    void thirtyDayAdherenceBelowHalfWithFourSessionsDueRaises() {
        Athlete athlete = new Athlete();
        athlete.last30 = AdherenceWindow.of(30, 4, 1);
        FlagFinding low = evaluate(athlete).get(FlagKind.ADHERENCE_LOW);
        assertFinding(low, "1 of 4 sessions due in the last 30 days completed (25%), below 50%", 25.0, 50.0);
        athlete.last30 = AdherenceWindow.of(30, 100, 49);
        assertThat(evaluate(athlete)).containsOnlyKeys(FlagKind.ADHERENCE_LOW);
    }

    @Test
    void thirtyDayAdherenceOfHalfOrWithFewerThanFourSessionsDueDoesNotRaise() {
        Athlete athlete = new Athlete();
        athlete.last30 = AdherenceWindow.of(30, 4, 2);
        assertThat(evaluate(athlete)).isEmpty();
        athlete.last30 = AdherenceWindow.of(30, 3, 0);
        assertThat(evaluate(athlete)).isEmpty();
        athlete.last30 = AdherenceWindow.of(30, 0, 0);
        assertThat(evaluate(athlete)).isEmpty();
        athlete.last30 = AdherenceWindow.of(30, 3, 0);
        assertThat(evaluate(rules("adherenceLowMinSessions", 3), athlete)).containsOnlyKeys(FlagKind.ADHERENCE_LOW);
        athlete.last30 = AdherenceWindow.of(30, 10, 6);
        assertThat(evaluate(rules("adherenceLowPercent", 70), athlete)).containsOnlyKeys(FlagKind.ADHERENCE_LOW);
    }

    // inactivity

    static Athlete idleSince(int daysAgo, int missed) {
        return new Athlete().lastActivity(TODAY.minusDays(daysAgo)).plan(TODAY.minusDays(60), TODAY.plusDays(30), missed);
    }

    @Test
    void sevenDaysWithoutACompletionWhileTwoSessionsWentByRaises() {
        FlagFinding inactive = evaluate(idleSince(7, 2)).get(FlagKind.INACTIVE);
        assertThat(inactive.value()).isEqualTo(7.0);
        assertThat(inactive.threshold()).isEqualTo(7.0);
        assertThat(inactive.reason()).isEqualTo("no completed session for 7 days (last on 2026-06-10); 2 scheduled sessions missed");
        assertThat(evaluate(idleSince(6, 3))).isEmpty();
        assertThat(evaluate(idleSince(7, 1))).isEmpty();
    }

    @Test
    void aOnceAWeekAthleteIsNotInactiveAfterThreeDaysNorAfterOneMissedWeek() {
        assertThat(evaluate(idleSince(3, 0))).isEmpty();
        assertThat(evaluate(idleSince(8, 1))).isEmpty();
        assertThat(evaluate(idleSince(14, 2))).containsOnlyKeys(FlagKind.INACTIVE);
    }

    @Test
    void anAthleteWhosePlanEndedIsNotInactive() {
        Athlete ended = idleSince(20, 5);
        assertThat(evaluate(ended.plan(TODAY.minusDays(60), TODAY.minusDays(1), 5))).isEmpty();
        assertThat(evaluate(ended.plan(TODAY.minusDays(60), TODAY, 5))).containsOnlyKeys(FlagKind.INACTIVE);
    }

    @Test
    void nobodyIsInactiveWithoutAPlanOrBeforeItStarts() {
        assertThat(evaluate(idleSince(30, 0).plan(null, null, 0))).isEmpty();
        // a plan starting next week: nothing scheduled up to today
        assertThat(evaluate(new Athlete().plan(null, TODAY.plusDays(7), 3))).isEmpty();
        // a rest week before the next plan, after completing the last one
        assertThat(evaluate(idleSince(10, 0).plan(TODAY.minusDays(60), TODAY.plusDays(5), 0))).isEmpty();
    }

    @Test
    void anAthleteWhoNeverStartedIsCountedFromTheFirstScheduledDay() {
        FlagFinding inactive = evaluate(new Athlete().plan(TODAY.minusDays(7), TODAY.plusDays(30), 3))
                .get(FlagKind.INACTIVE);
        assertThat(inactive.reason()).isEqualTo("no completed session since the plan started on 2026-06-10 (7 days); "
                + "3 scheduled sessions missed");
        assertThat(evaluate(new Athlete().plan(TODAY.minusDays(6), TODAY.plusDays(30), 3))).isEmpty();
    }

    @Test
    void activityBeforeThePlanStartedCountsFromThePlanStart() {
        Athlete earlier = idleSince(100, 2);
        assertThat(evaluate(earlier.plan(TODAY.minusDays(5), TODAY.plusDays(30), 2))).isEmpty();
        assertThat(evaluate(earlier.plan(TODAY.minusDays(8), TODAY.plusDays(30), 2)).get(FlagKind.INACTIVE).reason())
                .startsWith("no completed session since the plan started");
        assertThat(evaluate(idleSince(8, 2).plan(TODAY.minusDays(8), TODAY.plusDays(30), 2)).get(FlagKind.INACTIVE)
                .reason()).startsWith("no completed session for 8 days");
    }

    @Test
    void inactivityThresholdsComeFromConfiguration() {
        assertThat(evaluate(rules("inactiveDays", 14), idleSince(13, 4))).isEmpty();
        assertThat(evaluate(rules("inactiveMissedSessions", 1), idleSince(8, 1))).containsOnlyKeys(FlagKind.INACTIVE);
    }

    // skips for injury or illness

    @Test
    void aSkipForInjuryRaisesForSevenDays() {
        FlagFinding skip = evaluate(new Athlete().skip(TODAY.minusDays(6), TODAY.minusDays(6), "Knee hurts after the match"))
                .get(FlagKind.INJURY_OR_ILLNESS);
        assertThat(skip.reason()).isEqualTo("skipped the session of 2026-06-11 for injury: \"Knee hurts after the match\"");
        assertThat(skip.value()).isNull();
        assertThat(skip.threshold()).isNull();
        assertThat(evaluate(new Athlete().skip(TODAY.minusDays(7), TODAY.minusDays(7), "knee hurts"))).isEmpty();
        assertThat(evaluate(rules("injurySkipDays", 8), new Athlete().skip(TODAY.minusDays(7), TODAY.minusDays(7),
                "knee hurts"))).containsOnlyKeys(FlagKind.INJURY_OR_ILLNESS);
    }

    @Test
    void aSkipForIllnessRaisesAndOtherReasonsDoNot() {
        assertThat(evaluate(new Athlete().skip(TODAY, TODAY, "Flu, staying in bed")).get(FlagKind.INJURY_OR_ILLNESS)
                .reason()).isEqualTo("skipped the session of 2026-06-17 for illness: \"Flu, staying in bed\"");
        assertThat(evaluate(new Athlete().skip(TODAY, TODAY, "exam week"))).isEmpty();
        assertThat(evaluate(new Athlete().skip(TODAY, TODAY, null))).isEmpty();
    }

    @Test
    void theLatestSkipForInjuryOrIllnessIsTheOneReported() {
        Athlete athlete = new Athlete().skip(TODAY.minusDays(3), TODAY.minusDays(3), "sprained ankle")
                .skip(TODAY.minusDays(1), TODAY.minusDays(1), "fever").skip(TODAY, TODAY, "travelling")
                .skip(TODAY.minusDays(2), TODAY.minusDays(2), "still sprained");
        assertThat(evaluate(athlete).get(FlagKind.INJURY_OR_ILLNESS).reason()).contains("for illness: \"fever\"");
        Athlete sameDay = new Athlete().skip(TODAY, TODAY, "sprained ankle").skip(TODAY, TODAY, "a cold");
        assertThat(evaluate(sameDay).get(FlagKind.INJURY_OR_ILLNESS).reason()).contains("for illness: \"a cold\"");
    }

    @Test
    void aSkipRecordedAfterTodayOrWithoutAScheduledDay() {
        assertThat(evaluate(new Athlete().skip(TODAY.plusDays(1), TODAY.plusDays(1), "injured"))).isEmpty();
        assertThat(evaluate(new Athlete().skip(null, TODAY.minusDays(2), "injured")).get(FlagKind.INJURY_OR_ILLNESS)
                .reason()).isEqualTo("skipped the session of 2026-06-15 for injury: \"injured\"");
    }

    @Test
    void aLongReasonIsShortenedAndItsSpacesFolded() {
        String reason = "  hamstring   strain\n" + "x".repeat(300);
        String flagged = evaluate(new Athlete().skip(TODAY, TODAY, reason)).get(FlagKind.INJURY_OR_ILLNESS).reason();
        assertThat(flagged).startsWith("skipped the session of 2026-06-17 for injury: \"hamstring strain x")
                .endsWith("x…\"");
        assertThat(flagged.length()).isEqualTo("skipped the session of 2026-06-17 for injury: \"".length() + 200 + 1);
        String exactly = "injured " + "x".repeat(192);
        assertThat(evaluate(new Athlete().skip(TODAY, TODAY, exactly)).get(FlagKind.INJURY_OR_ILLNESS).reason())
                .endsWith(exactly + "\"");
    }

    // what the evaluation reads

    /** Sessions every other day, the last six days ago, with these pain reports: the first two before the recent days. */
    static List<SessionPoint> everyOtherDay(Integer... pains) {
        Athlete athlete = new Athlete();
        for (int i = 0; i < pains.length; i++) {
            athlete.pain(6 + 2 * (pains.length - 1 - i), pains[i]);
        }
        return athlete.sessions;
    }

    /** Sessions on consecutive days, the first {@code firstDaysAgo} days ago. */
    static List<SessionPoint> daily(int count, int firstDaysAgo) {
        Athlete athlete = new Athlete();
        for (int i = 0; i < count; i++) {
            athlete.pain(firstDaysAgo - i, 0);
        }
        return athlete.sessions;
    }

    @Test
    void longerHistoryIsReadOnlyWhenTheLatestSessionsMayLeaveSomethingOut() {
        FlagRules rules = rules();
        // fewer than were kept: they are all there is
        assertThat(rules.needsLongerHistory(everyOtherDay(9, 9, 9, 9, 9), 6)).isFalse();
        // six sessions within the recent days: those days may reach back further
        assertThat(rules.needsLongerHistory(daily(6, 6), 6)).isTrue();
        List<SessionPoint> week = new ArrayList<>(daily(1, 7));
        week.addAll(daily(5, 5));
        assertThat(rules.needsLongerHistory(week, 6)).isTrue();
        List<SessionPoint> longer = new ArrayList<>(daily(1, 8));
        longer.addAll(daily(5, 5));
        assertThat(rules.needsLongerHistory(longer, 6)).isFalse();
        // a recent report of 2 may stand 2 above a baseline of 0 that only earlier sessions give
        assertThat(rules.needsLongerHistory(everyOtherDay(0, 0, 0, 0, 0, 2), 6)).isTrue();
        assertThat(rules.needsLongerHistory(everyOtherDay(0, 0, 2, 0, 0, 0), 6)).isTrue();
        assertThat(rules.needsLongerHistory(everyOtherDay(0, 0, 1, 1, 1, 1), 6)).isFalse();
        assertThat(rules.needsLongerHistory(everyOtherDay(null, null, null, null, null, null), 6)).isFalse();
        assertThat(rules.needsLongerHistory(everyOtherDay(8, 8, 0, 0, 0, 0), 6)).isFalse();
        // rules over more sessions than were kept
        assertThat(rules("effortSessions", 7).needsLongerHistory(everyOtherDay(0, 0, 0, 0, 0, 0), 6)).isTrue();
        assertThat(rules("painPersistSessions", 7).needsLongerHistory(everyOtherDay(0, 0, 0, 0, 0, 0), 6)).isTrue();
        assertThat(rules("effortSessions", 6).needsLongerHistory(everyOtherDay(0, 0, 0, 0, 0, 0), 6)).isFalse();
        assertThat(rules("painPersistSessions", 6).needsLongerHistory(everyOtherDay(0, 0, 0, 0, 0, 0), 6)).isFalse();
    }

    @Test
    void historyReadIsLongEnoughForEveryRule() {
        assertThat(rules().historySessions()).isEqualTo(12);
        assertThat(rules("effortSessions", 15).historySessions()).isEqualTo(15);
        assertThat(rules("painPersistSessions", 14).historySessions()).isEqualTo(14);
    }

    @Test
    void aQuietAthleteRaisesNothing() {
        assertThat(evaluate(new Athlete())).isEmpty();
        assertThat(evaluate(new Athlete().session(2, 6.0, 0).session(1, 7.0, 1))).isEmpty();
    }

    @Test
    void severalRulesHoldAtOnce() {
        Athlete athlete = withEarlierPain(1, 1, 1).session(3, 9.0, 4).session(2, 9.0, 5).session(1, 9.0, 6);
        athlete.skip(TODAY, TODAY, "injured");
        assertThat(evaluate(athlete)).containsOnlyKeys(FlagKind.PAIN_HIGH, FlagKind.PAIN_RISING,
                FlagKind.PAIN_PERSISTING, FlagKind.EFFORT_HIGH, FlagKind.INJURY_OR_ILLNESS);
    }

    /** Random athletes: sessions with and without reports over six weeks, skips, a plan, adherence windows. */
    static Athlete randomAthlete(java.util.Random random) {
        Athlete athlete = new Athlete();
        int daysAgo = 42;
        while ((daysAgo -= 1 + random.nextInt(5)) >= 0) {
            athlete.session(daysAgo, random.nextInt(4) == 0 ? null : 5.0 + random.nextInt(6),
                    random.nextInt(5) == 0 ? null : random.nextInt(11));
        }
        if (random.nextBoolean()) {
            athlete.skip(TODAY.minusDays(random.nextInt(10)), TODAY.minusDays(random.nextInt(3)),
                    random.nextBoolean() ? "ill" : "busy");
        }
        athlete.plan(TODAY.minusDays(random.nextInt(60)), TODAY.plusDays(random.nextInt(40) - 10), random.nextInt(4));
        int due30 = random.nextInt(15);
        athlete.last30 = AdherenceWindow.of(30, due30, random.nextInt(due30 + 1));
        int duePrevious = random.nextInt(15);
        athlete.previous30 = AdherenceWindow.of(30, duePrevious, random.nextInt(duePrevious + 1));
        return athlete;
    }

    @Test
    void theCalendarPassEvaluatesExactlyTheRulesThatAreNotDecidedBySessionsAlone() {
        java.util.Random random = new java.util.Random(17);
        FlagRules rules = rules();
        for (int i = 0; i < 2000; i++) {
            AthleteFacts facts = randomAthlete(random).facts();
            Map<FlagKind, FlagFinding> all = rules.evaluate(facts, TODAY);
            Map<FlagKind, FlagFinding> calendar = rules.evaluateCalendar(facts, TODAY);
            Map<FlagKind, FlagFinding> expected = new HashMap<>(all);
            expected.keySet().removeIf(FlagKind::fromSessions);
            assertThat(calendar).as("athlete %d", i).isEqualTo(expected);
        }
    }

    @Test
    void flagsDecidedBySessionsAloneDoNotChangeWithTheCalendar() {
        java.util.Random random = new java.util.Random(18);
        FlagRules rules = rules();
        for (int i = 0; i < 2000; i++) {
            AthleteFacts facts = randomAthlete(random).facts();
            Map<FlagKind, FlagFinding> today = rules.evaluate(facts, TODAY);
            Map<FlagKind, FlagFinding> later = rules.evaluate(facts, TODAY.plusDays(1 + random.nextInt(30)));
            today.keySet().removeIf(kind -> !kind.fromSessions());
            later.keySet().removeIf(kind -> !kind.fromSessions());
            assertThat(later).as("athlete %d", i).isEqualTo(today);
        }
        assertThat(java.util.Arrays.stream(FlagKind.values()).filter(FlagKind::fromSessions)).containsExactlyInAnyOrder(
                FlagKind.PAIN_HIGH, FlagKind.PAIN_PERSISTING, FlagKind.PAIN_RISING, FlagKind.EFFORT_HIGH);
    }

    @Test
    void theTestThresholdsAreTheDeployedDefaults() {
        FlagThresholds defaults = thresholds(new HashMap<>());
        assertThat(defaults.painThreshold()).isEqualTo(5);
        assertThat(defaults.adherenceDropPoints()).isEqualTo(20);
        assertThat(defaults.inactiveDays()).isEqualTo(7);
    }
}
