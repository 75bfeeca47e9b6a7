package dev.medius.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.medius.devkit.security.DevTokens;

/**
 * A demo organisation for a first run: two coaches, a squad of athletes with varied profiles and
 * assigned plans, weeks of recorded history (some missed sessions, a few pain reports) and a slow
 * live trickle of completions, all through the services' public APIs, so the dashboard opened from
 * the printed URL is full and moving.
 */
final class DemoOrganisation implements AutoCloseable {

    static final String COACH = "demo-coach";
    static final String SECOND_COACH = "demo-coach-2";

    /** A group of athletes who share a plan: who they are and how they tend to train. */
    record Group(String coach, String team, String name, ObjectNode profile, int athletes, double adherence,
            String painArea) {
    }

    /** One athlete's habits: how reliably they train and what goes wrong. */
    record Habit(double adherence, boolean slipping, boolean painful, boolean risingPain, boolean overreaching,
            String painArea) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String routine;
    private final LocalDate today;
    private final Random random = new Random(20261126L);
    private final Map<String, String> tokens;
    private final List<Athlete> athletes = new ArrayList<>();
    private ScheduledExecutorService trickle;
    private boolean withHistory = true;

    private record Athlete(String id, String coach, Habit habit) {
    }

    DemoOrganisation(String routineUrl, String tenant, LocalDate today) {
        this.routine = routineUrl;
        this.today = today;
        this.tokens = Map.of(
                COACH, DevTokens.mint(COACH, tenant, "coach"),
                SECOND_COACH, DevTokens.mint(SECOND_COACH, tenant, "coach"));
    }

    /** Creates the plans and assignments only. */
    int seedWithoutHistory() throws IOException, InterruptedException {
        withHistory = false;
        return seed();
    }

