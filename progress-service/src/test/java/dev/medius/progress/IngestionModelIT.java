package dev.medius.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.quarkus.MediusTestInfrastructure;
import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Random streams of plan and session events, from outside platforms in both CloudEvents modes, go through the real
 * broker; what progress-service ends with must equal what a small model of docs/events.md's rules ("What
 * progress-service applies") says, and every record must be counted once as applied, duplicate or dead-lettered.
 * <p>
 * The stream comes in rounds: within a round the records go out at once, on whatever partitions their keys give,
 * so they arrive in any order; the rules promise the same result whatever that order. Records whose outcome the
 * rules let depend on order (the second use of an identity, a session taken by another athlete) only refer to what
 * an earlier round settled.
 */
@QuarkusTest
class IngestionModelIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-06-17T12:00:00Z");
    static final Duration SKEW = Duration.ofMinutes(15);
    static final List<String> SOURCES = List.of("/acme/app", "/beta/app");
    static final List<String> SLUGS = List.of("side-plank", "lateral-band-walk", "clamshell");
    static final Duration WAIT = Duration.ofSeconds(90);

    static KafkaProducer<String, byte[]> producer;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                MediusTestInfrastructure.broker().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close(Duration.ofSeconds(5));
    }

    // ---------------------------------------------------------------- the model

    enum Outcome {
        APPLIED, DUPLICATE, CONTRACT, FUTURE, ORGANISATION, CONFLICT
    }

    /** One record as sent: the event, and how it travels. */
    record Sent(Event event, boolean structured, String key, boolean dropSubject) {
    }

    /** A CloudEvent as an outside platform writes it. */
    record Event(String source, String id, String type, String tenant, String subject, OffsetDateTime time,
            ObjectNode data) {

        String content() {
            return type + "|" + tenant + "|" + subject + "|" + time.toInstant() + "|" + data;
        }

        String athlete() {
            return data.get("athleteId").asText();
        }

        boolean isPlan() {
            return type.startsWith("plan.");
        }
    }

    /** A version of a session as the model keeps it. */
    record Version(Event event, boolean completed, int revision, OffsetDateTime occurred, Integer pain, String area,
            int sets, int reps, String exercise) {

        static final Comparator<Version> ORDER = Comparator.comparing(Version::completed)
                .thenComparingInt(Version::revision)
                .thenComparing(v -> v.event().time().toInstant())
                .thenComparing(v -> v.event().source())
                .thenComparing(v -> v.event().id());
    }

    /** docs/events.md's rules, applied one record at a time. */
    static final class Model {
        final Map<List<String>, String> claims = new HashMap<>();
        final Map<String, String> organisation = new HashMap<>();
        final Map<List<String>, String> sessionOwner = new HashMap<>();
        final Map<List<String>, String> assignmentOwner = new HashMap<>();
        final Map<List<String>, Version> sessions = new HashMap<>();
        final Map<List<String>, Set<String>> rosters = new HashMap<>();
        final Map<Outcome, Integer> counts = new java.util.EnumMap<>(Outcome.class);

        Outcome apply(Sent sent) {
            Outcome outcome = decide(sent);
            counts.merge(outcome, 1, Integer::sum);
            return outcome;
        }

        private Outcome decide(Sent sent) {
            Event e = sent.event();
            if (sent.dropSubject() || !e.subject().equals(aggregate(e))) {
                return Outcome.CONTRACT;
            }
            Instant latest = NOW.plus(SKEW);
            String occurred = e.type().equals(EventTypes.SESSION_COMPLETED) ? "completedAt"
                    : e.type().equals(EventTypes.SESSION_SKIPPED) ? "recordedAt" : null;
            if (e.time().toInstant().isAfter(latest)
                    || occurred != null && OffsetDateTime.parse(e.data().get(occurred).asText()).toInstant().isAfter(latest)) {
                return Outcome.FUTURE;
            }
            List<String> identity = List.of(e.source(), e.id());
            String claimed = claims.get(identity);
            if (claimed != null) {
                return claimed.equals(e.content()) ? Outcome.DUPLICATE : Outcome.CONFLICT;
            }
            List<String> aggregateKey = List.of(e.tenant(), aggregate(e));
            Map<List<String>, String> owners = e.isPlan() ? assignmentOwner : sessionOwner;
            String owner = owners.get(aggregateKey);
            if (e.isPlan() && (owner == null || owner.equals(e.athlete()))) {
                organisation.putIfAbsent(e.athlete(), e.tenant());
            }
            String org = organisation.get(e.athlete());
            if (org != null && !org.equals(e.tenant())) {
                return Outcome.ORGANISATION;
            }
            if (owner != null && !owner.equals(e.athlete())) {
                return Outcome.CONFLICT;
            }
            owners.put(aggregateKey, e.athlete());
            claims.put(identity, e.content());
            if (e.isPlan()) {
                rosters.computeIfAbsent(List.of(e.tenant(), e.data().get("coachId").asText()), k -> new TreeSet<>())
                        .add(e.athlete());
            } else {
                Version version = version(e);
                sessions.merge(aggregateKey, version, (a, b) -> Version.ORDER.compare(a, b) >= 0 ? a : b);
            }
            return Outcome.APPLIED;
        }

        static String aggregate(Event e) {
            return e.data().get(e.isPlan() ? "assignmentId" : "sessionId").asText();
        }

        static Version version(Event e) {
            ObjectNode d = e.data();
            int revision = d.hasNonNull("revision") ? d.get("revision").asInt() : 0;
            if (e.type().equals(EventTypes.SESSION_SKIPPED)) {
                return new Version(e, false, revision, OffsetDateTime.parse(d.get("recordedAt").asText()), null, null, 0, 0,
                        null);
            }
            JsonNode ex = d.get("exercises").get(0);
            int reps = 0;
            for (JsonNode set : ex.get("sets")) {
                reps += set.get("reps").asInt();
            }
            String key = ex.hasNonNull("slug") ? ex.get("slug").asText() : ex.get("exerciseId").asText();
            return new Version(e, true, revision, OffsetDateTime.parse(d.get("completedAt").asText()),
                    d.has("pain") ? d.get("pain").get("score").asInt() : null,
                    d.has("pain") ? d.get("pain").get("area").asText() : null, ex.get("sets").size(), reps, key);
        }

        /** What the athlete's progress answer must show, from the versions that stand. */
        Map<String, Object> progress(String tenant, String athlete) {
            List<Version> standing = sessions.entrySet().stream()
                    .filter(s -> s.getKey().get(0).equals(tenant) && s.getValue().event().athlete().equals(athlete))
                    .map(Map.Entry::getValue).toList();
            if (standing.isEmpty()) {
                return null;
            }
            List<Version> completed = standing.stream().filter(Version::completed)
                    .sorted(Comparator.comparing((Version v) -> v.occurred().toInstant())
                            .thenComparing(v -> aggregate(v.event())))
                    .toList();
            Map<String, Object> expected = new TreeMap<>();
            // the highest pain of each week with a report (weeks start on Monday)
            Map<String, Integer> maxPain = new TreeMap<>();
            completed.stream().filter(v -> v.pain() != null).forEach(v -> maxPain.merge(v.occurred().toLocalDate()
                    .with(java.time.DayOfWeek.MONDAY).toString(), v.pain(), Math::max));
            expected.put("maxPain", maxPain);
            expected.put("skipped", standing.size() - completed.size());
            expected.put("sets", completed.stream().mapToInt(Version::sets).sum());
            expected.put("reps", completed.stream().mapToInt(Version::reps).sum());
            expected.put("lastActivity", completed.isEmpty() ? null : completed.get(completed.size() - 1).occurred().toInstant());
            expected.put("exercises", new TreeSet<>(completed.stream().map(Version::exercise).toList()));
            List<String> pain = new ArrayList<>();
            completed.subList(Math.max(0, completed.size() - 6), completed.size()).stream().filter(v -> v.pain() != null)
                    .forEach(v -> pain.add(v.occurred().toLocalDate() + " " + v.pain() + " " + v.area()));
            expected.put("pain", pain);
            return expected;
        }
    }

    // ---------------------------------------------------------------- the stream

    /** The people of one run: two organisations, their coaches and athletes, and ids no other run uses. */
    static final class Cast {
        final String run = UUID.randomUUID().toString().substring(0, 8);
        final String orgA = "model-a-" + run;
        final String orgB = "model-b-" + run;
        final Map<String, String> home = new LinkedHashMap<>();
        final Map<String, String> coach = new LinkedHashMap<>();
        final Map<String, List<String>> pool = new LinkedHashMap<>();

        Cast() {
            athlete("a1", orgA, "coach-1");
            athlete("a2", orgA, "coach-1");
            athlete("a3", orgA, "coach-2");
            athlete("b1", orgB, "coach-3");
            athlete("u1", orgA, null);
            athlete("u2", orgA, "coach-2");
        }

        private void athlete(String name, String org, String coachName) {
            String id = name + "-" + run;
            home.put(id, org);
            coach.put(id, coachName == null ? null : coachName + "-" + run);
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sessions.add(UUID.randomUUID().toString());
            }
            pool.put(id, sessions);
        }

        String id(String name) {
            return name + "-" + run;
        }

        String other(String org) {
            return org.equals(orgA) ? orgB : orgA;
        }
    }

    static final class Stream {
        final Random random;
        final Cast cast;
        final List<Event> accepted = new ArrayList<>();
        final List<Event> all = new ArrayList<>();
        final Set<List<String>> identities = new java.util.HashSet<>();

        Stream(long seed, Cast cast) {
            this.random = new Random(seed);
            this.cast = cast;
        }

        OffsetDateTime pastTime() {
            return NOW.minus(Duration.ofMinutes(150 + random.nextInt(16 * 24 * 60))).atOffset(ZoneOffset.UTC).withNano(0);
        }

        Event plan(String athlete, String tenant) {
            ObjectNode d = JSON.createObjectNode();
            String assignment = UUID.randomUUID().toString();
            d.put("assignmentId", assignment).put("planId", UUID.randomUUID().toString()).put("athleteId", athlete)
                    .put("coachId", cast.coach.get(athlete)).put("title", "Hips").put("startDate", "2026-06-22")
                    .put("endDate", "2026-06-29");
            ArrayNode sessions = d.putArray("sessions");
            sessions.addObject().put("sessionId", UUID.randomUUID().toString()).put("scheduledDate", "2026-06-22")
                    .put("title", "Session");
            return event(EventTypes.PLAN_ASSIGNED, tenant, assignment, pastTime(), d);
        }

        Event session(String athlete, String tenant, String sessionId) {
            OffsetDateTime occurred = pastTime();
            ObjectNode d = JSON.createObjectNode();
            d.put("sessionId", sessionId).put("athleteId", athlete).put("coachId", "coach-of-" + athlete)
                    .put("scheduledDate", occurred.toLocalDate().toString());
            if (random.nextInt(3) > 0) {
                d.put("revision", random.nextInt(3));
            }
            String type;
            if (random.nextInt(5) == 0) {
                type = EventTypes.SESSION_SKIPPED;
                d.put("reason", "exam week").put("recordedAt", occurred.toString());
            } else {
                type = EventTypes.SESSION_COMPLETED;
                d.put("completedAt", occurred.toString()).put("sessionRpe", 3 + random.nextInt(7));
                if (random.nextInt(4) > 0) {
                    d.putObject("pain").put("score", random.nextInt(10)).put("area", List.of("knee", "hip", "ankle")
                            .get(random.nextInt(3)));
                }
                String slug = SLUGS.get(random.nextInt(SLUGS.size()));
                ObjectNode ex = d.putArray("exercises").addObject();
                if (random.nextBoolean()) {
                    // the same exercise named as routine-service names it: its catalog id and its slug
                    ex.put("exerciseId", UUID.nameUUIDFromBytes(slug.getBytes(StandardCharsets.UTF_8)).toString())
                            .put("slug", slug);
                } else {
                    ex.put("exerciseId", slug);
                }
                ex.put("name", slug);
                ArrayNode sets = ex.putArray("sets");
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    sets.addObject().put("reps", 5 + random.nextInt(11));
                }
            }
            return event(type, tenant, sessionId, pastTime(), d);
        }

        Event event(String type, String tenant, String subject, OffsetDateTime time, ObjectNode data) {
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            String id = UUID.randomUUID().toString();
            if (!all.isEmpty() && random.nextInt(6) == 0) {
                // an id another source used already: a different event all the same
                Event earlier = all.get(random.nextInt(all.size()));
                String otherSource = SOURCES.get(1 - SOURCES.indexOf(earlier.source()));
                if (!identities.contains(List.of(otherSource, earlier.id()))) {
                    source = otherSource;
                    id = earlier.id();
                }
            }
            identities.add(List.of(source, id));
            Event e = new Event(source, id, type, tenant, subject, time, data);
            all.add(e);
            return e;
        }

        Sent send(Event e, boolean mayMove) {
            String key = mayMove && random.nextInt(3) == 0 ? "moved-" + cast.run + "-" + random.nextInt(50) : e.athlete();
            return new Sent(e, random.nextBoolean(), key, false);
        }

        /** One round: new versions of sessions, copies, reused identities, foreign and future events. */
        List<Sent> round(int round) {
            List<Sent> out = new ArrayList<>();
            List<String> athletes = new ArrayList<>(cast.home.keySet());
            List<Event> settled = new ArrayList<>(accepted);
            for (int i = 0; i < 30; i++) {
                String athlete = athletes.get(random.nextInt(athletes.size()));
                String home = cast.home.get(athlete);
                boolean registered = !athlete.startsWith("u");
                String tenant = registered && random.nextInt(10) == 0 ? cast.other(home) : home;
                List<String> sessions = cast.pool.get(athlete);
                Event e = session(athlete, tenant, sessions.get(random.nextInt(sessions.size())));
                int twist = random.nextInt(14);
                if (twist == 0) {
                    e.data().put(e.type().equals(EventTypes.SESSION_COMPLETED) ? "completedAt" : "recordedAt",
                            NOW.plus(Duration.ofDays(1 + random.nextInt(300))).atOffset(ZoneOffset.UTC).toString());
                } else if (twist == 1) {
                    e = new Event(e.source(), e.id(), e.type(), e.tenant(), e.subject(),
                            NOW.plus(SKEW).plusSeconds(60 + random.nextInt(86_400 * 365)).atOffset(ZoneOffset.UTC),
                            e.data());
                    all.set(all.size() - 1, e);
                }
                Sent sent = send(e, true);
                if (twist == 2) {
                    sent = new Sent(e, sent.structured(), sent.key(), true);
                } else if (twist == 3) {
                    sent = new Sent(new Event(e.source(), e.id(), e.type(), e.tenant(), UUID.randomUUID().toString(),
                            e.time(), e.data()), sent.structured(), sent.key(), false);
                }
                out.add(sent);
                if (random.nextInt(5) == 0) {
                    // the same event again, maybe in the other mode and on another partition
                    out.add(send(sent.event(), true));
                }
            }
            if (round == 2) {
                out.add(send(plan(cast.id("u2"), cast.orgA), false));
            }
            for (int i = 0; i < 4 && !settled.isEmpty(); i++) {
                Event earlier = settled.get(random.nextInt(settled.size()));
                // an earlier event exactly, from another partition
                out.add(send(earlier, true));
                Event other = settled.get(random.nextInt(settled.size()));
                if (!other.isPlan()) {
                    // the same identity for something else
                    ObjectNode changed = other.data().deepCopy();
                    changed.put("revision", 7);
                    out.add(send(new Event(other.source(), other.id(), other.type(), other.tenant(), other.subject(),
                            other.time(), changed), true));
                    // the same session for another athlete of the organisation
                    cast.home.entrySet().stream().filter(h -> h.getValue().equals(other.tenant())
                            && !h.getKey().equals(other.athlete())).map(Map.Entry::getKey).findFirst()
                            .ifPresent(thief -> out.add(send(session(thief, other.tenant(), Model.aggregate(other)), true)));
                }
            }
            java.util.Collections.shuffle(out, random);
            return out;
        }
    }

    // ---------------------------------------------------------------- the run

    @ParameterizedTest
    @ValueSource(longs = { 11, 29, 47, 71, 97, 131 })
    void projectionsEqualTheModelAndEveryRecordIsCountedOnce(long seed) {
        Cast cast = new Cast();
        Stream stream = new Stream(seed, cast);
        Model model = new Model();
        // records of earlier tests still being counted would be taken for this run's
        Map<Outcome, Double>[] quiet = new Map[] { counted() };
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<Outcome, Double> now = counted();
            boolean same = now.equals(quiet[0]);
            quiet[0] = now;
            return same;
        });
        Map<Outcome, Double> before = counted();
        int sent = 0;

        List<List<Sent>> rounds = new ArrayList<>();
        List<Sent> enrolment = new ArrayList<>();
        for (String athlete : List.of(cast.id("a1"), cast.id("a2"), cast.id("a3"), cast.id("b1"))) {
            enrolment.add(new Sent(stream.plan(athlete, cast.home.get(athlete)), false, athlete, false));
        }
        rounds.add(enrolment);
        for (int round = 1; round <= 3; round++) {
            rounds.add(null);
        }
        for (int round = 0; round < rounds.size(); round++) {
            List<Sent> records = rounds.get(round) != null ? rounds.get(round) : stream.round(round);
            for (Sent record : records) {
                if (model.apply(record) == Outcome.APPLIED) {
                    stream.accepted.add(record.event());
                }
            }
            publish(records);
            sent += records.size();
            Map<Outcome, Integer> expected = new java.util.EnumMap<>(model.counts);
            int round0 = round;
            await("round " + round + " counted").atMost(WAIT).untilAsserted(
                    () -> assertThat(delta(before)).as("round %d", round0).isEqualTo(expected));
        }
        Map<Outcome, Integer> counts = delta(before);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(sent);
        assertThat(model.counts.keySet()).as("the stream exercised every outcome").containsAll(Set.of(Outcome.APPLIED,
                Outcome.DUPLICATE, Outcome.CONTRACT, Outcome.FUTURE, Outcome.ORGANISATION, Outcome.CONFLICT));
        assertThat(deadLetterCategories(cast)).isEqualTo(expectedDeadLetters(model));

        for (String org : List.of(cast.orgA, cast.orgB)) {
            for (String athlete : cast.home.keySet()) {
                Map<String, Object> expected = model.progress(org, athlete);
                if (expected != null) {
                    await().atMost(WAIT).untilAsserted(() -> assertThat(progress(org, athlete)).as(athlete + " in " + org)
                            .isEqualTo(expected));
                }
            }
            for (String coach : new TreeSet<>(cast.coach.values().stream().filter(java.util.Objects::nonNull).toList())) {
                Set<String> expected = model.rosters.getOrDefault(List.of(org, coach), Set.of());
                assertThat(roster(org, coach)).as("roster of " + coach + " in " + org).isEqualTo(expected);
            }
        }
        // sessions of an athlete no plan names are kept for the organisation's admins, on no coach's roster
        String unknown = cast.id("u1");
        if (model.progress(cast.orgA, unknown) != null) {
            JsonPath admin = given().auth().oauth2(DevTokens.mint("admin-" + cast.run, cast.orgA, "admin"))
                    .when().get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
            assertThat(admin.getList("athletes.athleteId", String.class)).contains(unknown);
            assertThat(admin.getList("athletes.find { it.athleteId == '" + unknown + "' }.coaches", String.class)).isEmpty();
        }
    }

    private void publish(List<Sent> records) {
        List<Future<?>> sends = new ArrayList<>();
        for (Sent s : records) {
            Event e = s.event();
            String topic = e.isPlan() ? Topics.ROUTINE_PLANS : Topics.ROUTINE_SESSIONS;
            ProducerRecord<String, byte[]> record;
            if (s.structured()) {
                ObjectNode envelope = JSON.createObjectNode().put("specversion", "1.0").put("id", e.id())
                        .put("type", e.type()).put("source", e.source()).put("time", e.time().toString())
                        .put("tenantid", e.tenant()).put("datacontenttype", "application/json");
                if (!s.dropSubject()) {
                    envelope.put("subject", e.subject());
                }
                envelope.set("data", e.data());
                record = new ProducerRecord<>(topic, s.key(), envelope.toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            } else {
                record = new ProducerRecord<>(topic, s.key(), e.data().toString().getBytes(StandardCharsets.UTF_8));
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("ce_specversion", "1.0");
                headers.put("ce_id", e.id());
                headers.put("ce_type", e.type());
                headers.put("ce_source", e.source());
                headers.put("ce_time", e.time().toString());
                headers.put("ce_tenantid", e.tenant());
                headers.put("content-type", "application/json");
                if (!s.dropSubject()) {
                    headers.put("ce_subject", e.subject());
                }
                headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            }
            sends.add(producer.send(record));
        }
        producer.flush();
        for (Future<?> send : sends) {
            try {
                send.get(30, TimeUnit.SECONDS);
            } catch (Exception ex) {
                throw new IllegalStateException("the broker did not take a record: " + ex.getMessage(), ex);
            }
        }
    }

    /** The outcome counters now, by the model's outcomes (dead letters by category). */
    private Map<Outcome, Double> counted() {
        Map<Outcome, Double> counts = new java.util.EnumMap<>(Outcome.class);
        for (Counter c : registry.find("medius.progress.records").counters()) {
            String outcome = c.getId().getTag("outcome");
            String category = c.getId().getTag("category");
            if ("erased".equals(outcome)) {
                // the model erases no athlete; other tests of this run do
                continue;
            }
            Outcome o = switch (outcome) {
                case "applied" -> Outcome.APPLIED;
                case "duplicate" -> Outcome.DUPLICATE;
                default -> switch (category) {
                    case "contract" -> Outcome.CONTRACT;
                    case "future-time" -> Outcome.FUTURE;
                    case "organisation" -> Outcome.ORGANISATION;
                    case "conflict" -> Outcome.CONFLICT;
                    default -> throw new AssertionError("unexpected dead letter category " + category);
                };
            };
            counts.merge(o, c.count(), Double::sum);
        }
        return counts;
    }

    private Map<Outcome, Integer> delta(Map<Outcome, Double> before) {
        Map<Outcome, Integer> delta = new java.util.EnumMap<>(Outcome.class);
        counted().forEach((o, n) -> {
            int d = (int) Math.round(n - before.getOrDefault(o, 0.0));
            if (d != 0) {
                delta.put(o, d);
            }
        });
        return delta;
    }

    private static Map<String, Integer> expectedDeadLetters(Model model) {
        Map<String, Integer> expected = new TreeMap<>();
        model.counts.forEach((o, n) -> {
            String category = switch (o) {
                case CONTRACT -> "contract";
                case FUTURE -> "future-time";
                case ORGANISATION -> "organisation";
                case CONFLICT -> "conflict";
                default -> null;
            };
            if (category != null) {
                expected.put(category, n);
            }
        });
        return expected;
    }

    /** The dead letters of this run's records on routine.sessions.dlq, by category. */
    private static Map<String, Integer> deadLetterCategories(Cast cast) {
        Map<String, Integer> categories = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                MediusTestInfrastructure.broker().bootstrapServers(), "enable.auto.commit", false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ROUTINE_SESSIONS_DLQ, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() != null && r.key().contains(cast.run)) {
                        var category = r.headers().lastHeader("medius-dlq-category");
                        categories.merge(category == null ? "none" : new String(category.value(), StandardCharsets.UTF_8), 1,
                                Integer::sum);
                    }
                }
            }
        }
        return categories;
    }

    private static Map<String, Object> progress(String org, String athlete) {
        JsonPath p = given().auth().oauth2(DevTokens.mint("admin-" + org, org, "admin"))
                .when().get("/api/v1/athletes/{id}/progress?weeks=12", athlete).then().statusCode(200).extract().jsonPath();
        Map<String, Object> actual = new TreeMap<>();
        Map<String, Integer> maxPain = new TreeMap<>();
        for (Map<String, Object> week : p.<Map<String, Object>>getList("weeks")) {
            if (week.get("maxPain") != null) {
                maxPain.put(String.valueOf(week.get("weekStart")), ((Number) week.get("maxPain")).intValue());
            }
        }
        actual.put("maxPain", maxPain);
        actual.put("skipped", p.getList("weeks.skipped", Integer.class).stream().mapToInt(Integer::intValue).sum());
        actual.put("sets", p.getList("weeks.sets", Integer.class).stream().mapToInt(Integer::intValue).sum());
        actual.put("reps", p.getList("weeks.reps", Integer.class).stream().mapToInt(Integer::intValue).sum());
        String last = p.getString("summary.lastActivity");
        actual.put("lastActivity", last == null ? null : OffsetDateTime.parse(last).toInstant());
        actual.put("exercises", new TreeSet<>(p.getList("exercises.key", String.class)));
        List<String> pain = new ArrayList<>();
        for (Map<String, Object> point : p.<Map<String, Object>>getList("summary.pain.points")) {
            pain.add(point.get("date") + " " + ((Number) point.get("value")).intValue() + " " + point.get("area"));
        }
        actual.put("pain", pain);
        return actual;
    }

    private static Set<String> roster(String org, String coach) {
        return new TreeSet<>(given().auth().oauth2(DevTokens.mint(coach, org, "coach"))
                .when().get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath()
                .getList("athletes.athleteId", String.class));
    }
}
