package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.medius.progress.config.FlagThresholds;
import dev.medius.progress.domain.AdherenceWindow;
import dev.medius.progress.domain.AthleteFacts;
import dev.medius.progress.domain.FlagKind;
import dev.medius.progress.domain.FlagRules;
import dev.medius.progress.domain.SessionPoint;

class FlagRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

    static FlagThresholds thresholds(int pain, int inactiveDays) {
        return new FlagThresholds() {
            public int painThreshold() { return pain; }
            public int painRisingSessions() { return 3; }
            public int adherenceDropPoints() { return 20; }
            public int inactiveDays() { return inactiveDays; }
            public double effortRpe() { return 9; }
            public int effortSessions() { return 3; }
            public String evaluationInterval() { return "60s"; }
            public String evaluationDelay() { return "5s"; }
        };
    }

    static AthleteFacts facts(AdherenceWindow last7, AdherenceWindow previous30, double[] rpe, int[] pain) {
        List<SessionPoint> sessions = new ArrayList<>();
        for (int i = 0; i < pain.length; i++) {
            LocalDate day = TODAY.minusDays(pain.length - 1 - i);
            sessions.add(new SessionPoint("s" + i, day, day.atTime(18, 0).atOffset(ZoneOffset.UTC), rpe[i], pain[i], null));
        }
        OffsetDateTime last = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).completedAt();
        return new AthleteFacts("a", last7, previous30, last, null, sessions);
    }

    static final AdherenceWindow NONE = AdherenceWindow.of(7, 0, 0);

    @Test
    void painAtTheThresholdRaisesAndJustBelowDoesNot() {
        FlagRules rules = new FlagRules(thresholds(6, 7));
        assertThat(rules.evaluate(facts(NONE, NONE, new double[] { 5 }, new int[] { 6 }), TODAY)).containsKey(FlagKind.PAIN_HIGH);
        assertThat(rules.evaluate(facts(NONE, NONE, new double[] { 5 }, new int[] { 5 }), TODAY)).isEmpty();
    }

    @Test
    void thresholdsComeFromConfiguration() {
        assertThat(new FlagRules(thresholds(4, 7)).evaluate(facts(NONE, NONE, new double[] { 5 }, new int[] { 5 }), TODAY))
                .containsKey(FlagKind.PAIN_HIGH);
    }

    @Test
    void painMustRiseStrictlyOverThreeSessions() {
        FlagRules rules = new FlagRules(thresholds(6, 7));
        assertThat(rules.evaluate(facts(NONE, NONE, new double[] { 5, 5, 5 }, new int[] { 1, 2, 3 }), TODAY))
                .containsOnlyKeys(FlagKind.PAIN_RISING);
        assertThat(rules.evaluate(facts(NONE, NONE, new double[] { 5, 5, 5 }, new int[] { 1, 2, 2 }), TODAY)).isEmpty();
    }

    @Test
    void effortNeedsThreeVeryHardSessionsInARow() {
        FlagRules rules = new FlagRules(thresholds(6, 7));
        assertThat(rules.evaluate(facts(NONE, NONE, new double[] { 9, 9, 9 }, new int[] { 0, 0, 0 }), TODAY))
                .containsOnlyKeys(FlagKind.EFFORT_HIGH);
        assertThat(rules.evaluate(facts(NONE, NONE, new double[] { 9, 8.5, 9 }, new int[] { 0, 0, 0 }), TODAY)).isEmpty();
    }

    @Test
    void adherenceDropOfExactlyTwentyPointsRaises() {
        FlagRules rules = new FlagRules(thresholds(6, 7));
        assertThat(rules.evaluate(facts(AdherenceWindow.of(7, 5, 3), AdherenceWindow.of(30, 10, 8),
                new double[] { 5 }, new int[] { 0 }), TODAY)).containsOnlyKeys(FlagKind.ADHERENCE_DROP);
        assertThat(rules.evaluate(facts(AdherenceWindow.of(7, 5, 3), AdherenceWindow.of(30, 20, 15),
                new double[] { 5 }, new int[] { 0 }), TODAY)).isEmpty();
    }

    @Test
    void inactivityCountsFromTheLastCompletedSessionOrTheFirstScheduledDay() {
        FlagRules rules = new FlagRules(thresholds(6, 7));
        AthleteFacts idle = new AthleteFacts("a", NONE, NONE, TODAY.minusDays(7).atTime(9, 0).atOffset(ZoneOffset.UTC),
                null, List.of());
        assertThat(rules.evaluate(idle, TODAY)).containsOnlyKeys(FlagKind.INACTIVE);
        AthleteFacts neverStarted = new AthleteFacts("a", NONE, NONE, null, TODAY.minusDays(6), List.of());
        assertThat(rules.evaluate(neverStarted, TODAY)).isEmpty();
    }
}
