package dev.medius.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.medius.devkit.containers.ServiceImages;
import dev.medius.devkit.kafka.KafkaBroker;
import dev.medius.devkit.kafka.PlatformTopics;
import dev.medius.devkit.postgres.PostgresServer;
import dev.medius.devkit.process.JvmOptions;
import dev.medius.devkit.process.Ports;
import dev.medius.devkit.process.ServiceEnvironment;
import dev.medius.devkit.process.ServiceProcess;
import dev.medius.devkit.security.DevTokens;

/**
 * Starts the whole platform on one machine: the Kafka broker, PostgreSQL (through the devkit) and
 * the three services as separate processes, then waits until all are ready. Ctrl-C stops
 * everything it started. State lives under {@code .medius/} and survives a restart.
 */
public final class LocalPlatform {

    static final String DEMO_TENANT = DemoOrganisation.CLUB;
    private static final String INITIALISED = "databases ";
    /** The tag of the images `--containers` runs, built here from this checkout. */
    private static final String IMAGE_TAG = "local";

    private final LocalOptions options;
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaBroker broker;
    private PostgresServer postgres;
    private final Map<String, String> databases = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private DemoOrganisation demo;
    private java.nio.channels.FileChannel stateLock;
    private Watchdog watchdog;

    LocalPlatform(LocalOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // the broker logs every partition it touches at INFO; keep the terminal for what matters
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("medius.log.level", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.dev.medius", "info");
        LocalOptions options;
        try {
            options = LocalOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LocalOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LocalOptions.USAGE);
            return;
        }
        LocalPlatform platform = new LocalPlatform(options);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "medius-local-stop"));
        try {
            platform.start();
        } catch (Throwable e) {
            if (e instanceof IllegalStateException) {
                System.err.println("Medius did not start: " + e.getMessage());
            } else {
                System.err.println("Medius did not start: " + e);
                e.printStackTrace();
            }
            System.exit(1);
        }
        platform.stopped.await();
    }

    void start() {
        Path state = options.stateDirectory();
        lockState(state);
        PreviousRun.awaitGone(state);
        requireFreePorts();
        try {
            if (options.reset() && Files.exists(state)) {
                log("resetting local state in " + state);
                deleteRecursively(state);
            }
            Files.createDirectories(state.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        broker = KafkaBroker.start(options.kafkaPort(), state.resolve("kafka"), options.ephemeral());
        broker.createTopics(PlatformTopics.ALL);
        log("Kafka       " + broker.bootstrapServers());

        postgres = PostgresServer.provision(Optional.of(state.resolve("postgres")));
        // databases belong to the state that created them: a new state starts from empty ones
        boolean freshState = !Files.exists(state.resolve("initialised"));
        String prefix = databasePrefix(state, freshState);
        for (String service : List.of("catalog", "routine", "progress")) {
            String database = prefix + service;
            if ((options.reset() || freshState) && !options.ephemeral()) {
                postgres.dropDatabase(database);
            }
            postgres.createDatabase(database);
            databases.put(service, database);
        }
        log("PostgreSQL  " + postgres.host() + ":" + postgres.port() + " (" + postgres.origin() + ")");

        try {
            Files.writeString(state.resolve("initialised"), INITIALISED + prefix + "*\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Path publicKey = state.resolve("dev-public-key.pem");
        Path tokens = state.resolve("dev-tokens.env");
        try {
            Files.writeString(publicKey, DevTokens.publicKeyPem());
            Files.writeString(tokens, devTokens());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("catalog", port(options.catalogPort()));
        ports.put("routine", port(options.routinePort()));
        ports.put("progress", port(options.progressPort()));
        if (options.containers() && ServiceImages.stale(options.root(), IMAGE_TAG)) {
            log("building the images (deploy/containers/build-images; log in " + state.resolve("logs/images.log") + ")");
            ServiceImages.build(options.root(), IMAGE_TAG, postgres, broker.bootstrapServers(),
                    state.resolve("logs/images.log"));
        }
        for (Map.Entry<String, Integer> entry : ports.entrySet()) {
            String service = entry.getKey();
            Path log = state.resolve("logs").resolve(service + "-service.log");
            if (options.containers()) {
                Map<String, String> env = ServiceEnvironment.inContainer(postgres, databases.get(service),
                        broker.bootstrapServers());
                env.put("MEDIUS_CATALOG_URL", "http://127.0.0.1:" + ports.get("catalog"));
                env.put("MEDIUS_PROGRESS_URL", "http://127.0.0.1:" + ports.get("progress"));
                if (service.equals("progress")) {
                    ServiceEnvironment.withAthleteKeys(env, "http://127.0.0.1:" + ports.get("routine"));
                }
                services.add(ServiceProcess.container(service, options.root(), ServiceImages.image(service, IMAGE_TAG),
                        entry.getValue(), env, log));
            } else {
                Map<String, String> env = ServiceEnvironment.of(postgres, databases.get(service),
                        broker.bootstrapServers(), publicKey, ports.get("catalog"), ports.get("progress"));
                if (service.equals("progress")) {
                    ServiceEnvironment.withAthleteKeys(env, "http://127.0.0.1:" + ports.get("routine"));
                }
                services.add(ServiceProcess.start(service, options.root(), entry.getValue(), env,
                        JvmOptions.development(), log));
            }
        }
        List<Long> pids = services.stream().map(ServiceProcess::pid).toList();
        PreviousRun.record(state, pids);
        watchdog = Watchdog.start(ProcessHandle.current().pid(), pids);
        awaitReady(Duration.ofSeconds(options.readyTimeoutSeconds()));
        writePlatformFile(state, ports);
        if (options.demo()) {
            seedDemo(state, ports);
        }

        StringBuilder banner = new StringBuilder("\nMedius is running (Ctrl-C stops it)\n");
        for (ServiceProcess service : services) {
            String base = "http://127.0.0.1:" + service.port();
            banner.append(String.format("  %-17s %s/api/v1   Swagger UI %s/q/swagger-ui%n", service.name() + "-service",
                    base, base));
        }
        banner.append(String.format("  %-17s http://127.0.0.1:%d/dashboard/%n", "dashboard", ports.get("progress")));
        banner.append(String.format("  %-17s %s%n", "Kafka", broker.bootstrapServers()));
        banner.append(String.format("  %-17s source %s%n", "dev tokens", tokens));
        banner.append(String.format("  %-17s %s%n", "logs", state.resolve("logs")));
        if (options.demo()) {
            banner.append(String.format("  %-17s %s%n", "demo", DemoOrganisation.summary()));
        }
        log(banner.toString());
        if (options.demo() && options.simulate()) {
            demo.startTrickle(Duration.ofSeconds(20));
        }
    }

    /**
     * Seeds the demo organisations, or finishes seeding them after an interrupted run: every step first looks for what
     * an earlier run created, so a restart never duplicates anything. A failure stops the launcher with its reason.
     */
    private void seedDemo(Path state, Map<String, Integer> ports) {
        Path marker = state.resolve("demo-seeded");
        demo = new DemoOrganisation("http://127.0.0.1:" + ports.get("routine"), demoStart(state), LocalDate.now(),
                options.simulate());
        try {
            if (Files.exists(marker)) {
                demo.resume();
                return;
            }
            log("seeding the demo organisations (" + DemoOrganisation.summary() + ", "
                    + (options.simulate() ? "with weeks of history" : "no history") + ")...");
            int recorded = demo.seed();
            Files.writeString(marker, "seeded " + LocalDate.now() + "\n");
            log("demo organisations ready: " + recorded + " sessions recorded");
        } catch (IOException e) {
            throw new IllegalStateException("the demo organisations were not seeded: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("seeding interrupted", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the demo organisations were not seeded: " + e.getMessage()
                    + " (routine-service's log: " + state.resolve("logs").resolve("routine-service.log")
                    + "); start again to finish seeding", e);
        }
    }

    /** The Monday the demo plans start on, fixed by the first run so that a resumed seeding builds the same plans. */
    private static LocalDate demoStart(Path state) {
        Path file = state.resolve("demo-start");
        try {
            if (Files.exists(file)) {
                return LocalDate.parse(Files.readString(file).trim());
            }
            LocalDate start = DemoOrganisation.startFor(LocalDate.now());
            Files.writeString(file, start + "\n");
            return start;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Database names derived from the state folder, so that two checkouts on one PostgreSQL keep their data apart; a
     * state created before keeps the names it recorded.
     */
    private String databasePrefix(Path state, boolean freshState) {
        if (options.ephemeral()) {
            return "medius_run_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        }
        if (!freshState) {
            try {
                String recorded = Files.readString(state.resolve("initialised")).trim();
                if (recorded.startsWith(INITIALISED) && recorded.endsWith("*")) {
                    return recorded.substring(INITIALISED.length(), recorded.length() - 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return statePrefix(state);
    }

    static String statePrefix(Path state) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(state.toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "medius_" + java.util.HexFormat.of().formatHex(digest, 0, 5) + "_";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two launchers on one state would delete or corrupt each other's broker and databases. */
    private void lockState(Path state) {
        try {
            Files.createDirectories(state);
            stateLock = java.nio.channels.FileChannel.open(state.resolve("launcher.lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            if (stateLock.tryLock() == null) {
                throw new IllegalStateException("another Medius launcher is running with the state in " + state
                        + "; stop it first (Ctrl-C in its terminal)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port already taken would let the readiness checks talk to someone else's process. */
    private void requireFreePorts() {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("Kafka", options.kafkaPort());
        wanted.put("catalog-service", options.catalogPort());
        wanted.put("routine-service", options.routinePort());
        wanted.put("progress-service", options.progressPort());
        wanted.forEach((what, port) -> {
            if (port == 0) {
                return;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " for " + what + " is in use (is Medius already running?);"
                        + " stop what uses it or choose other ports with --kafka-port / --ports");
            }
        });
    }

    /** The platform operator's token: a person of the platform, not of an organisation. */
    static String operatorToken() {
        return DevTokens.mint("medius-operator", "medius-platform", "platform-operator");
    }

    private String devTokens() {
        StringBuilder env = new StringBuilder("# Development bearer tokens for the demo organisations. Use: source this file, then"
                + " curl -H \"Authorization: Bearer $MEDIUS_COACH_TOKEN\" ...\n");
        env.append("# ").append(DEMO_TENANT).append(": the walk-through of docs/api.md\n");
        env.append("MEDIUS_ADMIN_TOKEN=").append(DevTokens.mint("demo-admin", DEMO_TENANT, "admin")).append('\n');
        env.append("MEDIUS_EDITOR_TOKEN=").append(DevTokens.mint("demo-editor", DEMO_TENANT, "editor")).append('\n');
        env.append("MEDIUS_HEAD_COACH_TOKEN=")
                .append(DevTokens.mint(DemoOrganisation.HEAD_COACH, DEMO_TENANT, "head-coach", "coach")).append('\n');
        env.append("MEDIUS_COACH_TOKEN=").append(DevTokens.mint(DemoOrganisation.COACH, DEMO_TENANT, "coach")).append('\n');
        env.append("MEDIUS_ATHLETE_TOKEN=").append(DevTokens.mint("demo-athlete", DEMO_TENANT, "athlete")).append('\n');
        env.append("# whoever runs the platform: rebuilds and dead-letter replays, which reach every organisation\n");
        env.append("MEDIUS_OPERATOR_TOKEN=").append(operatorToken()).append('\n');
        env.append("# every role of each organisation: MEDIUS_<ORGANISATION>_<WHO>_TOKEN\n");
        DemoOrganisation.people().forEach((variable, person) -> env.append(variable).append('=')
                .append(DevTokens.mint(person.subject(), person.tenant(), person.roles().toArray(String[]::new)))
                .append('\n'));
        return env.toString();
    }

    private void writePlatformFile(Path state, Map<String, Integer> ports) {
        String json = "{\n"
                + ports.entrySet().stream()
                        .map(entry -> "  \"" + entry.getKey() + "\": \"http://127.0.0.1:" + entry.getValue() + "\"")
                        .collect(Collectors.joining(",\n"))
                + ",\n  \"kafka\": \"" + broker.bootstrapServers() + "\",\n  \"launcherPid\": " + ProcessHandle.current().pid()
                + "\n}\n";
        try {
            Files.writeString(state.resolve("platform.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (service.pollReady()) {
                    log(service.name() + "-service ready on port " + service.port());
                    waiting.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + bound + ": "
                        + waiting.stream().map(ServiceProcess::name).collect(Collectors.joining(", ")));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        log("stopping Medius");
        if (demo != null) {
            demo.close();
        }
        for (ServiceProcess service : services) {
            service.terminate();
        }
        for (ServiceProcess service : services) {
            service.awaitExit(Duration.ofSeconds(20));
        }
        if (watchdog != null) {
            watchdog.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            if (options.ephemeral()) {
                databases.values().forEach(database -> {
                    try {
                        postgres.dropDatabase(database);
                    } catch (RuntimeException e) {
                        log("could not drop " + database + ": " + e.getMessage());
                    }
                });
            }
            postgres.close();
        }
        if (options.ephemeral()) {
            deleteRecursively(options.stateDirectory());
        }
        log("stopped");
        stopped.countDown();
    }

    private static int port(int requested) {
        return requested != 0 ? requested : Ports.free();
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log("could not delete " + root + ": " + e.getMessage());
        }
    }

    static void log(String message) {
        System.out.println("[medius] " + message);
        System.out.flush();
    }
}
