package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.medius.events.routine.SessionCompleted.PerformedSet;

class AdaptationTest {

    /** Two sets of 10 (range 10-12) per side. */
    static final Plan.Item BAND_WALK = new Plan.Item("id-1", "lateral-band-walk", "Lateral band walk",
            "hip-abduction", List.of("gluteus-medius"), 2, 10, 12, 10, null, true, 45, null, "ankles", "light", null,
            6.0, "why", List.of("lewis-2019"), null, 0, null);
    /** Two holds of 30 s. */
    static final Plan.Item PLANK = new Plan.Item("id-2", "side-plank", "Side plank", "plank", List.of("gluteus-medius"),
            2, null, null, null, 30, true, 45, null, null, null, null, 6.0, "why", List.of(), null, 0, null);

    private static List<PerformedSet> sets(int count, int reps, Double rpe) {
        return Collections.nCopies(count, new PerformedSet(reps, null, "left", null, "light", rpe, null));
    }

    @Test
    void aboveTargetTwiceInARowProgressesOnceIsOnlyNoted() {
        var first = Adaptation.decide(BAND_WALK, sets(2, 11, 7.0), null, 2, null, false);
        assertThat(first.kind()).isEqualTo(Adaptation.Kind.HOLD);
        assertThat(first.aboveTarget()).isTrue();
        assertThat(first.reason()).contains("two-for-two");

        var second = Adaptation.decide(BAND_WALK, sets(2, 11, 7.0), null, 2, null, true);
        assertThat(second.kind()).isEqualTo(Adaptation.Kind.PROGRESS);
        assertThat(second.aboveTarget()).isFalse();
        assertThat(second.reason()).contains("second session in a row").contains("RPE 7.0");
    }

