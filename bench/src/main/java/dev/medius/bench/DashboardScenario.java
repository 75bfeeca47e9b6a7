package dev.medius.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.medius.devkit.process.ServiceProcess;
import dev.medius.devkit.security.DevTokens;
import dev.medius.events.Topics;

/**
 * Scenario 2. Loads athletes, rosters and completed sessions through progress-service's own ingestion
 * (plan and session events on the broker, as routine-service publishes them), then reads coaches'
 * rosters and athletes' progress at a fixed concurrency, next to a trivial authenticated endpoint of the
 * same server.
 */
final class DashboardScenario {

    /** progress-service's consumer group of routine.plans and routine.sessions (its application.properties). */
    private static final String GROUP = "progress-service";

    /** The first periodic flag pass runs a minute after start (medius.flags.evaluation-interval), then takes its time. */
    private static final Duration SETTLING = Duration.ofMinutes(10);

    private final Options options;
    private final Path root;

    DashboardScenario(Options options, Path root) {
        this.options = options;
        this.root = root;
    }

    Result run() throws Exception {
        Wrk.requireInstalled();
        int athletes = options.size("athletes", 10_000, 200);
        int roster = options.size("roster", 50, 50);
        int sessions = options.size("sessions", 1_000_000, 10_000);
        int concurrency = options.size("concurrency", 16, 16);
        int seconds = options.size("seconds", 15, 1);
        Map<String, List<Double>> figures = new java.util.LinkedHashMap<>();
        double loadSeconds;
        PlanEvents.Published loaded;
        try (Platform platform = Platform.start(root)) {
            String database = platform.createDatabase("dashboard");
            ServiceProcess progress = platform.startService("progress", database, Map.of());
            long start = System.nanoTime();
            loaded = load(platform, athletes, roster, sessions);
            loadSeconds = (System.nanoTime() - start) / 1e9;
            Bench.log(String.format("progress-service ingested %,d events in %.0f s (%,.0f events/s)", loaded.events(),
                    loadSeconds, loaded.events() / loadSeconds));
            long vacuumStart = System.nanoTime();
            vacuum(platform, database);
            Bench.log(String.format("VACUUM ANALYZE in %.0f s", (System.nanoTime() - vacuumStart) / 1e9));
            new FlagPasses(progress).awaitSettled(SETTLING);
            Path scripts = Files.createTempDirectory("medius-bench-wrk-");
            int coaches = Math.max(1, athletes / roster);
            List<Map.Entry<String, String>> rosters = new ArrayList<>();
            for (int c = 0; c < Math.min(coaches, 200); c++) {
                rosters.add(new SimpleEntry<>("/api/v1/dashboard", coachToken(c)));
            }
            List<Map.Entry<String, String>> progressReads = new ArrayList<>();
            for (int a = 0; a < Math.min(athletes, 2000); a++) {
                int athlete = (int) ((long) a * athletes / Math.min(athletes, 2000));
                progressReads.add(new SimpleEntry<>("/api/v1/athletes/" + SessionEvents.athlete(athlete) + "/progress",
                        coachToken(athlete / roster)));
            }
            List<Map.Entry<String, String>> trivial = List.of(new SimpleEntry<>("/api/v1/me", coachToken(0)));
            Map<String, Path> loads = new java.util.LinkedHashMap<>();
            loads.put("roster", Wrk.script(scripts, rosters));
            loads.put("athlete progress", Wrk.script(scripts, progressReads));
            loads.put("trivial /api/v1/me", Wrk.script(scripts, trivial));
            measure(progress, loads, concurrency, seconds, figures);
            // the same reads with every answer computed: what a read costs when one of its athletes changed since
            // the last one, the figure a roster's kept answer saves
            platform.stop(progress);
            ServiceProcess computing = platform.startService("progress", database, Map.of("MEDIUS_DASHBOARD_CACHE_MAX_SIZE", "0"));
            new FlagPasses(computing).awaitSettled(SETTLING);
            Map<String, Path> computed = new java.util.LinkedHashMap<>();
            computed.put("roster, computed", loads.get("roster"));
            computed.put("athlete progress, computed", loads.get("athlete progress"));
            computed.put("trivial /api/v1/me, same server", loads.get("trivial /api/v1/me"));
            measure(computing, computed, concurrency, seconds, figures);
        }
        Result result = new Result("dashboard", "2. Dashboard reads: " + athletes + " athletes, rosters of " + roster + ", "
                + sessions + " completed sessions, concurrency " + concurrency);
        figures.forEach((name, values) -> result.figure(name, name.endsWith("throughput") ? "req/s" : "ms", values));
        result.figure("roster throughput / trivial", "", Bench.ratios(figures.get("roster throughput"),
                figures.get("trivial /api/v1/me throughput"), x -> x));
        result.figure("athlete progress throughput / trivial", "", Bench.ratios(figures.get("athlete progress throughput"),
                figures.get("trivial /api/v1/me throughput"), x -> x));
        result.figure("roster, computed throughput / trivial", "", Bench.ratios(figures.get("roster, computed throughput"),
                figures.get("trivial /api/v1/me, same server throughput"), x -> x));
        result.figure("athlete progress, computed throughput / trivial", "",
                Bench.ratios(figures.get("athlete progress, computed throughput"),
                        figures.get("trivial /api/v1/me, same server throughput"), x -> x));
        return result.atMost("roster p99", 50).atMost("athlete progress p99", 50)
                .note(String.format("Data loaded through Kafka and progress-service's own ingestion: %,d plan.assigned.v1"
                        + " on routine.plans naming every scheduled session, then %,d session.completed.v1 of %d exercises"
                        + " on routine.sessions, as routine-service's outbox writes them; published and consumed (the"
                        + " consumer group's lag 0, no dead letter) in %.0f s, %,.0f events/s; then VACUUM ANALYZE.",
                        loaded.plans(), loaded.completions(), SessionEvents.EXERCISES, loadSeconds,
                        loaded.events() / loadSeconds))
                .note("Load: wrk, " + concurrency + " connections, " + seconds + " s per read per run after a warm-up as long,"
                        + " rotating over"
                        + " 200 coaches' rosters and 2,000 athletes (each read with their coach's token); the ceiling is"
                        + " GET /api/v1/me (token check and a JSON answer) on the same server at the same concurrency.")
                .note("The first three reads are served as a coach reloading a dashboard is: the answer kept from the"
                        + " previous read, after one statement finds that none of its athletes changed (nothing is"
                        + " ingested during the run). The ', computed' reads are the same requests to a fresh"
                        + " progress-service with medius.dashboard.cache.max-size=0, so every answer is computed from the"
                        + " database, as it is after one of its athletes changed.")
                .note("Each server is measured once its flag evaluation has settled (progress-service's metrics: the"
                        + " first periodic pass after start has run, which evaluates every rule for every athlete, and no"
                        + " ingested athlete waits for evaluation); the next periodic pass evaluates the calendar's rules"
                        + " again when the date changes.");
    }

