package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoseLadderTest {

    private static final Plan.Item WALK = AdaptationTest.BAND_WALK;
    private static final Plan.Item PLANK = AdaptationTest.PLANK;

    @Test
    void repsClimbByTwoToTheTopOfTheRange() {
        Plan.Item next = DoseLadder.stepUp(WALK, 4, "week 2");
        assertThat(next.targetReps()).isEqualTo(12);
        assertThat(next.sets()).isEqualTo(2);
        assertThat(next.adjustment()).isEqualTo("week 2: reps 10 -> 12 toward the top of the range");
        Plan.Item almost = WALK.withDose(2, 11, null, "light", null);
        assertThat(DoseLadder.stepUp(almost, 4, "w").targetReps()).isEqualTo(12);
    }

    @Test
    void atTheTopASetIsAddedThenTheBandGetsStrongerThenNothing() {
        Plan.Item top = WALK.withDose(2, 12, null, "light", null);
        Plan.Item moreSets = DoseLadder.stepUp(top, 3, "w");
        assertThat(moreSets.sets()).isEqualTo(3);
        assertThat(moreSets.targetReps()).isEqualTo(12);
        Plan.Item stronger = DoseLadder.stepUp(moreSets, 3, "w");
        assertThat(stronger.sets()).isEqualTo(3);
        assertThat(stronger.bandResistance()).isEqualTo("medium");
        Plan.Item heavy = DoseLadder.stepUp(stronger, 3, "w");
        assertThat(heavy.bandResistance()).isEqualTo("heavy");
        assertThat(DoseLadder.stepUp(heavy, 3, "w")).isSameAs(heavy);
        Plan.Item unbanded = top.withDose(3, 12, null, null, null);
        assertThat(DoseLadder.stepUp(unbanded, 3, "w")).isSameAs(unbanded);
    }

    @Test
    void holdsGrowByFiveSecondsToAMinuteThenBySets() {
        assertThat(DoseLadder.stepUp(PLANK, 3, "w").holdSeconds()).isEqualTo(35);
        Plan.Item nearTop = PLANK.withDose(2, null, 58, null, null);
        assertThat(DoseLadder.stepUp(nearTop, 3, "w").holdSeconds()).isEqualTo(60);
        Plan.Item top = PLANK.withDose(2, null, 60, null, null);
        Plan.Item more = DoseLadder.stepUp(top, 3, "w");
        assertThat(more.sets()).isEqualTo(3);
        assertThat(more.holdSeconds()).isEqualTo(60);
    }

    @Test
    void aLighterWeekDropsASetAndGoesToTheEasyEnd() {
        Plan.Item heavy = WALK.withDose(3, 12, null, "medium", null);
        Plan.Item light = DoseLadder.deload(heavy);
        assertThat(light.sets()).isEqualTo(2);
        assertThat(light.targetReps()).isEqualTo(10);
        assertThat(light.bandResistance()).isEqualTo("medium");
        assertThat(DoseLadder.deload(WALK.withDose(1, 10, null, null, null)).sets()).isEqualTo(1);
        assertThat(DoseLadder.deload(PLANK).holdSeconds()).isEqualTo(20);
        assertThat(DoseLadder.deload(PLANK.withDose(2, null, 10, null, null)).holdSeconds()).isEqualTo(5);
        assertThat(light.volume()).isLessThan(heavy.volume());
    }

    @Test
    void aStepDownTakesASetThenRepsThenHoldTime() {
        assertThat(DoseLadder.stepDown(WALK, "x").sets()).isEqualTo(1);
        Plan.Item oneSet = WALK.withDose(1, 12, null, "light", null);
        assertThat(DoseLadder.stepDown(oneSet, "x").targetReps()).isEqualTo(10);
        Plan.Item bottom = WALK.withDose(1, 10, null, "light", null);
        assertThat(DoseLadder.stepDown(bottom, "x").volume()).isEqualTo(bottom.volume());
        assertThat(DoseLadder.stepDown(PLANK.withDose(1, null, 30, null, null), "x").holdSeconds()).isEqualTo(20);
        assertThat(DoseLadder.stepDown(PLANK.withDose(1, null, 12, null, null), "x").holdSeconds()).isEqualTo(5);
        assertThat(DoseLadder.stepDown(PLANK.withDose(1, null, 5, null, null), "x").holdSeconds()).isEqualTo(5);
        assertThat(DoseLadder.stepDown(WALK, "why").adjustment()).isEqualTo("why");
    }

    @Test
    void withoutATopOfTheRangeTheTargetIsTheTopAndTheNextStepIsASet() {
        Plan.Item fixedReps = new Plan.Item("id-3", "squat", "Squat", "squat", java.util.List.of(), 2, 10, null, 10, null,
                false, 60, null, null, null, null, 6.0, "why", java.util.List.of(), null, 0, null);
        Plan.Item next = DoseLadder.stepUp(fixedReps, 3, "week 3");
        assertThat(next.targetReps()).isEqualTo(10);
        assertThat(next.sets()).isEqualTo(3);
        assertThat(next.adjustment()).isEqualTo("week 3: top of the range reached, sets 2 -> 3");
    }

    @Test
    void everyStepSaysWhatChangedInTheCoachsWords() {
        assertThat(DoseLadder.stepUp(PLANK, 3, "week 2").adjustment()).isEqualTo("week 2: hold 30 s -> 35 s");
        Plan.Item ceiling = WALK.withDose(3, 12, null, "light", null);
        assertThat(DoseLadder.stepUp(ceiling, 3, "week 4").adjustment())
                .isEqualTo("week 4: sets and reps at their ceiling, band light -> medium");
    }

    @Test
    void aHoldOneSecondShortOfAMinuteStepsToTheMinuteAndAFullMinuteAddsASet() {
        Plan.Item fiftyNine = PLANK.withDose(2, null, 59, null, null);
        assertThat(DoseLadder.stepUp(fiftyNine, 3, "w").holdSeconds()).isEqualTo(60);
        assertThat(DoseLadder.stepUp(fiftyNine, 3, "w").sets()).isEqualTo(2);
        Plan.Item minuteAtCeiling = PLANK.withDose(3, null, 60, null, null);
        assertThat(DoseLadder.stepUp(minuteAtCeiling, 3, "w")).isSameAs(minuteAtCeiling);
    }

    @Test
    void aBandOutsideTheLadderIsNotStrengthened() {
        Plan.Item odd = WALK.withDose(3, 12, null, "extra-heavy", null);
        assertThat(DoseLadder.stepUp(odd, 3, "w")).isSameAs(odd);
    }

    @Test
    void aLighterWeekIsMarkedAsSuchAndKeepsATargetBelowTheRangeOrWithoutOne() {
        assertThat(DoseLadder.deload(WALK).adjustment()).startsWith("lighter week");
        Plan.Item belowRange = WALK.withDose(2, 8, null, "light", null);
        assertThat(DoseLadder.deload(belowRange).targetReps()).isEqualTo(8);
        Plan.Item noRange = new Plan.Item("id-3", "squat", "Squat", "squat", java.util.List.of(), 3, null, null, 12, null,
                false, 60, null, null, null, null, 6.0, "why", java.util.List.of(), null, 0, null);
        assertThat(DoseLadder.deload(noRange).targetReps()).isEqualTo(12);
        assertThat(DoseLadder.deload(noRange).holdSeconds()).isNull();
        assertThat(DoseLadder.deload(PLANK.withDose(2, null, 16, null, null)).holdSeconds()).isEqualTo(6);
        assertThat(DoseLadder.deload(PLANK).targetReps()).isNull();
    }

    @Test
    void aStepDownAtOneSetWithRepsAboveTheBottomDropsToTheBottomAndAShortHoldToFiveSeconds() {
        Plan.Item oneAbove = WALK.withDose(1, 11, null, "light", null);
        Plan.Item down = DoseLadder.stepDown(oneAbove, "x");
        assertThat(down.targetReps()).isEqualTo(10);
        assertThat(down.sets()).isEqualTo(1);
        assertThat(down.bandResistance()).isEqualTo("light");
        assertThat(DoseLadder.stepDown(PLANK.withDose(1, null, 6, null, null), "x").holdSeconds()).isEqualTo(5);
        assertThat(DoseLadder.stepDown(PLANK.withDose(2, null, 30, null, null), "x").holdSeconds()).isEqualTo(30);
    }
}
