package dev.medius.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Runs one benchmark scenario, or all of them, prints each table and appends it to
 * docs/benchmarks.md (or the file named by {@code -Dbench.output}).
 *
 * <pre>java -jar bench/target/medius-bench.jar ingestion|dashboard|catalog|plan|freshness|readiness-freshness|footprint|scale-out|all|footprint-containers</pre>
 */
public final class Bench {

    public static final List<String> SCENARIOS = List.of("ingestion", "dashboard", "catalog", "plan", "freshness",
            "readiness-freshness", "footprint", "scale-out");
    /** Run only when named: they need podman and build the images first, which takes minutes. */
    public static final List<String> CONTAINER_SCENARIOS = List.of(ContainerFootprintScenario.SCENARIO);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("bench.log.level", "warn"));
        if (args.length != 1 || !(SCENARIOS.contains(args[0]) || CONTAINER_SCENARIOS.contains(args[0])
                || args[0].equals("all"))) {
            System.err.println("usage: bench/run <" + String.join("|", SCENARIOS) + "|all|"
                    + String.join("|", CONTAINER_SCENARIOS) + "> [--runs N] [--<size> N ...]");
            System.exit(2);
        }
        Path root = root();
        Path output = Path.of(System.getProperty("bench.output", root.resolve("docs/benchmarks.md").toString()));
        for (String scenario : args[0].equals("all") ? SCENARIOS : List.of(args[0])) {
            Options options = new Options();
            Result result = run(scenario, options, root);
            System.out.print(Report.table(result));
            Report.append(output, Report.markdown(result, root, options.runs(), options.takeSizes()));
        }
        System.out.println("\nappended to " + output);
        System.exit(0);
    }

    static Path root() {
        return Path.of(System.getProperty("medius.root", ".")).toAbsolutePath().normalize();
    }

    static Result run(String scenario, Options options, Path root) throws Exception {
        log("scenario " + scenario + (options.smoke() ? " (smoke sizes)" : ""));
        return switch (scenario) {
            case "ingestion" -> ingestion(options, root);
            case "dashboard" -> new DashboardScenario(options, root).run();
            case "catalog" -> new CatalogScenario(options, root).run();
            case "plan" -> PlanScenario.run(options);
            case "freshness" -> new FreshnessScenario(options, root, FreshnessScenario.Recording.COMPLETIONS).run();
            case "readiness-freshness" -> new FreshnessScenario(options, root, FreshnessScenario.Recording.CHECK_INS).run();
            case "footprint" -> new FootprintScenario(options, root).run();
            case ContainerFootprintScenario.SCENARIO -> new ContainerFootprintScenario(options, root).run();
            case "scale-out" -> scaleOut(options, root);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    private static Result ingestion(Options options, Path root) throws Exception {
        int events = options.size("events", 200_000, 2_000);
        int athletes = options.size("athletes", 10_000, 100);
        List<Double> service = new ArrayList<>();
        List<Double> consumer = new ArrayList<>();
        List<Double> database = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        try (Platform platform = Platform.start(root)) {
            IngestionScenario scenario = new IngestionScenario(platform, events, athletes);
            scenario.publish();
            for (int run = 1; run <= options.runs(); run++) {
                double c = scenario.consumerCeiling();
                double d = scenario.databaseCeiling();
                double s = scenario.service(1).eventsPerSecond();
                log(String.format("run %d: service %.0f/s, plain consumer %.0f/s, INSERT…SELECT %.0f/s", run, s, c, d));
                service.add(s);
                consumer.add(c);
                database.add(d);
                ratio.add(s / Math.min(c, d));
            }
        }
        return new Result("ingestion", "1. Ingestion: " + events + " session.completed.v1 events, 4 partitions")
                .figure("progress-service ingestion", "events/s", service)
                .figure("ceiling: plain Kafka consumer", "events/s", consumer)
                .figure("ceiling: PostgreSQL INSERT … SELECT", "events/s", database)
                .figure("ratio to the lower ceiling", "", ratio)
                .atLeast("ratio to the lower ceiling", 0.3)
                .note("Events are published before the service starts; the rate runs from the first fact row to the last"
                        + " (polled every 250 ms), so start-up is not counted. One event is one processed_event row, one"
                        + " session_fact row and " + SessionEvents.EXERCISES + " exercise_volume rows; the database"
                        + " ceiling inserts the same rows, with the same keys and indexes, in one transaction.");
    }

    private static Result scaleOut(Options options, Path root) throws Exception {
        int events = options.size("events", 200_000, 2_000);
        int athletes = options.size("athletes", 10_000, 100);
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        List<Double> consumer = new ArrayList<>();
        Map<String, List<Integer>> spread = new LinkedHashMap<>();
        try (Platform platform = Platform.start(root)) {
            IngestionScenario scenario = new IngestionScenario(platform, events, athletes);
            scenario.publish();
            for (int run = 1; run <= options.runs(); run++) {
                consumer.add(scenario.consumerCeiling());
                one.add(scenario.service(1).eventsPerSecond());
                IngestionScenario.ServiceRun pair = scenario.service(2);
                two.add(pair.eventsPerSecond());
                spread = pair.partitionsByReplica();
                log(String.format("run %d: one replica %.0f/s, two replicas %.0f/s, partitions %s", run,
                        one.get(run - 1), two.get(run - 1), spread));
            }
        }
        List<Double> gain = new ArrayList<>();
        for (int i = 0; i < one.size(); i++) {
            gain.add(two.get(i) / one.get(i));
        }
        Result result = new Result("scale-out", "7. Scale-out: ingestion with one and two progress-service replicas")
                .figure("one replica", "events/s", one)
                .figure("two replicas, one consumer group", "events/s", two)
                .figure("two replicas / one replica", "", gain)
                .figure("ceiling: plain Kafka consumer", "events/s", consumer)
                .figure("one replica / plain consumer", "", ratios(one, consumer, x -> x))
                .note("Partitions of routine.sessions per replica in the last two-replica run: " + spread + ".");
        result.note(Capacity.statement(result.find("one replica").median(), result.find("two replicas / one replica")
                .median(), Runtime.getRuntime().availableProcessors()));
        return result;
    }

    static List<Double> ratios(List<Double> values, List<Double> ceilings, ToDoubleFunction<Double> transform) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(transform.applyAsDouble(values.get(i)) / transform.applyAsDouble(ceilings.get(i)));
        }
        return ratios;
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }
}