    @Test
    void atTheTargetButNotBeyondOrAboveModerateEffortOrWithPainHolds() {
        var atTarget = Adaptation.decide(BAND_WALK, sets(2, 10, 6.0), null, 0, null, true);
        assertThat(atTarget.kind()).isEqualTo(Adaptation.Kind.HOLD);
        assertThat(atTarget.aboveTarget()).isFalse();
        assertThat(Adaptation.decide(BAND_WALK, List.of(new PerformedSet(12, null, "left", null, null, 6.0, null),
                new PerformedSet(10, null, "right", null, null, 6.0, null)), null, 0, null, true).kind())
                .isEqualTo(Adaptation.Kind.HOLD);
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 12, 7.5), null, 0, null, true).kind()).isEqualTo(Adaptation.Kind.HOLD);
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 12, 6.0), null, 3, "knee", true).kind()).isEqualTo(Adaptation.Kind.HOLD);
        assertThat(Adaptation.decide(BAND_WALK, sets(1, 12, 6.0), null, 0, null, true).kind()).isEqualTo(Adaptation.Kind.HOLD);
        assertThat(Adaptation.decide(BAND_WALK, List.of(), 5.0, 0, null, true).kind()).isEqualTo(Adaptation.Kind.HOLD);
        var noEffort = Adaptation.decide(BAND_WALK, sets(2, 12, null), null, 0, null, true);
        assertThat(noEffort.kind()).isEqualTo(Adaptation.Kind.HOLD);
        assertThat(noEffort.reason()).contains("no effort reported");
    }

    @Test
    void holdsCountWhenTheFullHoldIsDone() {
        PerformedSet full = new PerformedSet(null, 30, "left", null, null, 6.0, null);
        PerformedSet short_ = new PerformedSet(null, 29, "left", null, null, 6.0, null);
        assertThat(Adaptation.atTop(PLANK, full)).isTrue();
        assertThat(Adaptation.atTop(PLANK, short_)).isFalse();
        assertThat(Adaptation.atTop(PLANK, new PerformedSet(12, null, "left", null, null, 6.0, null))).isFalse();
        assertThat(Adaptation.atTop(BAND_WALK, new PerformedSet(null, 60, "left", null, null, 6.0, null))).isFalse();
    }

    @Test
    void painOfFiveRegressesAndNearMaximalEffortEasesTheDose() {
        var pain = Adaptation.decide(BAND_WALK, sets(2, 12, 5.0), null, 5, "knee", true);
        assertThat(pain.kind()).isEqualTo(Adaptation.Kind.REGRESS);
        assertThat(pain.reason()).contains("pain 5/10 (knee)");
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 12, 5.0), null, 4, "knee", true).kind())
                .isNotEqualTo(Adaptation.Kind.REGRESS);
        var effort = Adaptation.decide(BAND_WALK, sets(2, 8, null), 9.0, 0, null, false);
        assertThat(effort.kind()).isEqualTo(Adaptation.Kind.EASE);
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 8, null), 8.9, 0, null, false).kind())
                .isEqualTo(Adaptation.Kind.HOLD);
        // reps in reserve count as effort: none left is RPE 10
        assertThat(Adaptation.decide(BAND_WALK, List.of(new PerformedSet(12, null, "left", null, null, null, 0)), null, 0,
                null, false).kind()).isEqualTo(Adaptation.Kind.EASE);
    }

    @Test
    void effortIsTheHardestSetThenRepsInReserveThenTheSessionRating() {
        assertThat(Adaptation.effort(List.of(new PerformedSet(10, null, null, null, null, 6.0, null),
                new PerformedSet(10, null, null, null, null, 8.0, null)), 3.0)).isEqualTo(8.0);
        assertThat(Adaptation.effort(List.of(new PerformedSet(10, null, null, null, null, null, 3)), 9.0)).isEqualTo(7.0);
        assertThat(Adaptation.effort(List.of(new PerformedSet(10, null, null, null, null, null, null)), 5.0)).isEqualTo(5.0);
        assertThat(Adaptation.effort(List.of(), null)).isNull();
    }

    @Test
    void moreSetsThanPrescribedAllAboveTargetCountAsAboveTarget() {
        assertThat(Adaptation.decide(BAND_WALK, sets(3, 11, 6.0), null, 0, null, true).kind())
                .isEqualTo(Adaptation.Kind.PROGRESS);
    }

    @Test
    void effortOfExactlySevenAndPainOfExactlyTwoStillProgressButOneMoreHolds() {
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 11, 7.0), null, 2, "knee", true).kind())
                .isEqualTo(Adaptation.Kind.PROGRESS);
        var effort = Adaptation.decide(BAND_WALK, sets(2, 11, 8.0), null, 0, null, true);
        assertThat(effort.kind()).isEqualTo(Adaptation.Kind.HOLD);
        assertThat(effort.reason()).isEqualTo("lateral-band-walk: dose held (effort or pain above the progression threshold)");
        var pain = Adaptation.decide(BAND_WALK, sets(2, 11, 6.0), null, 3, "knee", false);
        assertThat(pain.kind()).isEqualTo(Adaptation.Kind.HOLD);
        assertThat(pain.aboveTarget()).isFalse();
    }

    @Test
    void theCoachReadsWhyEachDecisionWasTaken() {
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 10, 6.0), null, 0, null, false).reason())
                .isEqualTo("lateral-band-walk: dose held (not every set went beyond the target)");
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 11, 6.5), null, 1, null, false).reason()).isEqualTo(
                "lateral-band-walk: all 2 sets above target at RPE 6.5; one more such session before the load goes up (two-for-two)");
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 11, 6.5), null, 1, null, true).reason()).isEqualTo(
                "all 2 sets of lateral-band-walk above target at RPE 6.5 with pain 1/10, the second session in a row: next step");
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 8, 9.5), null, 0, null, false).reason())
                .isEqualTo("effort RPE 9.5 on lateral-band-walk is near maximal: easing the dose");
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 8, 6.0), null, 6, " ", false).reason())
                .isEqualTo("pain 6/10 reported after lateral-band-walk: stepping back");
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 8, 6.0), null, 6, null, false).reason())
                .isEqualTo("pain 6/10 reported after lateral-band-walk: stepping back");
    }

    @Test
    void painOfFiveStepsBackEvenWhenTheEffortWasAlsoNearMaximal() {
        var both = Adaptation.decide(BAND_WALK, sets(2, 8, 10.0), null, 5, "hip", true);
        assertThat(both.kind()).isEqualTo(Adaptation.Kind.REGRESS);
        assertThat(both.aboveTarget()).isFalse();
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 8, 10.0), null, 0, null, true).aboveTarget()).isFalse();
    }

    @Test
    void aSetsOwnRatingWinsOverItsRepsInReserveAndTheHardestSetCountsWhereverItIs() {
        assertThat(Adaptation.effort(List.of(new PerformedSet(10, null, null, null, null, 6.0, 0)), null)).isEqualTo(6.0);
        assertThat(Adaptation.effort(List.of(new PerformedSet(10, null, null, null, null, 8.0, null),
                new PerformedSet(10, null, null, null, null, 6.0, null)), null)).isEqualTo(8.0);
        assertThat(Adaptation.effort(List.of(new PerformedSet(10, null, null, null, null, null, null),
                new PerformedSet(10, null, null, null, null, null, 2)), 4.0)).isEqualTo(8.0);
    }

    @Test
    void withoutATargetTheTopOfTheRangeMustBePassedAndAHoldNeedsItsSecondsLogged() {
        Plan.Item range = BAND_WALK.withDose(2, null, null, "light", null);
        assertThat(Adaptation.atTop(range, new PerformedSet(13, null, null, null, null, 6.0, null))).isTrue();
        assertThat(Adaptation.atTop(range, new PerformedSet(12, null, null, null, null, 6.0, null))).isFalse();
        assertThat(Adaptation.atTop(BAND_WALK, new PerformedSet(null, null, null, null, null, 6.0, null))).isFalse();
        assertThat(Adaptation.atTop(PLANK, new PerformedSet(null, null, null, null, null, 6.0, null))).isFalse();
        assertThat(Adaptation.atTop(PLANK, new PerformedSet(null, 31, null, null, null, 6.0, null))).isTrue();
        Plan.Item nothing = PLANK.withDose(2, null, null, null, null);
        assertThat(Adaptation.atTop(nothing, new PerformedSet(null, 30, null, null, null, 6.0, null))).isFalse();
    }
}
