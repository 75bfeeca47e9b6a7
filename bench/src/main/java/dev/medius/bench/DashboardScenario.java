package dev.medius.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.medius.devkit.security.DevTokens;

/**
 * Scenario 2. Loads athletes, rosters and completed sessions straight into progress-service's tables
 * with SQL (the projections the consumer would have built), then reads coaches' rosters and athletes'
 * progress at a fixed concurrency, next to a trivial authenticated endpoint of the same server.
 */
final class DashboardScenario {

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
        try (Platform platform = Platform.start(root)) {
            String database = platform.createDatabase("dashboard");
            Service progress = platform.startService("progress", database, Map.of());
            long start = System.nanoTime();
            load(platform, database, athletes, roster, sessions);
            loadSeconds = (System.nanoTime() - start) / 1e9;
            Bench.log(String.format("loaded %,d sessions of %,d athletes in %.0f s", sessions, athletes, loadSeconds));
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
            Service computing = platform.startService("progress", database, Map.of("MEDIUS_DASHBOARD_CACHE_MAX_SIZE", "0"));
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
                .note(String.format("Data loaded with SQL straight into progress-service's tables (athlete_coach,"
                        + " session_fact, scheduled_session with each session's completion, athlete_schedule and athlete_recent rows per"
                        + " athlete and %d exercise_volume rows per session, as ingestion writes them), not through Kafka,"
                        + " in %.0f s; then ANALYZE.", SessionEvents.EXERCISES, loadSeconds))
                .note("Load: wrk, " + concurrency + " connections, " + seconds + " s per read per run after a warm-up as long,"
                        + " rotating over"
                        + " 200 coaches' rosters and 2,000 athletes (each read with their coach's token); the ceiling is"
                        + " GET /api/v1/me (token check and a JSON answer) on the same server at the same concurrency.")
                .note("The first three reads are served as a coach reloading a dashboard is: the answer kept from the"
                        + " previous read, after one statement finds that none of its athletes changed (nothing is"
                        + " ingested during the run). The ', computed' reads are the same requests to a fresh"
                        + " progress-service with medius.dashboard.cache.max-size=0, so every answer is computed from the"
                        + " database, as it is after one of its athletes changed.");
    }

