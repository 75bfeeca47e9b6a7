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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.medius.devkit.security.DevTokens;

/**
 * The demo organisations of a first run, created through the services' public APIs so that the dashboard opened
 * from the printed URL is full and moving: a club with two coaches and a head coach and an academy with one coach,
 * named athletes in teams with varied profiles and plans, weeks of recorded history (some missed sessions, a few pain
 * reports) and a slow live trickle of completions.
 * <p>
 * Seeding can be interrupted at any point and started again: each step first looks for what an earlier run created
 * (a template by its title, an athlete's assignment by its template, a session's record by its status), recording
 * uses an Idempotency-Key derived from the session, a profile sent again changes nothing, and every athlete's choices
 * come from a random source of their own, so a second run makes the same decisions the first would have and
 * duplicates nothing.
 */
final class DemoOrganisation implements AutoCloseable {

    static final String CLUB = "demo-club";
    static final String ACADEMY = "harbour-academy";
    static final String COACH = "demo-coach";
    static final String SECOND_COACH = "demo-coach-2";
    static final String ACADEMY_COACH = "harbour-coach";
    /** Sees and acts for every athlete of the club; a coach too. */
    static final String HEAD_COACH = "demo-head-coach";

    /** Who a development token is for, with their roles. */
    record Person(String tenant, String subject, List<String> roles) {

        Person(String tenant, String subject, String role) {
            this(tenant, subject, List.of(role));
        }
    }

    /** A group of athletes who share a plan: who they are and how they tend to train. */
    record Group(String tenant, String coach, String team, String name, ObjectNode profile, List<String> athletes,
            double adherence, String painArea) {
    }

    /** One athlete's habits: how reliably they train and what goes wrong. */
    record Habit(double adherence, boolean slipping, boolean painful, boolean risingPain, boolean overreaching,
            String painArea) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String routine;
    private final LocalDate start;
    private final LocalDate today;
    private final boolean withHistory;
    private final Random random = new Random(20261126L);
    private final List<Athlete> athletes = new ArrayList<>();
    private ScheduledExecutorService trickle;

    private record Athlete(String id, Group group, Habit habit) {
        String token() {
            return DevTokens.mint(group.coach(), group.tenant(), "coach");
        }
    }

    DemoOrganisation(String routineUrl, LocalDate start, LocalDate today, boolean withHistory) {
        this.routine = routineUrl;
        this.start = start;
        this.today = today;
        this.withHistory = withHistory;
    }

