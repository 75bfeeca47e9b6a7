package dev.medius.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.medius.coaching.Readiness.Low;
import dev.medius.coaching.Readiness.Signal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ReadinessTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 30);

    record Morning(LocalDate date, Integer sleepQuality, Integer energy, Integer soreness, Integer stress, Integer mood,
            Double sleepHours) implements Readiness.Answers {
    }

    private static Morning energy(LocalDate date, Integer energy) {
        return new Morning(date, null, energy, null, null, null, null);
    }

    /** One morning a day with the energy given, the last on the day before {@code TODAY}. */
    private static List<Morning> energies(int... values) {
        List<Morning> mornings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            mornings.add(energy(TODAY.minusDays(values.length - i), values[i]));
        }
        return mornings;
    }

    @Test
    void belowTheMeanByTheLargerOfOneDeviationAndOnePoint() {
        // mean 4, deviation sqrt(0.4) = 0.63: the one-point margin decides, so 3 is low and nothing above it
        List<Morning> steady = energies(4, 4, 4, 5, 3);
        assertThat(Readiness.lows(energy(TODAY, 3), steady)).singleElement()
                .satisfies(low -> {
                    assertThat(low.describe()).isEqualTo("energy 3/5 against a usual 4");
                    assertThat(low.fact()).isEqualTo("energy:3:4");
                });
        assertThat(Readiness.lows(energy(TODAY, 4), steady)).isEmpty();
        // mean 3, deviation 2: the deviation decides, so only 1 is low
        List<Morning> erratic = energies(1, 5, 1, 5, 1, 5);
        assertThat(Readiness.lows(energy(TODAY, 1), erratic)).hasSize(1);
        assertThat(Readiness.lows(energy(TODAY, 2), erratic)).isEmpty();
    }

    @Test
    void beforeFiveAnswersTheLowEndOfEachScaleCounts() {
        List<Morning> four = energies(5, 5, 5, 5);
        assertThat(Readiness.lows(energy(TODAY, 3), four)).isEmpty();
        assertThat(Readiness.lows(energy(TODAY, 2), four)).singleElement()
                .satisfies(low -> assertThat(low.usual()).isNull());
        Morning shortNight = new Morning(TODAY, null, null, null, null, null, 5.5);
        assertThat(Readiness.lows(shortNight, List.of())).singleElement().satisfies(low -> {
            assertThat(low.signal()).isEqualTo(Signal.SLEEP_HOURS);
            assertThat(low.describe()).isEqualTo("sleep hours 5.5 h");
            assertThat(low.fact()).isEqualTo("sleep-hours:5.5");
        });
        assertThat(Readiness.lows(new Morning(TODAY, null, null, null, null, null, 6.0), List.of())).isEmpty();
    }

    @Test
    void onlyTheTwentyEightDaysBeforeCountAndTheLastAnswerOfADay() {
        List<Morning> history = new ArrayList<>(energies(5, 5, 5, 5));
        // a fifth answer 29 days back is outside the window, and one of today is not "before"
        history.add(energy(TODAY.minusDays(29), 5));
        history.add(energy(TODAY, 5));
        assertThat(Readiness.lows(energy(TODAY, 3), history)).isEmpty();
        // an answer on the 28th day back completes the baseline of five
        history.add(energy(TODAY.minusDays(28), 5));
        assertThat(Readiness.lows(energy(TODAY, 3), history)).hasSize(1);
        // two answers on one day: the later one stands, so the day counts once
        List<Morning> corrected = new ArrayList<>(energies(5, 5, 5, 5));
        corrected.add(energy(TODAY.minusDays(1), 1));
        assertThat(Readiness.lows(energy(TODAY, 3), corrected)).isEmpty();
    }

    @Test
    void answersLeftOutAreNeverLow() {
        assertThat(Readiness.lows(new Morning(TODAY, null, null, null, null, null, null), energies(5, 5, 5, 5, 5)))
                .isEmpty();
    }

    @Property(tries = 300)
    void aLowerAnswerIsLowWheneverAHigherOneIs(@ForAll @Size(min = 0, max = 28) List<@IntRange(min = 1, max = 5) Integer> usual,
            @ForAll @IntRange(min = 1, max = 5) int higher, @ForAll @IntRange(min = 1, max = 5) int lower) {
        int[] values = usual.stream().mapToInt(Integer::intValue).toArray();
        boolean highIsLow = !Readiness.lows(energy(TODAY, Math.max(higher, lower)), energies(values)).isEmpty();
        boolean lowIsLow = !Readiness.lows(energy(TODAY, Math.min(higher, lower)), energies(values)).isEmpty();
        assertThat(!highIsLow || lowIsLow).isTrue();
    }

    @Property(tries = 300)
    void anAnswerAtTheUsualOrAboveIsNeverLow(@ForAll @Size(min = 5, max = 28) List<@IntRange(min = 1, max = 5) Integer> usual,
            @ForAll @IntRange(min = 1, max = 5) int today) {
        double mean = usual.stream().mapToInt(Integer::intValue).average().orElseThrow();
        List<Low> lows = Readiness.lows(energy(TODAY, today), energies(usual.stream().mapToInt(Integer::intValue).toArray()));
        if (today > mean - 1) {
            assertThat(lows).isEmpty();
        }
        lows.forEach(low -> assertThat(low.value()).isLessThanOrEqualTo(low.threshold() + 1e-9));
    }
}