    /** Warms each load up, then runs each once per run, in turn, and records p50, p99 and throughput. */
    private void measure(Service service, Map<String, Path> loads, int concurrency, int seconds,
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

    /** Sessions spread evenly over athletes, two or three a week going back from today, each scheduled and done. */
    private static void load(Platform platform, String database, int athletes, int roster, int sessions)
            throws Exception {
        int perAthlete = Math.max(1, sessions / athletes);
        String tenant = "'" + SessionEvents.TENANT + "'";
        try (Connection c = platform.connect(database); Statement st = c.createStatement()) {
            st.execute("INSERT INTO athlete_coach SELECT " + tenant + ", 'athlete-' || a, 'coach-' || (a / " + roster
                    + ") FROM generate_series(0, " + (athletes - 1) + ") a");
            String series = "SELECT g, 'athlete-' || (g % " + athletes + ") AS athlete, md5('s' || g)::uuid::text AS id, "
                    + "md5('a' || (g % " + athletes + "))::uuid::text AS assignment, current_date - ((g / " + athletes
                    + ") * 7 / 3) AS day FROM generate_series(0, " + ((long) perAthlete * athletes - 1) + ") g";
            st.execute("INSERT INTO session_fact SELECT " + tenant + ", id, athlete, 'completed', day, "
                    + "day + time '18:00' + (g % 60) * interval '1 minute', day, 5 + g % 4, g % 3, "
                    + "CASE WHEN g % 3 > 0 THEN 'knee' END FROM (" + series + ") s");
            // the schedule as ingestion writes it (FactRepository.replaceSchedules): each scheduled session marked
            // with whether session_fact holds its completion
            st.execute("INSERT INTO scheduled_session (tenant_id, session_id, assignment_id, athlete_id, scheduled_date, "
                    + "completed) SELECT " + tenant + ", id, assignment, athlete, day, EXISTS (SELECT 1 FROM session_fact f "
                    + "WHERE f.tenant_id = " + tenant + " AND f.session_id = s.id AND f.status = 'completed') FROM ("
                    + series + ") s");
            // and each athlete's schedule row with the statement of FactRepository.rewriteAthleteSchedules
            st.execute("INSERT INTO athlete_schedule (tenant_id, athlete_id, days, scheduled, completed) "
                    + "SELECT tenant_id, athlete_id, array_agg(day ORDER BY day), array_agg(n ORDER BY day), "
                    + "array_agg(done ORDER BY day) FROM (SELECT s.tenant_id, s.athlete_id, s.scheduled_date AS day, "
                    + "count(*)::integer AS n, (count(*) FILTER (WHERE s.completed))::integer AS done "
                    + "FROM scheduled_session s GROUP BY s.tenant_id, s.athlete_id, s.scheduled_date) d "
                    + "GROUP BY tenant_id, athlete_id");
            st.execute("INSERT INTO exercise_volume SELECT " + tenant + ", id, 'exercise-' || e, athlete, day, "
                    + "'Exercise ' || e, (ARRAY['hip-abduction','squat','hinge'])[e], '[\"gluteus-medius\"]', 2, 20, 0 FROM ("
                    + series + ") s, generate_series(1, " + SessionEvents.EXERCISES + ") e");
            // and each athlete's recent row (latest sessions, volume per day of the last 14 days) with the statement
            // of FactRepository.rewriteAthleteRecent, run by ingestion for the athletes of every batch
            st.execute("INSERT INTO athlete_recent SELECT k.tenant_id, k.athlete_id, r.*, v.* FROM "
                    + "(SELECT tenant_id, athlete_id FROM athlete_coach) k CROSS JOIN LATERAL (SELECT "
                    + "coalesce(array_agg(f.session_id ORDER BY f.occurred_at, f.session_id), '{}'), "
                    + "coalesce(array_agg(f.activity_date ORDER BY f.occurred_at, f.session_id), '{}'), "
                    + "coalesce(array_agg(f.occurred_at ORDER BY f.occurred_at, f.session_id), '{}'), "
                    + "coalesce(array_agg(f.session_rpe ORDER BY f.occurred_at, f.session_id), '{}'), "
                    + "coalesce(array_agg(f.pain_score ORDER BY f.occurred_at, f.session_id), '{}'), "
                    + "coalesce(array_agg(f.pain_area ORDER BY f.occurred_at, f.session_id), '{}') "
                    + "FROM (SELECT * FROM session_fact s WHERE s.tenant_id = k.tenant_id AND s.athlete_id = k.athlete_id "
                    + "AND s.status = 'completed' ORDER BY s.occurred_at DESC, s.session_id DESC LIMIT 6) f) r "
                    + "CROSS JOIN LATERAL (SELECT coalesce(array_agg(d.day ORDER BY d.day), '{}'), "
                    + "coalesce(array_agg(d.n ORDER BY d.day), '{}'), coalesce(array_agg(d.sets ORDER BY d.day), '{}'), "
                    + "coalesce(array_agg(d.reps ORDER BY d.day), '{}'), coalesce(array_agg(d.holds ORDER BY d.day), '{}') "
                    + "FROM (SELECT e.activity_date AS day, count(DISTINCT e.session_id)::integer AS n, "
                    + "sum(e.sets)::integer AS sets, sum(e.reps)::integer AS reps, sum(e.hold_seconds)::integer AS holds "
                    + "FROM exercise_volume e WHERE e.tenant_id = k.tenant_id AND e.athlete_id = k.athlete_id "
                    + "AND e.activity_date >= current_date - 13 GROUP BY e.activity_date) d) v");
            // each athlete's revision, as ingestion records it in every transaction that changes them
            st.execute("INSERT INTO athlete_revision (tenant_id, athlete_id, revision) "
                    + "SELECT tenant_id, athlete_id, pg_current_xact_id()::text::bigint FROM athlete_coach "
                    // the service's flag evaluation may have recorded some while the tables filled
                    + "ON CONFLICT (tenant_id, athlete_id) DO UPDATE SET revision = EXCLUDED.revision");
            // statistics for the planner: this PostgreSQL may run without autovacuum, which would otherwise gather them
            st.execute("ANALYZE athlete_coach, session_fact, scheduled_session, athlete_schedule, exercise_volume, athlete_recent, "
                    + "athlete_revision");
        }
    }
}
