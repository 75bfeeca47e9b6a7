package dev.medius.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.reliability.MediusApi.Answer;
import dev.medius.reliability.MediusApi.Due;

/**
 * An athlete erased through the whole platform: after the admin's DELETE, no row of any table of routine-service's or
 * progress-service's database holds the athlete's name, notes, skip reason or the coach's note about them, their
 * id remains only in the records of the erasure, no API answers about them, a rebuild of progress-service brings
 * nothing back, and a teammate's figures do not change.
 */
class AthleteErasureTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NAME = "Erika Borrada Completamente";
    private static final String NOTES = "Knee gave way on the second set of walks";
    private static final String SKIP_REASON = "knee swollen after training";
    private static final String ACKNOWLEDGEMENT = "Sent her to the physio, hold the plan";
    private static final String TEAMMATE = "Tomás Sigue";
    private static final String TEAMMATE_NOTES = "Felt fine";
    private static final String ERASURE_REASON = "athlete's email of 1 December";
    /**
     * Where an erased athlete's id stays: the event telling consumers, until the outbox's purge; both services' records
     * of erasures name them by digest.
     */
    private static final Map<String, List<String>> ERASURE_RECORDS = Map.of(
            "routine", List.of("outbox_event"), "progress", List.of());

    private static Platform platform;
    private static MediusApi club;
    private static String athlete;
    private static String teammate;
    /** The pain flag's reason, which quotes the pain and its area. */
    private static String flagReason;

    @BeforeAll
    static void anAthleteWithPlansSessionsFlagsAndNotes() {
        platform = Platform.start("erasure", false);
        platform.launch("catalog", "routine", "progress");
        club = new MediusApi(platform, MediusApi.newTenant("erasure"));
        List<Due> due = club.assignSessions("era", 2, 1, 3);
        athlete = due.get(0).athleteId();
        teammate = due.stream().map(Due::athleteId).filter(id -> !id.equals(athlete)).findFirst().orElseThrow();
        List<Due> mine = due.stream().filter(d -> d.athleteId().equals(athlete)).toList();
        Due theirs = due.stream().filter(d -> d.athleteId().equals(teammate)).findFirst().orElseThrow();
        String coach = DevTokens.mint("coach-" + club.tenant(), club.tenant(), "coach");
        ok(club.call(coach, "PUT", "routine", "/api/v1/athletes/" + athlete + "/profile",
                Map.of("displayName", NAME, "teamId", "hips")), 200);
        ok(club.call(coach, "PUT", "routine", "/api/v1/athletes/" + teammate + "/profile",
                Map.of("displayName", TEAMMATE, "teamId", "hips")), 200);
        ok(complete(mine.get(0), 8, NOTES), 201);
        ok(club.post("routine", "/api/v1/athletes/" + athlete + "/sessions/" + mine.get(1).sessionId() + "/skip",
                Map.of("reason", SKIP_REASON)), 201);
        ok(complete(theirs, 1, TEAMMATE_NOTES), 201);
        // a morning check-in with knee pain and a side-bridge test: health data in both services and on the topic
        ok(club.post("routine", "/api/v1/athletes/" + athlete + "/check-ins", Map.of("sleepQuality", 2, "energy", 2,
                "pain", List.of(Map.of("area", "knee", "score", 4)))), 201);
        ok(club.call(coach, "POST", "routine", "/api/v1/athletes/" + athlete + "/tests", Map.of("kind", "side-bridge",
                "pain", 3, "sideBridge", Map.of("leftSeconds", 61, "rightSeconds", 47))), 201);
        String[] flag = new String[1];
        await("the pain flag").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode raised : club.get("progress", "/api/v1/athletes/" + athlete + "/progress").json()
                    .path("summary").path("flags")) {
                if (raised.path("kind").asText().equals("pain-high")) {
                    flag[0] = raised.path("flagId").asText();
                    flagReason = raised.path("reason").asText();
                }
            }
            return flag[0] != null;
        });
        ok(club.post("progress", "/api/v1/athletes/" + athlete + "/flags/" + flag[0] + "/acknowledgement",
                Map.of("note", ACKNOWLEDGEMENT)), 200);
        await("progress-service holds both athletes' sessions").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> count("progress", "SELECT count(*) FROM session_fact WHERE tenant_id = ?") == 3
                        && count("progress", "SELECT count(*) FROM readiness_check_in WHERE tenant_id = ?") == 1
                        && count("progress", "SELECT count(*) FROM strength_test WHERE tenant_id = ?") == 1);
        await("the flag and its acknowledgement on progress.alerts").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> records("progress.alerts").stream().filter(r -> r.startsWith(athlete + " "))
                        .filter(r -> r.contains("ce_type=athlete.flagged.v1") || r.contains("ce_type=flag.acknowledged.v1"))
                        .count() >= 2);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void nothingOfTheAthleteIsLeftAndARebuildBringsNothingBack() throws Exception {
        assertThat(found("routine", NAME)).isNotEmpty();
        assertThat(found("progress", NOTES)).isNotEmpty();
        String teammateProgress = club.get("progress", "/api/v1/athletes/" + teammate + "/progress").body();

        ok(club.call(club.adminToken(), "DELETE", "routine", "/api/v1/athletes/" + athlete,
                Map.of("reason", ERASURE_REASON)), 200);
        await("progress-service erased the athlete").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> club.call(club.adminToken(), "GET", "progress", "/api/v1/athletes/" + athlete + "/progress",
                        null).status() == 404);

        nothingLeft();
        for (String path : List.of("/profile", "/plan", "/export")) {
            assertThat(club.call(club.adminToken(), "GET", "routine", "/api/v1/athletes/" + athlete + path, null)
                    .status()).as(path).isEqualTo(404);
        }
        assertThat(club.call(club.adminToken(), "GET", "progress", "/api/v1/dashboard", null).body())
                .doesNotContain(athlete).contains(teammate);
        assertThat(club.get("progress", "/api/v1/athletes/" + teammate + "/progress").body()).isEqualTo(teammateProgress);

        Answer rebuilt = club.call(DevTokens.mint("operator", "medius-platform", "platform-operator"), "POST", "progress",
                "/api/v1/admin/rebuild", null);
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        nothingLeft();
        assertThat(club.get("progress", "/api/v1/athletes/" + teammate + "/progress").body()).isEqualTo(teammateProgress);

        // the topics, read from the beginning: the athlete's records are still there, sealed with the destroyed key
        List<String> records = new ArrayList<>();
        for (String topic : List.of("routine.plans", "routine.sessions", "routine.sessions.dlq", "progress.alerts")) {
            records.addAll(records(topic));
        }
        List<String> theirs = records.stream().filter(r -> r.startsWith(athlete + " ")).toList();
        assertThat(theirs).hasSizeGreaterThan(3).filteredOn(r -> !r.contains("athlete.erased.v1"))
                .allSatisfy(r -> assertThat(r).contains("{\"sealed\":"));
        assertThat(theirs).as("the flag and its acknowledgement").filteredOn(r -> r.contains("ce_type=athlete.flagged.v1")
                || r.contains("ce_type=flag.acknowledged.v1")).hasSizeGreaterThanOrEqualTo(2);
        for (String secret : List.of(NAME, NOTES, SKIP_REASON, "hips", ACKNOWLEDGEMENT, flagReason, "8/10")) {
            assertThat(theirs).as("records of the athlete holding \"" + secret + "\"")
                    .noneMatch(r -> r.contains(secret));
        }
        assertThat(records).as("records of any athlete holding the erased athlete's words").noneMatch(r -> r.contains(NAME)
                || r.contains(NOTES) || r.contains(SKIP_REASON) || r.contains(ACKNOWLEDGEMENT) || r.contains(flagReason));

        // the log scan: nothing sent about either athlete, nor the pain the flag quotes, is in any service's log
        assertThat(flagReason).contains("8/10 (knee)");
        for (String sent : List.of(NAME, TEAMMATE, NOTES, TEAMMATE_NOTES, SKIP_REASON, ACKNOWLEDGEMENT, ERASURE_REASON,
                flagReason, "8/10 (knee)")) {
            assertThat(platform.logsContaining(sent)).as("service logs holding \"" + sent + "\"").isEmpty();
        }
    }

    /** No table of either database holds what the athlete or their coach wrote, and only erasure records their id. */
    private static void nothingLeft() throws SQLException {
        for (String service : List.of("routine", "progress")) {
            for (String secret : List.of(NAME, NOTES, SKIP_REASON, ACKNOWLEDGEMENT)) {
                assertThat(found(service, secret)).as(service + " rows holding \"" + secret + "\"").isEmpty();
            }
            assertThat(found(service, athlete)).as(service + " rows naming the athlete")
                    .allSatisfy(table -> assertThat(ERASURE_RECORDS.get(service)).contains(table));
        }
    }

    /** The tables of the service's database with a row whose text holds {@code text}. */
    private static List<String> found(String service, String text) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = platform.database(service)) {
            List<String> all = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                }
            }
            for (String table : all) {
                try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM \"" + table + "\" t "
                        + "WHERE strpos(to_jsonb(t)::text, ?) > 0")) {
                    st.setString(1, text);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            tables.add(table);
                        }
                    }
                }
            }
        }
        return tables;
    }

    private static long count(String service, String sql) throws SQLException {
        try (Connection c = platform.database(service); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, club.tenant());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Answer complete(Due due, int pain, String notes) {
        ObjectNode body = MediusApi.JSON.createObjectNode().put("sessionRpe", 6).put("notes", notes);
        body.putObject("pain").put("score", pain).put("area", "knee");
        ObjectNode exercise = body.putArray("exercises").addObject().put("exerciseId", "lateral-band-walk");
        exercise.putArray("sets").addObject().put("reps", 10).put("side", "left");
        return club.post("routine", "/api/v1/athletes/" + due.athleteId() + "/sessions/" + due.sessionId()
                + "/completion", body);
    }

    private static void ok(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    }

    /** Every record of the topic from its beginning, as "key headers value" text. */
    private static List<String> records(String topic) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "erasure-check-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await(topic + " read to its end").atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    StringBuilder text = new StringBuilder(String.valueOf(record.key())).append(' ');
                    record.headers().forEach(h -> text.append(h.key()).append('=')
                            .append(new String(h.value(), StandardCharsets.UTF_8)).append(' '));
                    records.add(text.append(record.value()).toString());
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return records;
    }
}
