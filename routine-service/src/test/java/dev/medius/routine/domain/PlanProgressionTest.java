package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.domain.AthleteProfile.Level;
import dev.medius.routine.support.ExerciseLibrary;

/** How a long plan moves on: dose steps, the ladder to harder variations, external load and new blocks. */
class PlanProgressionTest {

    private final PlanGenerator generator = new PlanGenerator();
    private final List<ExercisePublished> library = ExerciseLibrary.exercises();

    private Plan plan(Level level, Set<String> equipment, int perWeek, int minutes, int weeks) {
        return generator.generate(AthleteProfile.of(level, "running", List.of("knee"), equipment, perWeek, minutes, weeks,
                LocalDate.of(2027, 1, 4), Set.of(), Set.of()), library);
    }

    private static List<Plan.Item> items(Plan plan) {
        return plan.sessions().flatMap(Plan.Session::items).collect(Collectors.toList());
    }

    @Test
    void anExerciseAtTheTopOfItsDoseMovesUpItsLadderToAHarderVariation() {
        Plan plan = plan(Level.INTERMEDIATE, Set.of("mini-band", "step", "bench"), 3, 45, 24);
        List<Plan.Item> moved = items(plan).stream()
                .filter(item -> item.adjustment() != null && item.adjustment().contains("up the ladder to")).toList();
        assertThat(moved).isNotEmpty().allSatisfy(item -> {
            String from = item.adjustment().substring(item.adjustment().indexOf(": ") + 2,
                    item.adjustment().indexOf(" at the top of its dose"));
            ExercisePublished previous = library.stream().filter(e -> e.name().equals(from)).findFirst().orElseThrow();
            assertThat(previous.harder()).contains(item.slug());
        });
    }

    @Test
    void bodyweightStrengthWorkAtItsCeilingTakesAWeightTheAthleteOwnsAndNeverOneTheyDoNot() {
        Plan withDumbbell = plan(Level.INTERMEDIATE, Set.of("mini-band", "dumbbell", "step", "bench"), 3, 45, 24);
        List<Plan.Item> loaded = items(withDumbbell).stream()
                .filter(item -> item.loadGuidance() != null && item.loadGuidance().startsWith("Hold a dumbbell")).toList();
        assertThat(loaded).isNotEmpty().allSatisfy(item -> {
            assertThat(item.loadGuidance()).contains("2-3 reps in reserve");
            assertThat(item.bandResistance()).isNull();
            assertThat(Ladder.LOADABLE_PATTERNS).contains(item.pattern());
        });
        Plan without = plan(Level.INTERMEDIATE, Set.of("mini-band", "step", "bench"), 3, 45, 24);
        assertThat(items(without)).noneMatch(item -> item.loadGuidance() != null && item.loadGuidance().startsWith("Hold a"));
    }

    static Stream<Arguments> longPlans() {
        return Stream.of(Arguments.of(Level.BEGINNER, Set.of(), 1, 30), Arguments.of(Level.BEGINNER, Set.of("mini-band"), 3, 20),
                Arguments.of(Level.INTERMEDIATE, Set.of("mini-band", "step"), 2, 40),
                Arguments.of(Level.INTERMEDIATE, Set.of("mini-band", "dumbbell", "bench"), 5, 30),
                Arguments.of(Level.ADVANCED, Set.of("mini-band", "long-band", "kettlebell", "bench", "step", "mat", "anchor"), 4, 60),
                Arguments.of(Level.ADVANCED, Set.of(), 7, 15));
    }

    @ParameterizedTest
    @MethodSource("longPlans")
    void noBlockRepeatsTheOneBefore(Level level, Set<String> equipment, int perWeek, int minutes) {
        Plan plan = plan(level, equipment, perWeek, minutes, 24);
        int length = PlanGenerator.deloadEvery(level);
        List<String> blocks = plan.weeks().stream().collect(Collectors.groupingBy(w -> (w.number() - 1) / length))
                .values().stream().filter(weeks -> weeks.size() == length)
                .map(weeks -> weeks.stream().map(PlanProgressionTest::doses).collect(Collectors.joining(" | ")))
                .toList();
        assertThat(blocks.size()).isGreaterThan(2);
        for (int b = 1; b < blocks.size(); b++) {
            assertThat(blocks.get(b)).as("block %d", b + 1).isNotEqualTo(blocks.get(b - 1));
        }
    }

    @Test
    void aBlockThatHeldAnExerciseStillGivesWayToTheNextCandidate() {
        // one short session a week: doses can barely move, so blocks turn to new exercises instead
        Plan plan = plan(Level.BEGINNER, Set.of(), 1, 10, 24);
        assertThat(items(plan)).anyMatch(item -> item.adjustment() != null && item.adjustment().contains("new block"));
    }

    /** What a week prescribes, its wording aside. */
    private static String doses(Plan.Week week) {
        return week.sessions().stream().flatMap(Plan.Session::items)
                .map(i -> i.slug() + ":" + i.sets() + "x" + i.targetReps() + "/" + i.holdSeconds() + "/" + i.bandResistance()
                        + "/" + i.loadGuidance())
                .collect(Collectors.joining(","));
    }
}
