package dev.medius.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Scenario 4: runs {@link PlanGenerationBenchmark} with JMH; each fork is one run. */
final class PlanScenario {

    private PlanScenario() {
    }

    static Result run(Options options) throws Exception {
        int warmups = options.size("warmup-iterations", 5, 1);
        int iterations = options.size("iterations", 5, 1);
        int iterationMillis = options.size("iteration-millis", 1000, 100);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(PlanGenerationBenchmark.class.getName())
                .forks(options.runs())
                .warmupIterations(warmups)
                .warmupTime(TimeValue.milliseconds(iterationMillis))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis))
                .threads(1)
                .shouldFailOnError(true)
                .build()).run();
        List<Double> plan = new ArrayList<>();
        List<Double> reference = new ArrayList<>();
        for (RunResult result : results) {
            List<Double> target = result.getParams().getBenchmark().endsWith("twelveWeeksThreeSessions") ? plan : reference;
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                target.add(fork.getPrimaryResult().getScore());
            }
        }
        return new Result("plan", "4. Plan generation (JMH): a 12-week plan at 3 sessions a week")
                .figure("mean time per plan", "ms", plan)
                .figure("reference: sort 10,000 ints", "ms", reference)
                .figure("plan / reference", "", Bench.ratios(plan, reference, x -> x))
                .atMost("mean time per plan", 2)
                .note("JMH 1.37, average time, one thread, " + warmups + " warm-up and " + iterations + " measured"
                        + " iterations of " + iterationMillis + " ms per fork; each fork is one run. Input: the shipped"
                        + " gluteus medius library (routine-service test fixture catalog/exercise-library.json), an"
                        + " intermediate runner with a mini band, long band, dumbbell, step and mat, 30-minute sessions.");
    }
}
