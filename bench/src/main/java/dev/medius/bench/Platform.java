package dev.medius.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.medius.devkit.kafka.KafkaBroker;
import dev.medius.devkit.kafka.PlatformTopics;
import dev.medius.devkit.postgres.PostgresServer;
import dev.medius.devkit.process.JvmOptions;
import dev.medius.devkit.process.Ports;
import dev.medius.devkit.process.ServiceEnvironment;
import dev.medius.devkit.process.ServiceProcess;
import dev.medius.devkit.security.DevTokens;

/**
 * What a scenario measures against: the devkit Kafka broker, PostgreSQL (the machine's server or a
 * private one), throw-away databases and services started as processes. Closing it stops and drops
 * everything it started.
 */
final class Platform implements AutoCloseable {

    private final Path root;
    private final Path work;
    private final KafkaBroker broker;
    private final PostgresServer postgres;
    private final Path publicKey;
    private final List<String> databases = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();

    /** Platforms still open; a harness stopped with SIGTERM or Ctrl-C closes them on its way out. */
    private static final java.util.Set<Platform> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(OPEN).forEach(Platform::close),
                "bench-platform-stop"));
    }

    private Platform(Path root, Path work, KafkaBroker broker, PostgresServer postgres, Path publicKey) {
        this.root = root;
        this.work = work;
        this.broker = broker;
        this.postgres = postgres;
        this.publicKey = publicKey;
        OPEN.add(this);
    }

    static Platform start(Path root) {
        return start(root, true);
    }

    /**
     * The broker and PostgreSQL; with {@code classArchives}, also the class data archive of every service whose build
     * is newer than its archive, for the services started as processes.
     */
    static Platform start(Path root, boolean classArchives) {
        try {
            Path work = Files.createTempDirectory("medius-bench-");
            Path key = work.resolve("dev-public-key.pem");
            Files.writeString(key, DevTokens.publicKeyPem());
            KafkaBroker broker = KafkaBroker.startEphemeral();
            broker.createTopics(PlatformTopics.ALL);
            PostgresServer postgres = PostgresServer.provision(Optional.empty());
            Files.createDirectories(work.resolve("logs"));
            Platform platform = new Platform(root, work, broker, postgres, key);
            if (classArchives) {
                platform.trainClassArchives();
            }
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the class data archive of every service whose build is newer than its archive. The training
     * starts run against a broker of their own, so they neither publish into the scenario's topics nor
     * commit offsets in its consumer groups.
     */
    private void trainClassArchives() {
        List<String> stale = ClassArchive.SERVICES.stream().filter(name -> !ClassArchive.current(root, name)).toList();
        if (stale.isEmpty()) {
            return;
        }
        try (KafkaBroker training = KafkaBroker.startEphemeral()) {
            training.createTopics(PlatformTopics.ALL);
            for (String name : stale) {
                ClassArchive.train(this, root, name, Map.of("KAFKA_BOOTSTRAP_SERVERS", training.bootstrapServers()));
            }
        }
    }

    KafkaBroker broker() {
        return broker;
    }

    PostgresServer postgres() {
        return postgres;
    }

    /** A file in the platform's own folder, deleted when it closes. */
    Path file(String name) {
        return work.resolve(name);
    }

    /** A new empty database that is dropped when the platform closes. */
    String createDatabase(String purpose) {
        String name = "medius_bench_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        postgres.createDatabase(name);
        databases.add(name);
        return name;
    }

    void dropDatabase(String name) {
        postgres.dropDatabase(name);
        databases.remove(name);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }

    /** The production configuration every service reads from its environment. */
    Map<String, String> environment(String database) {
        Map<String, String> env = ServiceEnvironment.of(postgres, database, broker.bootstrapServers(), publicKey);
        // as the Kubernetes manifests run them (deploy/kubernetes/base)
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    /** Starts a service on its database and waits until it is ready. */
    ServiceProcess startService(String name, String database, Map<String, String> extraEnv) {
        return startServices(name, database, extraEnv, 1).get(0);
    }

    /** Starts one replica on a port chosen beforehand, for a service another one must know the address of first. */
    ServiceProcess startService(String name, String database, Map<String, String> extraEnv, int port) {
        Map<String, String> env = environment(database);
        env.putAll(extraEnv);
        List<String> jvm = new ArrayList<>(jvmOptions(name));
        jvm.addAll(ClassArchive.options(root, name));
        ServiceProcess service = ServiceProcess.start(name, root, port, env, jvm,
                work.resolve("logs").resolve(name + "-service-" + port + ".log"));
        services.add(service);
        service.awaitReady(Duration.ofMinutes(3));
        return service;
    }

    /** Starts {@code count} replicas of a service at once, with its image's class data archive, and waits until all are ready. */
    List<ServiceProcess> startServices(String name, String database, Map<String, String> extraEnv, int count) {
        return startServices(name, database, extraEnv, count, ClassArchive.options(root, name));
    }

    /** Starts a service as an image without its class data archive starts it (the archive's comparison). */
    ServiceProcess startServiceWithoutArchive(String name, String database) {
        return startServices(name, database, Map.of(), 1, List.of()).get(0);
    }

    List<ServiceProcess> startServices(String name, String database, Map<String, String> extraEnv, int count,
            List<String> extraJvmOptions) {
        Map<String, String> env = environment(database);
        env.putAll(extraEnv);
        List<ServiceProcess> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int port = Ports.free();
            List<String> jvm = new ArrayList<>(jvmOptions(name));
            jvm.addAll(extraJvmOptions);
            ServiceProcess service = ServiceProcess.start(name, root, port, env, jvm,
                    work.resolve("logs").resolve(name + "-service-" + port + ".log"));
            services.add(service);
            started.add(service);
        }
        started.forEach(service -> service.awaitReady(Duration.ofMinutes(3)));
        return started;
    }

    /**
     * The JVM options of a service's replica as its image holds them; {@code --jvm-options "..."} replaces them all to
     * try others against the same scenario.
     */
    static List<String> jvmOptions(String service) {
        String given = System.getProperty("bench.jvm-options");
        return given == null ? JvmOptions.replica(service) : List.of(given.trim().split("\\s+"));
    }

    void stop(ServiceProcess service) {
        service.close();
        services.remove(service);
    }

    @Override
    public void close() {
        if (!OPEN.remove(this)) {
            return;
        }
        List.copyOf(services).forEach(this::stop);
        broker.close();
        for (String database : List.copyOf(databases)) {
            try {
                postgres.dropDatabase(database);
            } catch (RuntimeException e) {
                System.err.println("[bench] could not drop " + database + ": " + e.getMessage());
            }
        }
        postgres.close();
        try (var paths = Files.walk(work)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("[bench] could not delete " + work + ": " + e.getMessage());
        }
    }
}
