package dev.medius.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.events.Topics;
import dev.medius.reliability.MediusApi.Answer;
import dev.medius.reliability.MediusApi.Due;

/**
 * Mixed traffic at a steady rate against the launched platform: catalog reads and searches, plan
 * generation, completions recorded, dashboard and athlete progress reads, ten requests a second for
 * {@code medius.load.duration} (60 s by default; {@code -Dmedius.load.duration=PT10M} for the full
 * run). No request may fail, each service's heap (read from {@code /q/metrics}) stays below its
 * maximum, and progress-service's consumer lag (group offsets against end offsets, sampled every five
 * seconds) stays bounded and drains once the traffic stops.
 */
class LoadTest {

    private static final Duration DURATION = Duration.parse(System.getProperty("medius.load.duration", "PT60S"));
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
    /** Completions arrive once a second, so the lag a sample sees is a few events unless ingestion falls behind. */
    private static final long LAG_BOUND = 50;
    /** A heap that nears its maximum is one collection away from failing. */
    private static final double HEAP_BOUND = 0.9;
    private static final List<String> SERVICES = List.of("catalog", "routine", "progress");
    private static final Pattern HEAP_LINE = Pattern.compile(
            "^jvm_memory_(used|max)_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+(\\S+)", Pattern.MULTILINE);

    private static Platform platform;
    private static MediusApi api;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start("load", false);
        platform.launch("catalog", "routine", "progress");
        api = new MediusApi(platform, MediusApi.newTenant("load"));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /** One sample of the platform's state: heap used and maximum per service, and the consumer lag. */
    private record Sample(long second, Map<String, long[]> heap, long lag) {
    }

    @Test
    void steadyMixedTrafficWithoutFailuresWithBoundedHeapAndLag() throws Exception {
        // enough scheduled sessions for one completion a second for the whole run
        int completions = (int) DURATION.toSeconds() + 10;
        Queue<Due> due = new ConcurrentLinkedQueue<>(api.assignSessions("load", completions / 20 + 1, 4, 5));
        await("progress-service knows the athletes").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("progress", "/api/v1/athletes/load-athlete-0/progress?weeks=4").status() == 200);

        // ten requests a second, in this proportion
        List<Map.Entry<String, Supplier<Answer>>> mix = List.of(
                Map.entry("catalog list", () -> api.get("catalog", "/api/v1/exercises?size=20")),
                Map.entry("dashboard", () -> api.get("progress", "/api/v1/dashboard")),
                Map.entry("catalog search", () -> api.get("catalog", "/api/v1/exercises?q=bridge")),
                Map.entry("plan generation", () -> api.post("routine", "/api/v1/plans/generate", profile())),
                Map.entry("catalog list", () -> api.get("catalog", "/api/v1/exercises?size=20")),
                Map.entry("completion", () -> api.complete(due.remove())),
                Map.entry("dashboard", () -> api.get("progress", "/api/v1/dashboard")),
                Map.entry("athlete progress", () -> api.get("progress", "/api/v1/athletes/load-athlete-0/progress?weeks=4")),
                Map.entry("catalog list", () -> api.get("catalog", "/api/v1/exercises?size=20")),
                Map.entry("athlete plan", () -> api.get("routine", "/api/v1/athletes/load-athlete-0/plan")));

        Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicLong slowest = new AtomicLong();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ticks = new AtomicInteger();
        long ticksWanted = DURATION.toMillis() / TICK.toMillis();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        long started = System.nanoTime();
        try {
            pacer.scheduleAtFixedRate(() -> {
                int tick = ticks.getAndIncrement();
                if (tick >= ticksWanted) {
                    return;
                }
                Map.Entry<String, Supplier<Answer>> request = mix.get(tick % mix.size());
                workers.submit(() -> {
                    long sent = System.nanoTime();
                    try {
                        Answer answer = request.getValue().get();
                        if (answer.status() >= 400) {
                            failures.add(request.getKey() + ": " + answer.status() + " " + answer.body());
                        }
                    } catch (RuntimeException e) {
                        failures.add(request.getKey() + ": " + e);
                    }
                    slowest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent), Math::max);
                    answered.computeIfAbsent(request.getKey(), k -> new AtomicInteger()).incrementAndGet();
                });
            }, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
            pacer.scheduleAtFixedRate(() -> {
                try {
                    samples.add(sample(started));
                } catch (RuntimeException | AssertionError e) {
                    failures.add("sample: " + e);
                }
            }, SAMPLE_EVERY.toMillis(), SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);

