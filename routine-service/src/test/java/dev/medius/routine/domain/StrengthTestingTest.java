package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Test figures worked out by hand, and the return-to-play verdict criterion by criterion. */
class StrengthTestingTest {

    private static final LocalDate ON = LocalDate.of(2027, 2, 1);

    @Test
    void hipAbductionTorqueIsForceTimesLeverArmOverBodyMassAndSymmetryTakesTheInvolvedSide() {
        // left 280 N × 0.30 m ÷ 50 kg = 1.68 N·m/kg; right 240 × 0.30 ÷ 50 = 1.44; right involved: 240 ÷ 280 = 85.7 %
        StrengthTesting.Result result = StrengthTesting.hipAbduction(ON, 280, 240, 0.30, 50, "right", 1);
        assertThat(result.left()).isEqualTo(1.68);
        assertThat(result.right()).isEqualTo(1.44);
        assertThat(result.unit()).isEqualTo("N·m/kg");
        assertThat(result.symmetryPercent()).isEqualTo(85.7);
        assertThat(result.findings()).anyMatch(f -> f.contains("below the 90 %"));

        // the left side involved and the stronger one: 280 ÷ 240 = 116.7 %, no finding against the bar
        StrengthTesting.Result left = StrengthTesting.hipAbduction(ON, 280, 240, 0.30, 50, "left", null);
        assertThat(left.symmetryPercent()).isEqualTo(116.7);
        assertThat(left.findings()).noneMatch(f -> f.contains("below"));

        // no side named: the weaker against the stronger, 240 ÷ 280
        assertThat(StrengthTesting.hipAbduction(ON, 240, 280, 0.35, 70, null, null).symmetryPercent()).isEqualTo(85.7);
        // 300 × 0.35 ÷ 70 = 1.5 and 1.5: 100 %
        StrengthTesting.Result even = StrengthTesting.hipAbduction(ON, 300, 300, 0.35, 70, null, null);
        assertThat(even.left()).isEqualTo(1.5);
        assertThat(even.symmetryPercent()).isEqualTo(100.0);
    }

    @Test
    void sideBridgeIsJudgedAgainstPublishedHoldsAndTheRightToLeftRatio() {
        // 90 s and 80 s: ratio 80 ÷ 90 = 0.89, further than 0.05 from 1.0; both sides at or above 70 s
        StrengthTesting.Result uneven = StrengthTesting.sideBridge(ON, 90, 80, null, 0);
        assertThat(uneven.findings()).anyMatch(f -> f.contains("ratio 0.89") && f.contains("imbalance"));
        assertThat(uneven.findings()).noneMatch(f -> f.contains("under the 70 s"));
        assertThat(uneven.symmetryPercent()).isEqualTo(88.9);

        // 60 s and 62 s: ratio 1.03, within 0.05; both under 70 s
        StrengthTesting.Result short_ = StrengthTesting.sideBridge(ON, 60, 62, null, 0);
        assertThat(short_.findings()).anyMatch(f -> f.equals("right:left ratio 1.03"));
        assertThat(short_.findings()).filteredOn(f -> f.contains("under the 70 s")).hasSize(2);
    }

    @Test
    void theVerdictClearsOnlyWhenEveryCriterionSetIsMet() {
        StrengthTesting.Criteria criteria = new StrengthTesting.Criteria(90, 2, 70.0, "fair");
        StrengthTesting.Result hip = StrengthTesting.hipAbduction(ON, 280, 260, 0.30, 50, "right", 1);
        StrengthTesting.Result bridge = StrengthTesting.sideBridge(ON, 75, 72, "right", 2);
        StrengthTesting.Result squat = StrengthTesting.singleLegSquat(ON, "good", "fair", List.of("knee-valgus"),
                "right", 0);

        // 260 ÷ 280 = 92.9 % ≥ 90; pain at most 2; weaker side 72 s ≥ 70; worse side fair, at least fair
        StrengthTesting.Verdict cleared = StrengthTesting.judge(criteria, List.of(hip, bridge, squat));
        assertThat(cleared.checks()).extracting(StrengthTesting.Check::status).containsOnly("met");
        assertThat(cleared.cleared()).isTrue();

        // a later hip test at 240 N on the right: 85.7 % fails symmetry alone
        StrengthTesting.Result weaker = StrengthTesting.hipAbduction(ON.plusDays(7), 280, 240, 0.30, 50, "right", 1);
        StrengthTesting.Verdict notYet = StrengthTesting.judge(criteria, List.of(hip, bridge, squat, weaker));
        assertThat(notYet.cleared()).isFalse();
        assertThat(notYet.checks()).filteredOn(c -> c.status().equals("not-met"))
                .extracting(StrengthTesting.Check::criterion).containsExactly("symmetry");

        // a poor squat fails a "fair" bar; pain 3 fails "at most 2"
        StrengthTesting.Result poor = StrengthTesting.singleLegSquat(ON, "poor", "good", List.of(), null, 3);
        assertThat(StrengthTesting.judge(criteria, List.of(hip, bridge, poor)).checks())
                .filteredOn(c -> c.status().equals("not-met")).extracting(StrengthTesting.Check::criterion)
                .containsExactlyInAnyOrder("single-leg-squat", "pain");

        // no test of a kind a criterion needs: not known, and not cleared
        StrengthTesting.Verdict unknown = StrengthTesting.judge(criteria, List.of(hip));
        assertThat(unknown.checks()).filteredOn(c -> c.status().equals("unknown")).hasSize(2);
        assertThat(unknown.cleared()).isFalse();
    }
}
