package dev.medius.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.domain.AthleteProfile;
import dev.medius.routine.domain.Plan;
import dev.medius.routine.domain.PlanGenerator;

/**
 * Scenario 4 under JMH: a 12-week plan at 3 sessions a week from the shipped exercise library, and a
 * fixed reference workload (sorting 10,000 integers) measured in the same fork as the machine's yardstick.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlanGenerationBenchmark {

    private final PlanGenerator generator = new PlanGenerator();
    private List<ExercisePublished> library;
    private AthleteProfile profile;
    private int[] numbers;

    @Setup
    public void setUp() {
        library = library();
        profile = AthleteProfile.of(AthleteProfile.Level.INTERMEDIATE, "running", List.of("knee", "glute-activation"),
                Set.of("mini-band", "long-band", "dumbbell", "step", "mat"), 3, 30, 12, LocalDate.of(2026, 11, 30),
                Set.of(), Set.of());
        numbers = new Random(7).ints(10_000).toArray();
    }

    @Benchmark
    public Plan twelveWeeksThreeSessions() {
        return generator.generate(profile, library);
    }

    @Benchmark
    public int[] referenceSortTenThousandInts() {
        int[] copy = numbers.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** The library the routine-service tests use: the shipped gluteus medius exercises as catalog events. */
    static List<ExercisePublished> library() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = PlanGenerationBenchmark.class.getResourceAsStream("/catalog/exercise-library.json")) {
            List<ExercisePublished> exercises = new ArrayList<>();
            for (JsonNode node : json.readTree(in).get("exercises")) {
                exercises.add(json.treeToValue(node, ExercisePublished.class));
            }
            return exercises;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
