package dev.medius.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.process.Ports;
import dev.medius.devkit.process.ServiceEnvironment;
import dev.medius.devkit.process.ServiceProcess;
import dev.medius.devkit.security.DevTokens;

/**
 * Scenario 5. The whole platform; a coach's open dashboard (its server-sent event stream); athletes
 * recording completions through routine-service at a steady rate. Freshness is the time from a
 * completion's 2xx answer to the dashboard's stream announcing that athlete's change, which
 * progress-service sends once the projections holding the completion are committed.
 */
final class FreshnessScenario {

    private static final String COACH = "coach-fresh";

    /** What athletes record: completed sessions, or morning check-ins (each adjusts the day's sessions). */
    enum Recording {
        COMPLETIONS("freshness", "5. Freshness under {rate} completions/s", "completion"),
        CHECK_INS("readiness-freshness", "5b. Check-in freshness under {rate} check-ins/s", "check-in");

        final String scenario;
        final String title;
        final String noun;

        Recording(String scenario, String title, String noun) {
            this.scenario = scenario;
            this.title = title;
            this.noun = noun;
        }
    }

    private final Recording report;

    private final Options options;
    private final Path root;
    private final ObjectMapper json = new ObjectMapper();
    // HTTP/1.1, so completions travel over a pool of connections as they do from many athletes' phones; the
    // client's default (HTTP/2 upgrade) multiplexes them all on one connection, whose single server-side
    // stream lock then queued each answer for hundreds of milliseconds (a JFR recording showed it)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String token = DevTokens.mint(COACH, SessionEvents.TENANT, "coach");

    FreshnessScenario(Options options, Path root, Recording report) {
        this.options = options;
        this.root = root;
        this.report = report;
    }

    /** A completion sent: when, for whom, and when its 2xx came back (0 if it did not). */
    private record Sent(String athlete, long sentNanos, long answeredNanos) {
    }

    private record Seen(String athlete, long nanos) {
    }