    /** Creates the plans, assignments and history; returns how many sessions were recorded. */
    int seed() throws IOException, InterruptedException {
        awaitCatalogReadModel();
        LocalDate start = today.minusWeeks(5).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int recorded = 0;
        int athleteNumber = 1;
        for (Group group : groups()) {
            String coachToken = tokens.get(group.coach());
            ObjectNode profile = group.profile().deepCopy().put("startDate", start.toString());
            JsonNode plan = post("/api/v1/plans/generate", coachToken, profile, 200);
            ObjectNode template = json.createObjectNode().put("title", group.name());
            template.set("plan", plan);
            JsonNode created = post("/api/v1/templates", coachToken, template, 201);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < group.athletes(); i++) {
                ids.add(String.format("athlete-%02d", athleteNumber++));
            }
            ObjectNode assignment = json.createObjectNode().put("teamId", group.team()).put("startDate", start.toString());
            ArrayNode athleteIds = assignment.putArray("athleteIds");
            ids.forEach(athleteIds::add);
            JsonNode assigned = post("/api/v1/templates/" + created.path("id").asText() + "/assignments", coachToken,
                    assignment, 201);
            for (JsonNode one : assigned) {
                Athlete athlete = new Athlete(one.path("athleteId").asText(), group.coach(), habitFor(group));
                athletes.add(athlete);
                recorded += withHistory ? recordHistory(athlete, coachToken) : 0;
            }
        }
        return recorded;
    }

    /** After a restart: knows the athletes the first run created, without creating anything. */
    void resume() {
        int athleteNumber = 1;
        for (Group group : groups()) {
            for (int i = 0; i < group.athletes(); i++) {
                athletes.add(new Athlete(String.format("athlete-%02d", athleteNumber++), group.coach(), habitFor(group)));
            }
        }
    }

    /** Starts recording a completion every {@code period}: athletes training today or catching up. */
    void startTrickle(Duration period) {
        trickle = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-trickle");
            thread.setDaemon(true);
            return thread;
        });
        trickle.scheduleWithFixedDelay(() -> {
            try {
                Athlete athlete = athletes.get(random.nextInt(athletes.size()));
                JsonNode due = firstOpenSession(athlete, today);
                if (due != null) {
                    complete(athlete, tokens.get(athlete.coach()), due, OffsetDateTime.now(ZoneOffset.UTC), false);
                }
            } catch (Exception e) {
                LocalPlatform.log("demo: a live completion failed: " + e.getMessage());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (trickle != null) {
            trickle.shutdownNow();
        }
    }

    private List<Group> groups() {
        return List.of(
                new Group(COACH, "demo-squad", "Desk-bound beginners: hip activation with a mini band",
                        profile("beginner", "desk-bound", List.of("glute-activation", "knee"), List.of("mini-band"), 3, 20,
                                List.of("knee")), 5, 0.8, "knee"),
                new Group(COACH, "demo-squad", "Runners: knee-friendly hip stability",
                        profile("intermediate", "running", List.of("patellofemoral", "knee"), List.of("mini-band", "dumbbell"),
                                3, 30, List.of()), 5, 0.85, "knee"),
                new Group(COACH, "demo-squad", "Soccer: ACL injury prevention",
                        profile("intermediate", "soccer", List.of("knee", "ankle"), List.of("mini-band", "long-band"), 3, 30,
                                List.of()), 5, 0.75, "knee"),
                new Group(COACH, "demo-squad", "General fitness: bodyweight foundations",
                        profile("beginner", "general", List.of("low-back", "glute-activation"), List.of(), 2, 20, List.of()),
                        5, 0.7, "low-back"),
                new Group(SECOND_COACH, "demo-riders", "Cyclists: strength block",
                        profile("advanced", "cycling", List.of("knee", "low-back"), List.of("dumbbell", "kettlebell", "bench",
                                "mini-band"), 3, 40, List.of()), 4, 0.85, "low-back"),
                new Group(SECOND_COACH, "demo-riders", "Trail runners: ankle resilience",
                        profile("intermediate", "running", List.of("ankle"), List.of("mini-band", "step"), 3, 25,
                                List.of("ankle")), 4, 0.8, "ankle"));
    }

    private ObjectNode profile(String level, String sport, List<String> goals, List<String> equipment, int perWeek,
            int minutes, List<String> painAreas) {
        ObjectNode profile = json.createObjectNode().put("level", level).put("sport", sport)
                .put("sessionsPerWeek", perWeek).put("minutesPerSession", minutes).put("weeks", 10);
        goals.forEach(profile.putArray("goals")::add);
        equipment.forEach(profile.putArray("equipment")::add);
        painAreas.forEach(profile.putArray("painAreas")::add);
        profile.putArray("exclusions");
        return profile;
    }

    private Habit habitFor(Group group) {
        double roll = random.nextDouble();
        double adherence = Math.min(0.98, Math.max(0.45, group.adherence() + (random.nextGaussian() * 0.12)));
        return new Habit(adherence, roll < 0.12, roll >= 0.12 && roll < 0.2, roll >= 0.2 && roll < 0.26,
                roll >= 0.26 && roll < 0.3, group.painArea());
    }

    /** Records every session due before today the way this athlete would have: done, skipped or missed. */
    private int recordHistory(Athlete athlete, String coachToken) throws IOException, InterruptedException {
        int recorded = 0;
        for (JsonNode session : sessions(athlete)) {
            LocalDate date = LocalDate.parse(session.path("date").asText());
            if (!date.isBefore(today)) {
                continue;
            }
            boolean lastTwoWeeks = date.isAfter(today.minusDays(14));
            double chance = athlete.habit().slipping() && lastTwoWeeks ? 0.2 : athlete.habit().adherence();
            if (random.nextDouble() < chance) {
                OffsetDateTime at = date.atTime(17 + random.nextInt(4), random.nextInt(60)).atOffset(ZoneOffset.UTC);
                // what was logged before adapts what comes next: read the session as it stands now
                JsonNode current = session(athlete, session.path("sessionId").asText());
                complete(athlete, coachToken, current == null ? session : current, at, lastTwoWeeks);
                recorded++;
            } else if (random.nextDouble() < 0.4) {
                ObjectNode skip = json.createObjectNode().put("reason",
                        List.of("work ran late", "felt unwell", "travelling", "exam week").get(random.nextInt(4)));
                post("/api/v1/athletes/" + athlete.id() + "/sessions/" + session.path("sessionId").asText() + "/skip",
                        coachToken, skip, 200, 201);
                recorded++;
            }
        }
        return recorded;
    }

    private void complete(Athlete athlete, String token, JsonNode session, OffsetDateTime completedAt, boolean recent)
            throws IOException, InterruptedException {
        Habit habit = athlete.habit();
        int pain = random.nextDouble() < 0.15 ? 1 + random.nextInt(2) : 0;
        if (habit.painful() && recent) {
            pain = 6 + random.nextInt(3);
        } else if (habit.risingPain() && recent) {
            pain = 3 + (int) Math.min(4, Math.max(0, 14 - (OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toEpochDay()
                    - completedAt.toLocalDate().toEpochDay())) / 3);
        }
        double sessionRpe = habit.overreaching() && recent ? 9 + random.nextInt(2) * 0.5 : 5 + random.nextInt(3);
        ObjectNode body = json.createObjectNode();
        body.put("startedAt", completedAt.minusMinutes(25).toString());
        body.put("completedAt", completedAt.toString());
        body.put("durationMinutes", 18 + random.nextInt(20));
        body.put("sessionRpe", sessionRpe);
        ObjectNode painReport = body.putObject("pain").put("score", pain);
        if (pain > 0) {
            // the sore spot an athlete reports is mostly the same one
            painReport.put("area", random.nextDouble() < 0.8 ? habit.painArea()
                    : List.of("knee", "hip", "low-back", "ankle").get(random.nextInt(4)));
        }
        ArrayNode exercises = body.putArray("exercises");
        for (JsonNode block : session.path("blocks")) {
            for (JsonNode item : block.path("items")) {
                ObjectNode done = exercises.addObject().put("exerciseId", item.path("exerciseId").asText());
                ArrayNode sets = done.putArray("sets");
                int target = item.path("targetReps").isNumber() ? item.path("targetReps").asInt()
                        : item.path("repsMax").asInt(10);
                for (int set = 0; set < item.path("sets").asInt(1); set++) {
                    for (String side : item.path("perSide").asBoolean() ? List.of("left", "right") : List.of("both")) {
                        ObjectNode performed = sets.addObject().put("side", side).put("rpe", Math.min(10, sessionRpe));
                        if (item.path("holdSeconds").isNumber()) {
                            performed.put("holdSeconds", Math.max(5, item.path("holdSeconds").asInt() - random.nextInt(6)));
                        } else {
                            performed.put("reps", Math.max(1, target - random.nextInt(3)));
                        }
                    }
                }
                done.put("skipped", false);
            }
        }
        post("/api/v1/athletes/" + athlete.id() + "/sessions/" + session.path("sessionId").asText() + "/completion",
                token, body, 200, 201);
    }

    private JsonNode firstOpenSession(Athlete athlete, LocalDate until) throws IOException, InterruptedException {
        for (JsonNode session : sessions(athlete)) {
            if (!LocalDate.parse(session.path("date").asText()).isAfter(until)
                    && "scheduled".equalsIgnoreCase(session.path("status").asText())) {
                return session;
            }
        }
        return null;
    }

    private JsonNode session(Athlete athlete, String sessionId) throws IOException, InterruptedException {
        for (JsonNode session : sessions(athlete)) {
            if (sessionId.equals(session.path("sessionId").asText())) {
                return session;
            }
        }
        return null;
    }

    private List<JsonNode> sessions(Athlete athlete) throws IOException, InterruptedException {
        JsonNode plan = get("/api/v1/athletes/" + athlete.id() + "/plan", tokens.get(athlete.coach()));
        List<JsonNode> sessions = new ArrayList<>();
        for (JsonNode assignment : plan.path("assignments")) {
            assignment.path("sessions").forEach(sessions::add);
        }
        return sessions;
    }

    /** Plans can only be generated once routine-service has read the catalog's exercises. */
    private void awaitCatalogReadModel() throws IOException, InterruptedException {
        ObjectNode probe = profile("beginner", "general", List.of(), List.of("mini-band"), 2, 20, List.of())
                .put("startDate", today.toString()).put("weeks", 1);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(routine + "/api/v1/plans/generate"))
                    .header("Authorization", "Bearer " + tokens.get(COACH)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(probe))));
            if (response.statusCode() == 200 && response.body().contains("exerciseId")) {
                return;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException("routine-service has no exercises from the catalog after 3 minutes");
    }

    private JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(routine + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET());
        expect(response, path, 200);
        return json.readTree(response.body());
    }

    private JsonNode post(String path, String token, JsonNode body, int... accepted)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(routine + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        expect(response, path, accepted);
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, String path, int... accepted) {
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
}