            await("the traffic ran for " + DURATION).atMost(DURATION.plusMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ticks.get() >= ticksWanted);
        } finally {
            // no new ticks or samples; what is in flight finishes (an interrupted sample would look like a failure)
            pacer.shutdown();
            workers.shutdown();
        }
        assertThat(pacer.awaitTermination(1, TimeUnit.MINUTES)).as("sample in flight finished").isTrue();
        assertThat(workers.awaitTermination(2, TimeUnit.MINUTES)).as("requests in flight finished").isTrue();
        await("progress-service caught up with the completions").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> platform.lag(Platform.PROGRESS_GROUP, List.of(Topics.ROUTINE_SESSIONS, Topics.ROUTINE_PLANS)) == 0);

        int total = answered.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("load: %s, %d requests %s, slowest %d ms, failures %d%n", DURATION, total,
                new TreeMap<>(answered), slowest.get(), failures.size());
        synchronized (samples) {
            samples.forEach(s -> System.out.printf("load sample at %3d s: lag %d, heap MiB %s%n", s.second(), s.lag(),
                    heapSummary(s)));
        }

        assertThat(failures).as("failed requests and samples").isEmpty();
        assertThat((long) total).as("requests answered").isEqualTo(ticksWanted);
        assertThat(samples).as("samples").hasSizeGreaterThanOrEqualTo((int) (DURATION.toSeconds() / SAMPLE_EVERY.toSeconds()) - 2);
        assertThat(samples).allSatisfy(sample -> {
            assertThat(sample.lag()).as("consumer lag at %d s", sample.second()).isLessThanOrEqualTo(LAG_BOUND);
            sample.heap().forEach((service, heap) -> assertThat((double) heap[0])
                    .as("%s-service heap used at %d s", service, sample.second()).isLessThan(HEAP_BOUND * heap[1]));
        });
    }

    private static ObjectNode profile() {
        ObjectNode profile = MediusApi.JSON.createObjectNode().put("level", "beginner").put("sport", "general")
                .put("sessionsPerWeek", 3).put("minutesPerSession", 20).put("weeks", 4)
                .put("startDate", LocalDate.now(ZoneOffset.UTC).toString());
        profile.putArray("equipment").add("mini-band");
        profile.putArray("exclusions");
        return profile;
    }

    private static Sample sample(long started) {
        Map<String, long[]> heap = new TreeMap<>();
        for (String service : SERVICES) {
            Answer metrics = api.metrics(service);
            long used = 0;
            long max = 0;
            Matcher line = HEAP_LINE.matcher(metrics.body());
            while (line.find()) {
                long value = (long) Double.parseDouble(line.group(2));
                if ("used".equals(line.group(1))) {
                    used += value;
                } else if (value > 0) {
                    max += value;
                }
            }
            assertThat(max).as("%s-service heap maximum in /q/metrics (%d)", service, metrics.status()).isPositive();
            heap.put(service, new long[] {used, max});
        }
        long lag = platform.lag(Platform.PROGRESS_GROUP, List.of(Topics.ROUTINE_SESSIONS, Topics.ROUTINE_PLANS));
        return new Sample(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), heap, lag);
    }

    private static String heapSummary(Sample sample) {
        StringBuilder summary = new StringBuilder();
        sample.heap().forEach((service, heap) -> summary.append(service).append(' ').append(heap[0] >> 20).append('/')
                .append(heap[1] >> 20).append(' '));
        return summary.toString().trim();
    }
}
