package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.medius.events.routine.SessionCompleted.PerformedSet;

class AdaptationTest {

    /** Two sets of 10-12 per side. */
    private static final Plan.Item BAND_WALK = new Plan.Item("id-1", "lateral-band-walk", "Lateral band walk",
            "hip-abduction", List.of("gluteus-medius"), 2, 10, 12, 10, null, true, 45, null, "ankles", "light", null,
            6.0, "why", List.of("lewis-2019"), null, 0);

    private static List<PerformedSet> sets(int count, int reps, Double rpe) {
        return Collections.nCopies(count, new PerformedSet(reps, null, "left", null, "light", rpe, null));
    }

    @Test
    void allSetsAtTheTopAtModerateEffortAndLowPainProgress() {
        var decision = Adaptation.decide(BAND_WALK, sets(2, 12, 7.0), null, 2, null);
        assertThat(decision.kind()).isEqualTo(Adaptation.Kind.PROGRESS);
        assertThat(decision.reason()).contains("top of the range").contains("RPE 7.0");
        assertThat(DoseLadder.stepUp(BAND_WALK, 5, "x").targetReps()).isEqualTo(12);
    }

    @Test
    void oneSetShortOfTheTopOrEffortAboveSevenHolds() {
        assertThat(Adaptation.decide(BAND_WALK, List.of(new PerformedSet(12, null, "left", null, null, 6.0, null),
                new PerformedSet(11, null, "right", null, null, 6.0, null)), null, 0, null).kind())
                .isEqualTo(Adaptation.Kind.HOLD);
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 12, 8.0), null, 0, null).kind()).isEqualTo(Adaptation.Kind.HOLD);
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 12, 6.0), null, 3, "knee").kind()).isEqualTo(Adaptation.Kind.HOLD);
        assertThat(Adaptation.decide(BAND_WALK, sets(1, 12, 6.0), null, 0, null).kind()).isEqualTo(Adaptation.Kind.HOLD);
    }

    @Test
    void painOfFiveOrNearMaximalEffortRegresses() {
        var pain = Adaptation.decide(BAND_WALK, sets(2, 12, 5.0), null, 5, "knee");
        assertThat(pain.kind()).isEqualTo(Adaptation.Kind.REGRESS);
        assertThat(pain.reason()).contains("pain 5/10 (knee)");
        assertThat(Adaptation.decide(BAND_WALK, sets(2, 8, null), 9.0, 0, null).kind()).isEqualTo(Adaptation.Kind.REGRESS);
        // reps in reserve count as effort: none left is RPE 10
        assertThat(Adaptation.decide(BAND_WALK, List.of(new PerformedSet(12, null, "left", null, null, null, 0)), null, 0,
                null).kind()).isEqualTo(Adaptation.Kind.REGRESS);
        assertThat(DoseLadder.stepDown(BAND_WALK, "x").sets()).isEqualTo(1);
    }
}