    Result run() throws Exception {
        int rate = options.size("rate", 200, 20);
        int seconds = options.size("seconds", 30, 2);
        // a morning check-in is once a day: each athlete sends one per run, so that every dashboard event belongs to
        // exactly one check-in; completions come from fewer athletes, each at most once every 5 s
        int athleteCount = report == Recording.CHECK_INS ? Math.max(rate * 5, rate * seconds)
                : Math.max(rate * 5, rate * seconds / 30 + 1);
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        List<Double> answerP99 = new ArrayList<>();
        List<Double> failed = new ArrayList<>();
        try (Platform platform = Platform.start(root)) {
            ServiceProcess catalog = platform.startService("catalog", platform.createDatabase("catalog"), Map.of());
            // progress-service opens routine-service's sealed events with its keys; routine-service asks progress-service
            // for an export: each is told where the other answers
            int routinePort = Ports.free();
            ServiceProcess progress = platform.startService("progress", platform.createDatabase("progress"),
                    ServiceEnvironment.withAthleteKeys(new HashMap<>(), "http://127.0.0.1:" + routinePort));
            ServiceProcess routine = platform.startService("routine", platform.createDatabase("routine"),
                    Map.of("MEDIUS_CATALOG_URL", catalog.url(), "MEDIUS_PROGRESS_URL", progress.url()), routinePort);
            List<String> athletes = new ArrayList<>();
            for (int i = 0; i < athleteCount; i++) {
                athletes.add("fresh-athlete-" + i);
            }
            Map<String, List<String>> sessions = seed(routine.url(), athletes);
            Bench.log("seeded " + athletes.size() + " athletes with plans");
            for (int run = 1; run <= options.runs(); run++) {
                ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
                CountDownLatch ready = new CountDownLatch(1);
                var stream = http.sendAsync(HttpRequest.newBuilder(URI.create(progress.url() + "/api/v1/dashboard/stream"))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.fromLineSubscriber(new LineReader(line -> {
                            long now = System.nanoTime();
                            if (line.startsWith("data:")) {
                                JsonNode event = json.readTree(line.substring(5));
                                if ("ready".equals(event.path("type").asText())) {
                                    ready.countDown();
                                } else if ("athlete".equals(event.path("type").asText())
                                        && "activity".equals(event.path("reason").asText())) {
                                    // a completion or a check-in is announced as activity; flag changes are not it
                                    seen.add(new Seen(event.path("athleteId").asText(), now));
                                }
                            }
                        })));
                if (!ready.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the dashboard stream did not open");
                }
                int total = rate * seconds;
                List<Sent> sent = drive(routine.url(), athletes, sessions, rate, seconds, run);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                List<Double> latencies;
                do {
                    Pause.millis(200);
                    latencies = latencies(sent, List.copyOf(seen));
                } while (latencies.size() < sent.size() && System.nanoTime() < deadline);
                stream.cancel(true);
                if (latencies.size() < sent.size()) {
                    throw new IllegalStateException((sent.size() - latencies.size()) + " of " + sent.size()
                            + " " + report.noun + "s never reached the dashboard within 30 s");
                }
                List<Double> sorted = latencies.stream().sorted().toList();
                p50.add(Stats.percentile(sorted, 50));
                p99.add(Stats.percentile(sorted, 99));
                max.add(sorted.get(sorted.size() - 1));
                achieved.add(sent.size() / (double) seconds);
                failed.add((double) (total - sent.size()));
                answerP99.add(Stats.percentile(sent.stream().map(s -> (s.answeredNanos() - s.sentNanos()) / 1e6)
                        .sorted().toList(), 99));
                Bench.log(String.format("run %d: %d %ss, freshness p50 %.0f ms, p99 %.0f ms", run, sent.size(),
                        report.noun, p50.get(run - 1), p99.get(run - 1)));
            }
        }
        String noun = report.noun;
        return new Result(report.scenario, report.title.replace("{rate}", Integer.toString(rate)))
                .figure(noun + " 2xx to dashboard event p50", "ms", p50)
                .figure(noun + " 2xx to dashboard event p99", "ms", p99)
                .figure(noun + " 2xx to dashboard event max", "ms", max)
                .figure(noun + "s answered 2xx", "per s", achieved)
                .figure(noun + "s not answered within 30 s or failed", "", failed)
                .figure(noun + " request p99 (ceiling of the write path)", "ms", answerP99)
                .atMost(noun + " 2xx to dashboard event p99", 1000)
                .note("All three services, " + athleteCount + " athletes with a 12-week plan at 3 sessions a week; "
                        + noun + "s sent open-loop at a fixed rate for " + seconds + " s per run, "
                        + (report == Recording.CHECK_INS ? "each athlete once per run"
                                : "each athlete at most once every " + (athleteCount / rate) + " s")
                        + (report == Recording.COMPLETIONS ? ", with no exercise logged (so no plan adaptation)."
                                : ", two answers below the athlete's usual in every other one (so the day's session is"
                                        + " adjusted in the same transaction).")
                        + " The path measured: routine-service's transaction and outbox, the relay (polls every 0.5 s),"
                        + " Kafka, progress-service's batch ingestion, then its server-sent event to the coach's open"
                        + " dashboard.");
    }


    /** Each completion's freshness: first activity event about its athlete on the dashboard after it was sent. */
    private static List<Double> latencies(List<Sent> sent, List<Seen> seen) {
        Map<String, List<Long>> byAthlete = new ConcurrentHashMap<>();
        seen.forEach(s -> byAthlete.computeIfAbsent(s.athlete(), k -> new ArrayList<>()).add(s.nanos()));
        List<Double> latencies = new ArrayList<>();
        for (Sent s : sent) {
            for (long at : byAthlete.getOrDefault(s.athlete(), List.of())) {
                if (at >= s.sentNanos()) {
                    latencies.add(Math.max(0, at - s.answeredNanos()) / 1e6);
                    break;
                }
            }
        }
        return latencies;
    }

