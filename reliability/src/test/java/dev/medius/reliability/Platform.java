package dev.medius.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.medius.devkit.kafka.KafkaBroker;
import dev.medius.devkit.postgres.PostgresServer;
import dev.medius.devkit.security.DevTokens;
import dev.medius.devkit.kafka.PlatformTopics;
import dev.medius.devkit.process.JvmOptions;
import dev.medius.devkit.process.Ports;
import dev.medius.devkit.process.ServiceEnvironment;
import dev.medius.devkit.process.ServiceProcess;

/**
 * The platform as a deployment runs it, with every part under the test's control: a broker the test
 * stops and starts again on the same port and data, PostgreSQL (a private server when the test stops
 * it), and the services as processes from their packaged applications with their production
 * configuration, which the test can kill (SIGKILL) and start again. Service logs go to
 * {@code target/reliability-logs/}.
 */
final class Platform implements AutoCloseable {

    static final Path ROOT = Paths.get("").toAbsolutePath().getParent();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** The consumer group progress-service ingests with. */
    static final String PROGRESS_GROUP = "progress-service";

    private final String name;
    private final Path state;
    private final PostgresServer postgres;
    private final int brokerPort;
    private final Path publicKey;
    private final String databasePrefix = "medius_rel_" + UUID.randomUUID().toString().substring(0, 8) + "_";
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    /** Each service's log and where this platform's output starts in it: the files are appended to run after run. */
    private final Map<Path, Long> logStarts = new LinkedHashMap<>();
    private KafkaBroker broker;

    private Platform(String name, Path state, PostgresServer postgres, KafkaBroker broker, Path publicKey) {
        this.name = name;
        this.state = state;
        this.postgres = postgres;
        this.broker = broker;
        this.brokerPort = broker.port();
        this.publicKey = publicKey;
        for (String service : List.of("catalog", "routine", "progress")) {
            ports.put(service, Ports.free());
        }
    }

    /**
     * Starts the broker with the platform's topics and finds PostgreSQL: a private server when {@code stoppablePostgres}
     * (the shared one is never stopped), else the one the devkit provisions.
     */
    static Platform start(String name, boolean stoppablePostgres) {
        try {
            Path state = Files.createTempDirectory("medius-reliability-");
            KafkaBroker broker = KafkaBroker.start(0, state.resolve("kafka"), false);
            broker.createTopics(PlatformTopics.ALL);
            PostgresServer postgres = stoppablePostgres ? PostgresServer.startPrivate(Optional.empty())
                    : PostgresServer.provision(Optional.empty());
            Path publicKey = state.resolve("dev-public-key.pem");
            Files.writeString(publicKey, DevTokens.publicKeyPem());
            return new Platform(name, state, postgres, broker, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the services (catalog, routine, progress) and waits until each reports ready. */
    void launch(String... services) {
        for (String service : services) {
            postgres.createDatabase(databasePrefix + service);
            startProcess(service);
        }
        for (String service : services) {
            awaitReady(service);
        }
    }

    private void startProcess(String service) {
        Map<String, String> env = ServiceEnvironment.of(postgres, databasePrefix + service, broker.bootstrapServers(),
                publicKey, ports.get("catalog"), ports.get("progress"));
        if (service.equals("progress")) {
            ServiceEnvironment.withAthleteKeys(env, "http://127.0.0.1:" + ports.get("routine"));
        }
        Path logs = ROOT.resolve("reliability/target/reliability-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = logs.resolve(name + "-" + service + "-service.log");
        logStarts.computeIfAbsent(log, file -> file.toFile().length());
        running.put(service, ServiceProcess.start(service, ROOT, ports.get(service), env, JvmOptions.development(), log));
    }

    void awaitReady(String service) {
        await(service + "-service ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> running.get(service).pollReady());
    }

    /** The last lines a service wrote, for a failure's message. */
    String logTail(String service, int lines) {
        return running.get(service).logTail(lines);
    }

    /** The logs of this platform's services whose output since it started contains {@code text}. */
    List<String> logsContaining(String text) {
        List<String> found = new ArrayList<>();
        logStarts.forEach((log, start) -> {
            try {
                byte[] written = Files.readAllBytes(log);
                int from = (int) Math.min(start, written.length);
                if (new String(written, from, written.length - from, StandardCharsets.UTF_8).contains(text)) {
                    found.add(log.getFileName().toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return found;
    }

    /** SIGKILL: the process dies at once, whatever it was doing. */
    void kill(String service) {
        running.get(service).kill();
    }

    /** Starts a killed or stopped service again with the same port, database and configuration. */
    void startAgain(String service) {
        startProcess(service);
        awaitReady(service);
    }

    /** The HTTP status of {@code /q/health/ready}, or -1 when nothing answers. */
    int readiness(String service) {
        return readinessReport(service).status();
    }

    /** What {@code /q/health/ready} answers: its status (-1 when nothing answers) and the checks' report. */
    record Readiness(int status, String report) {
    }

    Readiness readinessReport(String service) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Readiness(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Readiness(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Readiness(-1, e.toString());
        }
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    PostgresServer postgres() {
        return postgres;
    }

    /** Stops the broker; {@link #startBroker()} brings it back on the same port with the same logs and offsets. */
    void stopBroker() {
        broker.close();
    }

    void startBroker() {
        broker = KafkaBroker.start(brokerPort, state.resolve("kafka"), false);
    }

    Connection database(String service) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(databasePrefix + service), postgres.user(),
                postgres.password());
    }

    Admin admin() {
        return broker.admin();
    }

    /** Offsets a consumer group has committed on a topic, read with the admin client, and when they were read. */
    record Committed(Instant readAt, Map<Integer, Long> offsets) {
    }

    Committed committed(String group, String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            // read after the answer: whatever it shows was committed before this instant
            return new Committed(Instant.now(), offsets.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("committed offsets of " + group + " unreadable: " + e.getMessage(), e);
        }
    }

    /** Records not yet consumed by the group on the topics: end offsets minus committed offsets, summed. */
    long lag(String group, List<String> topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get(20, TimeUnit.SECONDS)
                    .values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("lag of " + group + " unreadable: " + e.getMessage(), e);
        }
    }

    /** Stops the services gracefully, then the broker, removes the databases and the temporary state. */
    @Override
    public void close() {
        running.values().forEach(ServiceProcess::terminate);
        running.values().forEach(process -> process.awaitExit(Duration.ofSeconds(20)));
        try {
            broker.close();
        } catch (RuntimeException e) {
            // already stopped by a test that failed during an outage
        }
        for (String service : running.keySet()) {
            try {
                postgres.dropDatabase(databasePrefix + service);
            } catch (RuntimeException e) {
                System.err.println("could not drop " + databasePrefix + service + ": " + e.getMessage());
            }
        }
        postgres.close();
        try (var paths = Files.walk(state)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + state + ": " + e.getMessage());
        }
    }
}
