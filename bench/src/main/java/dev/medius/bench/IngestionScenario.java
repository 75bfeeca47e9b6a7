package dev.medius.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.medius.devkit.process.ServiceProcess;
import dev.medius.events.Topics;

/**
 * Scenarios 1 and 7. The events are published once, before any consumer runs; each run then starts
 * progress-service replicas on an empty database in a new consumer group and times how long the
 * projections take to hold every event, against two ceilings measured in the same run: a plain Kafka
 * consumer reading the same topic, and PostgreSQL inserting the same fact rows server-side.
 */
final class IngestionScenario {

    /** How often the harness counts the facts: counting scans the table the service is writing, so not often. */
    private static final int POLL_MILLIS = 250;

    private final Platform platform;
    private final int events;
    private final int athletes;

    IngestionScenario(Platform platform, int events, int athletes) {
        this.platform = platform;
        this.events = events;
        this.athletes = athletes;
    }

    void publish() {
        SessionEvents.publish(platform.broker().bootstrapServers(), events, athletes, 50);
    }

    /** Events per second through a plain consumer that only reads the records. */
    double consumerCeiling() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.broker().bootstrapServers());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ROUTINE_SESSIONS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long start = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (read < events) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (start == 0 && !records.isEmpty()) {
                    start = System.nanoTime();
                }
                read += records.count();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("plain consumer read " + read + " of " + events);
                }
            }
            // the first poll's records count as read in no time: leave them out of the rate
            return (read - Math.min(read, 500L)) / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Events per second PostgreSQL stores when it generates the same rows itself (one event = its rows). */
    double databaseCeiling() throws SQLException {
        String database = platform.createDatabase("ceiling");
        try (Connection c = platform.connect(database); Statement st = c.createStatement()) {
            // the rows of progress-service's schema (its migrations up to V6): an event's identity and digest, and
            // the version each session row keeps
            st.execute("CREATE TABLE processed_event (event_id VARCHAR(200) NOT NULL, tenant_id VARCHAR(200) NOT NULL, "
                    + "event_type VARCHAR(100) NOT NULL, processed_at TIMESTAMPTZ NOT NULL DEFAULT now(), "
                    + "source VARCHAR(200) NOT NULL, digest CHAR(64), PRIMARY KEY (source, event_id))");
            st.execute("CREATE TABLE session_fact (tenant_id VARCHAR(200) NOT NULL, session_id VARCHAR(64) NOT NULL, "
                    + "athlete_id VARCHAR(200) NOT NULL, status VARCHAR(20) NOT NULL, scheduled_date DATE, "
                    + "occurred_at TIMESTAMPTZ NOT NULL, activity_date DATE NOT NULL, session_rpe NUMERIC(4, 1), "
                    + "pain_score INTEGER, pain_area VARCHAR(40), skip_reason VARCHAR(500), revision INTEGER NOT NULL, "
                    + "event_time TIMESTAMPTZ NOT NULL, event_source VARCHAR(200) NOT NULL, event_id VARCHAR(200) NOT NULL, "
                    + "notes VARCHAR(4000), PRIMARY KEY (tenant_id, session_id))");
            st.execute("CREATE INDEX session_fact_athlete ON session_fact (tenant_id, athlete_id, occurred_at)");
            st.execute("CREATE TABLE exercise_volume (tenant_id VARCHAR(200) NOT NULL, session_id VARCHAR(64) NOT NULL, "
                    + "exercise_id VARCHAR(200) NOT NULL, athlete_id VARCHAR(200) NOT NULL, activity_date DATE NOT NULL, "
                    + "exercise_name VARCHAR(200), pattern VARCHAR(40), muscles TEXT, sets INTEGER NOT NULL, "
                    + "reps INTEGER NOT NULL, hold_seconds INTEGER NOT NULL, PRIMARY KEY (tenant_id, session_id, exercise_id))");
            st.execute("CREATE INDEX exercise_volume_athlete ON exercise_volume (tenant_id, athlete_id, activity_date)");
            long start = System.nanoTime();
            c.setAutoCommit(false);
            st.execute("INSERT INTO processed_event (event_id, tenant_id, event_type, source, digest) SELECT "
                    + "md5('e' || g)::uuid::text, 'bench-club', 'session.completed.v1', '/medius/routine-service', "
                    + "md5('d' || g) || md5('e' || g) FROM generate_series(1, " + events + ") g");
            st.execute("INSERT INTO session_fact SELECT 'bench-club', md5('s' || g)::uuid::text, 'athlete-' || (g % "
                    + athletes + "), 'completed', current_date - (g % 120), now() - (g % 120) * interval '1 day', "
                    + "current_date - (g % 120), 6, g % 3, 'knee', NULL, 0, now() - (g % 120) * interval '1 day', "
                    + "'/medius/routine-service', md5('e' || g)::uuid::text FROM generate_series(1, " + events + ") g");
            st.execute("INSERT INTO exercise_volume SELECT 'bench-club', md5('s' || g)::uuid::text, 'exercise-' || e, "
                    + "'athlete-' || (g % " + athletes + "), current_date - (g % 120), 'Exercise ' || e, 'hip-abduction', "
                    + "'[\"gluteus-medius\"]', 2, 20, 0 FROM generate_series(1, " + events + ") g, generate_series(1, "
                    + SessionEvents.EXERCISES + ") e");
            c.commit();
            return events / ((System.nanoTime() - start) / 1e9);
        } finally {
            platform.dropDatabase(database);
        }
    }

    /** What one service run measured: its rate and, with several replicas, the partitions each one held. */
    record ServiceRun(double eventsPerSecond, Map<String, List<Integer>> partitionsByReplica) {
    }

    /** Starts {@code replicas} progress-services in one new group on an empty database; times the projections. */
    ServiceRun service(int replicas) throws SQLException {
        String database = platform.createDatabase("progress");
        String group = "bench-" + UUID.randomUUID();
        List<ServiceProcess> started = new ArrayList<>();
        try {
            Map<String, String> env = Map.of("MP_MESSAGING_INCOMING_ROUTINE_EVENTS_GROUP_ID", group);
            // started together, so that they join the group at about the same time
            started.addAll(platform.startServices("progress", database, env, replicas));
            long ready = System.nanoTime();
            try (Connection c = platform.connect(database); Statement st = c.createStatement()) {
                long first = 0;
                long firstCount = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                Map<String, List<Integer>> spread = Map.of();
                long lastLook = 0;
                while (true) {
                    long count = count(st);
                    long now = System.nanoTime();
                    if (first == 0 && count > 0) {
                        first = now;
                        firstCount = count;
                    }
                    if (replicas > 1 && count > 0 && now - lastLook > 1_000_000_000L) {
                        // the assignment once every replica has joined is the one that does the work
                        Map<String, List<Integer>> current = assignments(group);
                        spread = current.size() >= spread.size() ? current : spread;
                        lastLook = now;
                    }
                    if (count >= events) {
                        double seconds = (now - first) / 1e9;
                        // a run small enough to land in one batch has no first-to-last span: time it from readiness
                        double rate = count > firstCount ? (count - firstCount) / seconds : count / ((now - ready) / 1e9);
                        return new ServiceRun(rate, spread);
                    }
                    if (now > deadline) {
                        throw new IllegalStateException("projections hold " + count + " of " + events + " events");
                    }
                    Pause.millis(POLL_MILLIS);
                }
            }
        } finally {
            started.forEach(platform::stop);
            platform.dropDatabase(database);
        }
    }

    private static long count(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM session_fact")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, List<Integer>> assignments(String group) {
        try {
            ConsumerGroupDescription description = platform.broker().admin().describeConsumerGroups(List.of(group))
                    .all().get().get(group);
            Map<String, List<Integer>> spread = new TreeMap<>();
            int replica = 0;
            for (MemberDescription member : description.members()) {
                // members' ids share a long prefix: name them by their order in the group instead
                spread.put("member " + (++replica),
                        member.assignment().topicPartitions().stream().filter(p -> p.topic().equals(Topics.ROUTINE_SESSIONS))
                                .map(TopicPartition::partition).sorted().collect(Collectors.toList()));
            }
            return spread;
        } catch (Exception e) {
            return Map.of("unknown", List.of());
        }
    }
}
