package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;

import org.junit.jupiter.api.Test;

import dev.medius.progress.domain.FlagKind;

class FlagKindTest {

    @Test
    void kindsAreSortedBySeverityThenByKind() {
        assertThat(Arrays.stream(FlagKind.values()).sorted(Comparator.comparingInt(FlagKind::urgency)).map(FlagKind::wire))
                .containsExactly("see-a-clinician", "pain-high", "injury-or-illness", "pain-persisting", "pain-rising", "effort-high",
                        "readiness-low", "adherence-low", "adherence-drop", "load-spike", "inactive");
        assertThat(FlagKind.SEE_A_CLINICIAN.urgency()).isEqualTo(0);
        assertThat(FlagKind.PAIN_HIGH.urgency()).isEqualTo(1);
        assertThat(FlagKind.PAIN_PERSISTING.urgency()).isEqualTo(103);
        assertThat(FlagKind.INACTIVE.urgency()).isEqualTo(210);
    }

    @Test
    void kindsAndSeveritiesReadAsOnTheWire() {
        for (FlagKind kind : FlagKind.values()) {
            assertThat(FlagKind.fromWire(kind.wire())).isSameAs(kind);
        }
        assertThat(FlagKind.INJURY_OR_ILLNESS.severity().wire()).isEqualTo("high");
        assertThat(FlagKind.ADHERENCE_LOW.severity().wire()).isEqualTo("medium");
        assertThat(FlagKind.INACTIVE.severity().wire()).isEqualTo("low");
        assertThatThrownBy(() -> FlagKind.fromWire("sleepy")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown flag kind sleepy");
    }
}
