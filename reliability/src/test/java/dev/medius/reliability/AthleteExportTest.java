package dev.medius.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.security.DevTokens;
import dev.medius.reliability.MediusApi.Answer;
import dev.medius.reliability.MediusApi.Due;

/**
 * An athlete's export through the whole platform: routine-service's document holds every row that routine-service's
 * and progress-service's databases keep about the athlete, table by table (any table with an {@code athlete_id} column
 * and rows for them must be in it), and nothing of a teammate or of an athlete of another organisation. The athlete
 * and the organisation's admin export; another athlete and a coach do not.
 */
class AthleteExportTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * Tables whose rows hold no data about the athlete beyond their id: a transaction number, and the key that seals
     * their events, which is security material rather than something they told Medius.
     */
    private static final Set<String> BOOKKEEPING = Set.of("progress.athlete_revision", "routine.athlete_key");

    private static Platform platform;
    private static MediusApi club;
    private static MediusApi otherClub;
    private static String athlete;
    private static String teammate;
    private static String stranger;
    private static final String NOTES = "Knee ached going down the stairs after the walks";
    private static final String TEAMMATE_NOTES = "Teammate felt great, hips loose";
    private static final String STRANGER_NOTES = "Another club's athlete, sore calves";
    private static final String ACKNOWLEDGEMENT = "Physio on Thursday, lighter band until then";

    @BeforeAll
    static void athletesOfTwoOrganisations() {
        platform = Platform.start("export", false);
        platform.launch("catalog", "routine", "progress");
        club = new MediusApi(platform, MediusApi.newTenant("export"));
        otherClub = new MediusApi(platform, MediusApi.newTenant("export-other"));

        List<Due> due = club.assignSessions("exp", 2, 1, 3);
        athlete = due.get(0).athleteId();
        teammate = due.stream().map(Due::athleteId).filter(id -> !id.equals(athlete)).findFirst().orElseThrow();
        List<Due> mine = due.stream().filter(d -> d.athleteId().equals(athlete)).toList();
        Due theirs = due.stream().filter(d -> d.athleteId().equals(teammate)).findFirst().orElseThrow();
        profile(club, athlete, "Lucía Exportadora");
        profile(club, teammate, "Ana Compañera");
        assertThat(complete(club, mine.get(0), 8, NOTES).status()).isEqualTo(201);
        Answer skipped = club.post("routine", "/api/v1/athletes/" + athlete + "/sessions/" + mine.get(1).sessionId()
                + "/skip", MediusApi.JSON.createObjectNode().put("reason", "exam week"));
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(201);
        assertThat(complete(club, theirs, 2, TEAMMATE_NOTES).status()).isEqualTo(201);

        Due elsewhere = otherClub.assignSessions("exp-other", 1, 1, 1).get(0);
        stranger = elsewhere.athleteId();
        profile(otherClub, stranger, "Bruno Extraño");
        assertThat(complete(otherClub, elsewhere, 7, STRANGER_NOTES).status()).isEqualTo(201);

        // the pain of 8/10 raises a flag in progress-service, which the coach acknowledges with a note
        String[] flag = new String[1];
        await("the pain flag is raised").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode progress = club.get("progress", "/api/v1/athletes/" + athlete + "/progress").json();
            for (JsonNode raised : progress.path("summary").path("flags")) {
                if (raised.path("kind").asText().equals("pain-high")) {
                    flag[0] = raised.path("flagId").asText();
                }
            }
            return flag[0] != null;
        });
        Answer acknowledged = club.post("progress", "/api/v1/athletes/" + athlete + "/flags/" + flag[0]
                + "/acknowledgement", MediusApi.JSON.createObjectNode().put("note", ACKNOWLEDGEMENT).put("snoozeDays", 2));
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);

        // everything has reached progress-service: profile, the completion and the skip, and the other athletes' too
        await("progress-service holds every report").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode export = export(club.adminToken(), athlete).json().path("progress");
            return export.path("profile").path("displayName").asText().equals("Lucía Exportadora")
                    && export.path("sessions").size() == 2
                    && rows(platform, "progress", "session_fact", club.tenant(), teammate).size() == 1
                    && rows(platform, "progress", "session_fact", otherClub.tenant(), stranger).size() == 1;
        });
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theExportHoldsEveryRowBothServicesKeepAboutTheAthlete() throws SQLException {
        Answer answer = export(club.adminToken(), athlete);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode export = answer.json();
        assertThat(export.path("athleteId").asText()).isEqualTo(athlete);
        assertThat(export.path("organisation").asText()).isEqualTo(club.tenant());
        assertThat(export.path("format").asText()).isEqualTo("medius.athlete-export.v1");
        JsonNode routine = export.path("routine");
        JsonNode progress = export.path("progress");

        // where each table's rows are in the document, by the column that tells them apart
        Map<String, Function<JsonNode, Set<String>>> where = new LinkedHashMap<>();
        where.put("routine.athlete:athlete_id", doc -> routine.path("athlete").isObject() ? Set.of(athlete) : Set.of());
        where.put("routine.assignment:id", doc -> texts(routine.path("assignments"), "assignmentId"));
        where.put("routine.scheduled_session:id", doc -> texts(flat(routine.path("assignments"), "sessions"), "sessionId"));
        where.put("routine.session_record:id", doc -> texts(routine.path("sessionRecords"), "recordId"));
        where.put("routine.readiness_check_in:id", doc -> texts(routine.path("checkIns"), "checkInId"));
        where.put("routine.session_adjustment:session_id", doc -> texts(routine.path("sessionAdjustments"), "sessionId"));
        where.put("routine.strength_test:id", doc -> texts(routine.path("strengthTests"), "testId"));
        where.put("routine.return_to_play:athlete_id", doc -> routine.path("returnToPlay").isObject() ? Set.of(athlete) : Set.of());
        where.put("progress.readiness_check_in:check_in_id", doc -> texts(progress.path("checkIns"), "checkInId"));
        where.put("progress.strength_test:test_id", doc -> texts(progress.path("strengthTests"), "testId"));
        where.put("progress.athlete_profile:athlete_id", doc -> progress.path("profile").isObject() ? Set.of(athlete) : Set.of());
        where.put("progress.athlete_organisation:athlete_id",
                doc -> progress.path("registeredAt").isTextual() ? Set.of(athlete) : Set.of());
        where.put("progress.athlete_coach:coach_id", doc -> texts(progress.path("coaches")));
        where.put("progress.plan_event:event_id", doc -> texts(progress.path("planEvents"), "eventId"));
        where.put("progress.scheduled_session:session_id", doc -> texts(progress.path("scheduledSessions"), "sessionId"));
        where.put("progress.athlete_schedule:athlete_id", doc -> progress.path("schedule").size() > 0 ? Set.of(athlete) : Set.of());
        where.put("progress.session_fact:session_id", doc -> texts(progress.path("sessions"), "sessionId"));
        where.put("progress.exercise_volume:exercise_id", doc -> texts(flat(progress.path("sessions"), "exercises"), "exerciseId"));
        where.put("progress.athlete_recent:athlete_id", doc -> progress.path("recent").isObject() ? Set.of(athlete) : Set.of());
        where.put("progress.athlete_flag:flag_id", doc -> texts(progress.path("flags"), "flagId"));
        where.put("progress.flag_acknowledgement:flag_id", doc -> {
            Set<String> ids = new HashSet<>(texts(progress.path("acknowledgementsOfClearedFlags"), "flagId"));
            progress.path("flags").forEach(f -> {
                if (f.path("acknowledgement").isObject()) {
                    ids.add(f.path("acknowledgement").path("flagId").asText());
                }
            });
            return ids;
        });

        String body = answer.body();
        List<String> tablesWithRows = new ArrayList<>();
        for (String service : List.of("routine", "progress")) {
            for (String table : athleteTables(service)) {
                List<Map<String, Object>> rows = rows(platform, service, table, club.tenant(), athlete);
                if (rows.isEmpty() || BOOKKEEPING.contains(service + "." + table)) {
                    continue;
                }
                tablesWithRows.add(service + "." + table);
                String key = where.keySet().stream().filter(k -> k.startsWith(service + "." + table + ":")).findFirst()
                        .orElseThrow(() -> new AssertionError(service + "." + table + " holds rows about the athlete "
                                + "that the export does not show"));
                String column = key.substring(key.indexOf(':') + 1);
                Set<String> stored = new HashSet<>();
                rows.forEach(row -> stored.add(String.valueOf(row.get(column))));
                assertThat(where.get(key).apply(export)).as(key).containsExactlyInAnyOrderElementsOf(stored);
                // and every text the rows hold, as stored (JSON kept as text is compared above, by its row)
                for (Map<String, Object> row : rows) {
                    row.forEach((name, value) -> {
                        if (value instanceof String text && !text.startsWith("[") && !text.startsWith("{")) {
                            assertThat(body).as(service + "." + table + "." + name).contains(text);
                        }
                    });
                }
            }
        }
        assertThat(tablesWithRows).contains("routine.athlete", "routine.assignment", "routine.scheduled_session",
                "routine.session_record", "progress.athlete_profile", "progress.session_fact",
                "progress.exercise_volume", "progress.athlete_flag", "progress.flag_acknowledgement");

        // what the athlete reported and what the coach wrote, as the athlete gave them
        assertThat(texts(routine.path("sessionRecords"), "kind")).containsExactlyInAnyOrder("completed", "skipped");
        assertThat(body).contains(NOTES, ACKNOWLEDGEMENT, "exam week", "Lucía Exportadora");
        assertThat(progress.path("flags").get(0).path("kind").asText()).isEqualTo("pain-high");

        // nothing of anyone else
        for (String other : List.of(teammate, "Ana Compañera", TEAMMATE_NOTES, stranger, "Bruno Extraño", STRANGER_NOTES,
                otherClub.tenant())) {
            assertThat(body).as("the export shows nothing of another athlete").doesNotContain(other);
        }
    }

    @Test
    void theAthleteExportsThemselvesAndNobodyElseDoes() {
        Answer own = export(DevTokens.mint(athlete, club.tenant(), "athlete"), athlete);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("routine").path("sessionRecords").size()).isEqualTo(2);
        assertThat(export(DevTokens.mint(teammate, club.tenant(), "athlete"), athlete).status()).isIn(403, 404);
        assertThat(export(DevTokens.mint("coach-" + club.tenant(), club.tenant(), "coach"), athlete).status())
                .isEqualTo(403);
        assertThat(export(otherClub.adminToken(), athlete).status()).isEqualTo(404);
        assertThat(export(club.adminToken(), stranger).status()).isEqualTo(404);
    }

    @Test
    void theDocumentIsServedAsAFileToDownload() throws Exception {
        HttpResponse<String> response = Platform.HTTP.send(HttpRequest.newBuilder(
                URI.create(platform.url("routine") + "/api/v1/athletes/" + athlete + "/export"))
                .header("Authorization", "Bearer " + club.adminToken()).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + athlete + "-medius-export.json\"");
    }

    @Test
    void nothingSentAboutTheAthletesIsInAnyServiceLog() {
        String flagReason = export(club.adminToken(), athlete).json().path("progress").path("flags").path(0)
                .path("reason").asText();
        assertThat(flagReason).contains("8/10 (knee)");
        for (String sent : List.of("Lucía Exportadora", "Ana Compañera", "Bruno Extraño", NOTES, TEAMMATE_NOTES,
                STRANGER_NOTES, "exam week", ACKNOWLEDGEMENT, flagReason, "8/10 (knee)", "7/10 (knee)")) {
            assertThat(platform.logsContaining(sent)).as("service logs holding \"" + sent + "\"").isEmpty();
        }
    }

    private static void profile(MediusApi api, String athleteId, String name) {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(platform.url("routine") + "/api/v1/athletes/"
                + athleteId + "/profile")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\": \"" + name + "\", \"teamId\": \"hips\"}"));
        Answer answer = send(put, DevTokens.mint("coach-" + api.tenant(), api.tenant(), "coach"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static Answer complete(MediusApi api, Due due, int pain, String notes) {
        ObjectNode body = MediusApi.JSON.createObjectNode().put("sessionRpe", 6).put("notes", notes);
        body.putObject("pain").put("score", pain).put("area", "knee");
        ObjectNode exercise = body.putArray("exercises").addObject().put("exerciseId", "lateral-band-walk");
        exercise.putArray("sets").addObject().put("reps", 10).put("side", "left");
        return api.post("routine", "/api/v1/athletes/" + due.athleteId() + "/sessions/" + due.sessionId() + "/completion",
                body);
    }

    private static Answer export(String token, String athleteId) {
        return send(HttpRequest.newBuilder(URI.create(platform.url("routine") + "/api/v1/athletes/" + athleteId
                + "/export")).GET(), token);
    }

    private static Answer send(HttpRequest.Builder request, String token) {
        try {
            HttpResponse<String> response = Platform.HTTP.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service's tables that hold rows about athletes: those with an athlete_id column. */
    private static List<String> athleteTables(String service) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = platform.database(service); PreparedStatement st = c.prepareStatement(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
                        + "AND column_name = 'athlete_id' ORDER BY table_name")) {
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** The table's rows about the athlete in the organisation, each column as JDBC reads it. */
    private static List<Map<String, Object>> rows(Platform platform, String service, String table, String tenant,
            String athleteId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = platform.database(service); PreparedStatement st = c.prepareStatement(
                "SELECT * FROM " + table + " WHERE athlete_id = ? AND (NOT EXISTS (SELECT 1 FROM information_schema.columns"
                        + " WHERE table_schema = 'public' AND table_name = ? AND column_name = 'tenant_id')"
                        + " OR to_jsonb(" + table + ") ->> 'tenant_id' = ?)")) {
            st.setString(1, athleteId);
            st.setString(2, table);
            st.setString(3, tenant);
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.put(meta.getColumnName(i), value instanceof java.util.UUID ? value.toString() : value);
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service + "." + table + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Set<String> texts(JsonNode array, String field) {
        Set<String> values = new HashSet<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    private static JsonNode flat(JsonNode array, String field) {
        var all = MediusApi.JSON.createArrayNode();
        array.forEach(item -> item.path(field).forEach(all::add));
        return all;
    }
}