    /** Warms each load up, then runs each once per run, in turn, and records p50, p99 and throughput. */
    private void measure(ServiceProcess service, Map<String, Path> loads, int concurrency, int seconds,
            Map<String, List<Double>> figures) {
        // warm-up: JIT, connection pool and PostgreSQL's caches, and as long as a measured run so that each roster
        // and athlete has been read once before (2,000 athletes at the computed rate take several seconds)
        loads.values().forEach(script -> Wrk.run(service.url(), script, concurrency, seconds));
        for (int run = 1; run <= options.runs(); run++) {
            for (Map.Entry<String, Path> load : loads.entrySet()) {
                Wrk.Load result = Wrk.run(service.url(), load.getValue(), concurrency, seconds);
                if (result.errors() > 0) {
                    throw new IllegalStateException(load.getKey() + ": " + result.errors() + " failed requests");
                }
                figures.computeIfAbsent(load.getKey() + " p50", k -> new ArrayList<>()).add(result.p50Millis());
                figures.computeIfAbsent(load.getKey() + " p99", k -> new ArrayList<>()).add(result.p99Millis());
                figures.computeIfAbsent(load.getKey() + " throughput", k -> new ArrayList<>())
                        .add(result.requestsPerSecond());
                Bench.log(String.format("run %d %s: %.0f req/s, p50 %.1f ms, p99 %.1f ms", run, load.getKey(),
                        result.requestsPerSecond(), result.p50Millis(), result.p99Millis()));
            }
        }
    }

    private static final Map<Integer, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    static String coachToken(int coach) {
        return TOKENS.computeIfAbsent(coach, c -> DevTokens.mint("coach-" + c, SessionEvents.TENANT, "coach"));
    }

    /**
     * Publishes the plans and completions routine-service would have (two or three sessions a week per athlete,
     * going back from today) and waits until progress-service has consumed every one without a dead letter.
     */
    private static PlanEvents.Published load(Platform platform, int athletes, int roster, int sessions) {
        int perAthlete = Math.max(1, sessions / athletes);
        PlanEvents.Published published = new PlanEvents(athletes, roster, perAthlete, Clock.systemUTC())
                .publish(platform.broker().bootstrapServers());
        Bench.log(String.format("published %,d plans and %,d completions", published.plans(), published.completions()));
        // 30 minutes for the full million sessions, longer for more
        long minutes = 30 * Math.max(1, ((long) perAthlete * athletes + 999_999) / 1_000_000);
        new Backlog(platform.broker(), GROUP, List.of(Topics.ROUTINE_PLANS, Topics.ROUTINE_SESSIONS),
                Topics.ROUTINE_SESSIONS_DLQ).awaitConsumed(Duration.ofMinutes(minutes));
        return published;
    }

    /**
     * What autovacuum does in a deployment, which this PostgreSQL may run without: ingestion rewrites each athlete's
     * rows batch after batch, and the reads should not walk the versions it left behind; then statistics for the planner.
     */
    private static void vacuum(Platform platform, String database) throws SQLException {
        try (Connection c = platform.connect(database); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
        }
    }
}