    private List<Sent> drive(String routine, List<String> athletes, Map<String, List<String>> sessions, int rate,
            int seconds, int run) throws Exception {
        int total = rate * seconds;
        List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        clock.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= total) {
                return;
            }
            if (n == 0) {
                Bench.log("sending " + total + " " + report.noun + "s at " + rate + "/s");
            }
            String athlete = athletes.get(n % athletes.size());
            String path;
            ObjectNode body = json.createObjectNode();
            if (report == Recording.COMPLETIONS) {
                List<String> own = sessions.get(athlete);
                // each run uses later sessions of the plan: a recorded session cannot be recorded again
                String session = own.get(((run - 1) * total / athletes.size() + n / athletes.size()) % own.size());
                path = "/sessions/" + session + "/completion";
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                body.put("startedAt", now.minusMinutes(25).toString()).put("completedAt", now.toString())
                        .put("sessionRpe", 6);
                body.putObject("pain").put("score", 1).put("area", "knee");
                body.putArray("exercises");
            } else {
                // a morning as usual, or one with poor sleep and low energy, which lightens the day's session
                path = "/check-ins";
                boolean low = n % 2 == 1;
                body.put("sleepQuality", low ? 2 : 4).put("energy", low ? 2 : 4).put("soreness", 4).put("stress", 4)
                        .put("mood", 4).put("sleepHours", low ? 5.5 : 7.5);
                body.putArray("pain");
            }
            long start = System.nanoTime();
            http.sendAsync(HttpRequest.newBuilder(URI.create(routine + "/api/v1/athletes/" + athlete + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                        if (error == null && response.statusCode() / 100 == 2) {
                            sent.add(new Sent(athlete, start, System.nanoTime()));
                        } else {
                            failures.incrementAndGet();
                            if (failures.get() <= 3) {
                                Bench.log(report.noun + " failed: " + (error != null ? error : response.statusCode() + " "
                                        + response.body()));
                            }
                        }
                        done.countDown();
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
        clock.shutdownNow();
        if (!finished || sent.isEmpty()) {
            throw new IllegalStateException(failures.get() + " of " + total + " " + report.noun + "s failed, "
                    + (total - sent.size() - failures.get()) + " did not answer");
        }
        // a rate routine-service cannot keep up with shows as completions that time out: they are counted,
        // and freshness is measured on those that were answered
        return new ArrayList<>(sent);
    }

    /** One generated plan as a template assigned to every athlete; returns each athlete's session ids. */
    private Map<String, List<String>> seed(String routine, List<String> athletes) throws Exception {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusWeeks(6).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ObjectNode profile = json.createObjectNode().put("level", "intermediate").put("sport", "running")
                .put("sessionsPerWeek", 3).put("minutesPerSession", 30).put("weeks", 12).put("startDate", start.toString());
        profile.putArray("goals").add("knee");
        profile.putArray("equipment").add("mini-band");
        JsonNode plan = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        // plans can only be generated once routine-service has read the catalog's exercises from Kafka
        while (plan == null) {
            HttpResponse<String> response = post(routine + "/api/v1/plans/generate", profile);
            if (response.statusCode() == 200 && response.body().contains("exerciseId")) {
                plan = json.readTree(response.body());
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no plan after 3 minutes: " + response.statusCode() + " " + response.body());
            } else {
                Pause.millis(500);
            }
        }
        ObjectNode template = json.createObjectNode().put("title", "Freshness benchmark");
        template.set("plan", plan);
        String templateId = json.readTree(expect(post(routine + "/api/v1/templates", template), 201)).path("id").asText();
        for (int from = 0; from < athletes.size(); from += 500) {
            ObjectNode assignment = json.createObjectNode().put("startDate", start.toString());
            ArrayNode ids = assignment.putArray("athleteIds");
            athletes.subList(from, Math.min(athletes.size(), from + 500)).forEach(ids::add);
            expect(post(routine + "/api/v1/templates/" + templateId + "/assignments", assignment), 201);
        }
        Map<String, List<String>> sessions = new ConcurrentHashMap<>();
        for (String athlete : athletes) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(routine + "/api/v1/athletes/"
                    + athlete + "/plan")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> own = new ArrayList<>();
            for (JsonNode assignment : json.readTree(expect(response, 200)).path("assignments")) {
                assignment.path("sessions").forEach(s -> own.add(s.path("sessionId").asText()));
            }
            sessions.put(athlete, own);
        }
        return sessions;
    }

    private HttpResponse<String> post(String url, JsonNode body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
