package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SessionTimeTest {

    @Test
    void tempoDigitsAddUpToSecondsPerRepAndThreeWithoutOne() {
        assertThat(SessionTime.secondsPerRep("2-1-2")).isEqualTo(5);
        assertThat(SessionTime.secondsPerRep("3010")).isEqualTo(4);
        assertThat(SessionTime.secondsPerRep(null)).isEqualTo(3);
        assertThat(SessionTime.secondsPerRep(" ")).isEqualTo(3);
        assertThat(SessionTime.secondsPerRep("x-x")).isEqualTo(3);
    }

    @Test
    void anItemTakesItsSetsOfWorkOnEachSidePlusRestAndSetUp() {
        // 2 sets x (10 reps x 3 s x 2 sides + 45 s rest) + 30 s set-up
        assertThat(SessionTime.seconds(AdaptationTest.BAND_WALK)).isEqualTo(2 * (10 * 3 * 2 + 45) + 30);
        // 2 sets x (30 s x 2 sides + 45 s) + 30 s
        assertThat(SessionTime.seconds(AdaptationTest.PLANK)).isEqualTo(2 * (30 * 2 + 45) + 30);
        Plan.Item bilateralNoRest = new Plan.Item("id", "s", "n", "p", List.of(), 3, 8, 12, null, null, false, null,
                "2-0-2", null, null, null, 6.0, "r", List.of(), null, 0, null);
        // no target: the top of the range counts
        assertThat(SessionTime.seconds(bilateralNoRest)).isEqualTo(3 * (12 * 4) + 30);
        assertThat(SessionTime.minutes(AdaptationTest.BAND_WALK)).isEqualTo(4.0);
        assertThat(SessionTime.minutes(List.of(AdaptationTest.BAND_WALK, AdaptationTest.PLANK))).isEqualTo(8.0);
    }

    @Test
    void aTempoOfZerosCountsAsNoTempo() {
        assertThat(SessionTime.secondsPerRep("0-0-0")).isEqualTo(3);
        assertThat(SessionTime.secondsPerRep("1")).isEqualTo(1);
    }

    @Test
    void aPrescribedRepCountWinsOverAHoldAndAnItemWithNeitherIsRestAndSetUpOnly() {
        Plan.Item repsAndHold = new Plan.Item("id", "s", "n", "p", List.of(), 2, 8, 12, 8, 20, false, 30, null, null,
                null, null, 6.0, "r", List.of(), null, 0, null);
        // 2 x (8 reps x 3 s + 30 s rest) + 30 s: with a rep target the reps are the work
        assertThat(SessionTime.seconds(repsAndHold)).isEqualTo(2 * (8 * 3 + 30) + 30);
        Plan.Item nothing = new Plan.Item("id", "s", "n", "p", List.of(), 2, null, null, null, null, true, 40, null, null,
                null, null, 6.0, "r", List.of(), null, 0, null);
        assertThat(SessionTime.seconds(nothing)).isEqualTo(2 * 40 + 30);
    }

    @Test
    void minutesAreRoundedToATenthAndASessionRoundsItsTotalNotEachItem() {
        // 1 x (10 reps x 3 s + 40 s rest) + 30 s = 100 s = 1.67 min
        Plan.Item hundredSeconds = new Plan.Item("id", "s", "n", "p", List.of(), 1, 10, 10, 10, null, false, 40, null,
                null, null, null, 6.0, "r", List.of(), null, 0, null);
        assertThat(SessionTime.seconds(hundredSeconds)).isEqualTo(100);
        assertThat(SessionTime.minutes(hundredSeconds)).isEqualTo(1.7);
        assertThat(SessionTime.minutes(List.of(hundredSeconds, hundredSeconds))).isEqualTo(3.3);
        assertThat(SessionTime.minutes(List.<Plan.Item>of())).isZero();
    }
}