    /** The Monday five weeks before {@code today}: plans starting then have weeks of history by today. */
    static LocalDate startFor(LocalDate today) {
        return today.minusWeeks(5).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The development tokens to write, by variable name: every role of each organisation. */
    static Map<String, Person> people() {
        Map<String, Person> people = new LinkedHashMap<>();
        for (String tenant : List.of(CLUB, ACADEMY)) {
            String prefix = "MEDIUS_" + tenant.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_";
            String subjects = tenant.substring(0, tenant.indexOf('-'));
            people.put(prefix + "ADMIN_TOKEN", new Person(tenant, subjects + "-admin", "admin"));
            people.put(prefix + "EDITOR_TOKEN", new Person(tenant, subjects + "-editor", "editor"));
            if (CLUB.equals(tenant)) {
                people.put(prefix + "HEAD_COACH_TOKEN", new Person(tenant, HEAD_COACH, List.of("head-coach", "coach")));
            }
            List<String> coaches = groups().stream().filter(g -> g.tenant().equals(tenant)).map(Group::coach).distinct()
                    .toList();
            for (int i = 0; i < coaches.size(); i++) {
                people.put(prefix + "COACH" + (i == 0 ? "" : "_" + (i + 1)) + "_TOKEN", new Person(tenant, coaches.get(i), "coach"));
            }
            String athlete = groups().stream().filter(g -> g.tenant().equals(tenant)).findFirst().orElseThrow().athletes().get(0);
            people.put(prefix + "ATHLETE_TOKEN", new Person(tenant, athlete, "athlete"));
        }
        return people;
    }

    /** One line for the banner: who the demo holds. */
    static String summary() {
        return groups().stream().collect(Collectors.groupingBy(Group::tenant, LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream().map(org -> org.getKey() + ": " + org.getValue().stream()
                        .collect(Collectors.groupingBy(Group::coach, LinkedHashMap::new,
                                Collectors.summingInt(g -> g.athletes().size())))
                        .entrySet().stream().map(c -> c.getKey() + " (" + c.getValue() + " athletes)")
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /** Creates what is missing of the templates, assignments and history; returns how many sessions were recorded. */
    int seed() throws IOException, InterruptedException {
        awaitCatalogReadModel();
        int recorded = 0;
        for (Group group : groups()) {
            String token = DevTokens.mint(group.coach(), group.tenant(), "coach");
            String template = template(group, token);
            List<String> unassigned = new ArrayList<>();
            for (String athlete : group.athletes()) {
                if (!assignedFrom(athlete, template, token)) {
                    unassigned.add(athlete);
                }
            }
            if (!unassigned.isEmpty()) {
                ObjectNode assignment = JSON.createObjectNode().put("teamId", group.team()).put("startDate", start.toString());
                ArrayNode athleteIds = assignment.putArray("athleteIds");
                unassigned.forEach(athleteIds::add);
                post("/api/v1/templates/" + template + "/assignments", token, assignment, null, 201);
            }
            nameAthletes(group, token);
            for (String id : group.athletes()) {
                Athlete athlete = new Athlete(id, group, habitFor(id, group));
                athletes.add(athlete);
                recorded += withHistory ? recordHistory(athlete) + recordMorning(athlete) : 0;
            }
            LocalPlatform.log("demo: " + group.tenant() + " / " + group.team() + " (" + group.name() + ") ready");
        }
        return recorded;
    }

    /**
     * After a completed seeding: knows the athletes, and gives them their profiles if a seeding from before athletes
     * had profiles left them without; an athlete who has theirs keeps it unchanged.
     */
    void resume() throws IOException, InterruptedException {
        for (Group group : groups()) {
            group.athletes().forEach(id -> athletes.add(new Athlete(id, group, habitFor(id, group))));
            nameAthletes(group, DevTokens.mint(group.coach(), group.tenant(), "coach"));
        }
    }

    /** Their coach gives each athlete of the group a name, the team and its sport; after the assignment, as theirs. */
    private void nameAthletes(Group group, String token) throws IOException, InterruptedException {
        for (String athlete : group.athletes()) {
            String path = "/api/v1/athletes/" + athlete + "/profile";
            expect(send(HttpRequest.newBuilder(URI.create(routine + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(DemoProfiles.of(athlete, group))))),
                    path, 200);
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
                JsonNode due = firstOpenSession(athlete, LocalDate.now());
                if (due != null) {
                    complete(athlete, due, OffsetDateTime.now(ZoneOffset.UTC), false, random);
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

    static List<Group> groups() {
        return List.of(
                new Group(CLUB, COACH, "hip-health", "Desk-bound beginners: hip activation with a mini band",
                        profile("beginner", "desk-bound", List.of("glute-activation", "knee"), List.of("mini-band"), 3, 20,
                                "knee"),
                        List.of("lucia-moreno", "david-ortega", "sara-jimenez", "pablo-navarro", "elena-castro"), 0.8, "knee"),
                new Group(CLUB, COACH, "road-runners", "Runners: knee-friendly hip stability",
                        profile("intermediate", "running", List.of("patellofemoral", "knee"), List.of("mini-band", "dumbbell"),
                                3, 30, null),
                        List.of("maria-lopez", "javier-ruiz", "carmen-diaz", "alberto-gil", "laura-romero"), 0.85, "knee"),
                new Group(CLUB, COACH, "first-team", "Soccer: ACL injury prevention",
                        profile("intermediate", "soccer", List.of("knee", "ankle"), List.of("mini-band", "long-band"), 3, 30,
                                null),
                        List.of("hugo-serrano", "ines-molina", "marcos-delgado", "paula-ortiz", "ivan-rubio"), 0.75, "knee"),
                new Group(CLUB, COACH, "fitness-class", "General fitness: bodyweight foundations",
                        profile("beginner", "general", List.of("low-back", "glute-activation"), List.of(), 2, 20, null),
                        List.of("ana-torres", "raul-vega", "lola-ramos", "diego-herrera", "nuria-medina"), 0.7, "low-back"),
                new Group(CLUB, SECOND_COACH, "riders", "Cyclists: strength block",
                        profile("advanced", "cycling", List.of("knee", "low-back"),
                                List.of("dumbbell", "kettlebell", "bench", "mini-band"), 3, 40, null),
                        List.of("tom-hughes", "emma-clarke", "oliver-reid", "grace-wong"), 0.85, "low-back"),
                new Group(CLUB, SECOND_COACH, "trail", "Trail runners: ankle resilience",
                        profile("intermediate", "running", List.of("ankle"), List.of("mini-band", "step"), 3, 25, "ankle"),
                        List.of("liam-murphy", "chloe-evans", "noah-patel", "zoe-martin"), 0.8, "ankle"),
                new Group(ACADEMY, ACADEMY_COACH, "sprinters", "Sprinters: hamstring and hip strength",
                        profile("intermediate", "running", List.of("hamstring", "hip"), List.of("mini-band", "long-band"), 3,
                                30, null),
                        List.of("amara-okafor", "ben-carter", "jade-li"), 0.9, "hip"),
                new Group(ACADEMY, ACADEMY_COACH, "jumpers", "Jumpers: landing control",
                        profile("beginner", "general", List.of("knee", "ankle"), List.of("mini-band", "step"), 2, 25, null),
                        List.of("kofi-mensah", "ella-fraser", "sam-rossi"), 0.8, "ankle"));
    }

    private static ObjectNode profile(String level, String sport, List<String> goals, List<String> equipment, int perWeek,
            int minutes, String settledPain) {
        ObjectNode profile = JSON.createObjectNode().put("level", level).put("sport", sport)
                .put("sessionsPerWeek", perWeek).put("minutesPerSession", minutes).put("weeks", 10);
        goals.forEach(profile.putArray("goals")::add);
        equipment.forEach(profile.putArray("equipment")::add);
        ArrayNode pain = profile.putArray("pain");
        if (settledPain != null) {
            pain.addObject().put("area", settledPain).put("severity", 2).put("onset", "history");
        }
        profile.putArray("exclusions");
        return profile;
    }

    /** An athlete's habits, the same on every run: drawn from a random source of their own. */
    private static Habit habitFor(String athlete, Group group) {
        Random own = new Random(athlete.hashCode());
        double roll = own.nextDouble();
        double adherence = Math.min(0.98, Math.max(0.45, group.adherence() + (own.nextGaussian() * 0.12)));
        return new Habit(adherence, roll < 0.12, roll >= 0.12 && roll < 0.2, roll >= 0.2 && roll < 0.26,
                roll >= 0.26 && roll < 0.3, group.painArea());
    }

    /** The template of this group, created by an earlier run or now. */
    private String template(Group group, String token) throws IOException, InterruptedException {
        for (JsonNode existing : get("/api/v1/templates", token)) {
            if (group.name().equals(existing.path("title").asText())) {
                return existing.path("id").asText();
            }
        }
        ObjectNode profile = group.profile().deepCopy().put("startDate", start.toString());
        JsonNode plan = post("/api/v1/plans/generate", token, profile, null, 200);
        ObjectNode template = JSON.createObjectNode().put("title", group.name());
        template.set("plan", plan);
        return post("/api/v1/templates", token, template, null, 201).path("id").asText();
    }

    private boolean assignedFrom(String athlete, String template, String token) throws IOException, InterruptedException {
        String path = "/api/v1/athletes/" + athlete + "/plan";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(routine + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET());
        // an athlete with no plan yet, or none from this coach, is not found
        if (response.statusCode() == 404) {
            return false;
        }
        expect(response, path, 200);
        for (JsonNode assignment : JSON.readTree(response.body()).path("assignments")) {
            if (template.equals(assignment.path("templateId").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * This morning's check-in, which adjusts the day's session, and a hip abduction test two weeks back, each once:
     * most athletes slept well; a tired one gets a lighter session; one with a sore area has what loads it swapped.
     */
    private int recordMorning(Athlete athlete) throws IOException, InterruptedException {
        Random morning = new Random(Objects.hash(athlete.id(), today.toString(), "morning"));
        boolean tired = morning.nextDouble() < 0.25;
        boolean sore = !tired && athlete.habit().painArea() != null && morning.nextDouble() < 0.3;
        ObjectNode answers = JSON.createObjectNode().put("date", today.toString()).put("sleepQuality", tired ? 2 : 4)
                .put("energy", tired ? 2 : 4).put("soreness", sore ? 3 : 4).put("stress", 3 + morning.nextInt(2))
                .put("mood", 4).put("sleepHours", tired ? 5.5 : 7.5);
        ArrayNode pain = answers.putArray("pain");
        if (sore) {
            pain.addObject().put("area", athlete.habit().painArea()).put("score", 3);
        }
        String athleteToken = DevTokens.mint(athlete.id(), athlete.group().tenant(), "athlete");
        post("/api/v1/athletes/" + athlete.id() + "/check-ins", athleteToken, answers,
                "demo-check-in-" + athlete.id() + "-" + today, 201);
        double mass = 55 + morning.nextInt(30);
        ObjectNode test = JSON.createObjectNode().put("kind", "hip-abduction")
                .put("testedOn", today.minusDays(14).toString()).put("pain", sore ? 2 : 0);
        test.putObject("hipAbduction").put("leftNewtons", 180 + morning.nextInt(120))
                .put("rightNewtons", 180 + morning.nextInt(120)).put("leverArmMetres", 0.32).put("bodyMassKg", mass);
        post("/api/v1/athletes/" + athlete.id() + "/tests", athlete.token(), test, "demo-test-" + athlete.id(), 201);
        return 2;
    }

    /**
     * Records every session due before today the way this athlete would have: done, skipped or missed. A session an
     * earlier run recorded is left as it is; the others are decided by a random source of the athlete and the day.
     */
    private int recordHistory(Athlete athlete) throws IOException, InterruptedException {
        int recorded = 0;
        for (JsonNode session : sessions(athlete)) {
            LocalDate date = LocalDate.parse(session.path("date").asText());
            if (!date.isBefore(today) || !"scheduled".equalsIgnoreCase(session.path("status").asText())) {
                continue;
            }
            Random day = new Random(Objects.hash(athlete.id(), date.toString()));
            boolean lastTwoWeeks = date.isAfter(today.minusDays(14));
            double chance = athlete.habit().slipping() && lastTwoWeeks ? 0.2 : athlete.habit().adherence();
            String sessionId = session.path("sessionId").asText();
            if (day.nextDouble() < chance) {
                OffsetDateTime at = date.atTime(17 + day.nextInt(4), day.nextInt(60)).atOffset(ZoneOffset.UTC);
                // what was logged before adapts what comes next: read the session as it stands now
                JsonNode current = session(athlete, sessionId);
                complete(athlete, current == null ? session : current, at, lastTwoWeeks, day);
                recorded++;
            } else if (day.nextDouble() < 0.4) {
                ObjectNode skip = JSON.createObjectNode().put("reason",
                        List.of("work ran late", "felt unwell", "travelling", "exam week").get(day.nextInt(4)));
                post("/api/v1/athletes/" + athlete.id() + "/sessions/" + sessionId + "/skip", athlete.token(), skip,
                        "demo-skip-" + sessionId, 200, 201);
                recorded++;
            }
        }
        return recorded;
    }

    private void complete(Athlete athlete, JsonNode session, OffsetDateTime completedAt, boolean recent, Random random)
            throws IOException, InterruptedException {
        Habit habit = athlete.habit();
        int pain = random.nextDouble() < 0.15 ? 1 + random.nextInt(2) : 0;
        if (habit.painful() && recent) {
            pain = 6 + random.nextInt(3);
        } else if (habit.risingPain() && recent) {
            pain = 3 + (int) Math.min(4, Math.max(0, 14 - (today.toEpochDay() - completedAt.toLocalDate().toEpochDay())) / 3);
        }
        double sessionRpe = habit.overreaching() && recent ? 9 + random.nextInt(2) * 0.5 : 5 + random.nextInt(3);
        ObjectNode body = JSON.createObjectNode();
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
        String sessionId = session.path("sessionId").asText();
        post("/api/v1/athletes/" + athlete.id() + "/sessions/" + sessionId + "/completion", athlete.token(), body,
                "demo-completion-" + sessionId, 200, 201);
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
        JsonNode plan = get("/api/v1/athletes/" + athlete.id() + "/plan", athlete.token());
        List<JsonNode> sessions = new ArrayList<>();
        for (JsonNode assignment : plan.path("assignments")) {
            assignment.path("sessions").forEach(sessions::add);
        }
        return sessions;
    }

    /** Plans can only be generated once routine-service has read the catalog's exercises. */
    private void awaitCatalogReadModel() throws IOException, InterruptedException {
        ObjectNode probe = profile("beginner", "general", List.of(), List.of("mini-band"), 2, 20, null)
                .put("startDate", today.toString()).put("weeks", 1);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(routine + "/api/v1/plans/generate"))
                    .header("Authorization", "Bearer " + DevTokens.mint(COACH, CLUB, "coach"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(probe))));
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
        return JSON.readTree(response.body());
    }

    /** Posts, with an Idempotency-Key where the endpoint takes one: a retry of a recording then records it once. */
    private JsonNode post(String path, String token, JsonNode body, String idempotencyKey, int... accepted)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(routine + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = send(request);
        expect(response, path, accepted);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
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
