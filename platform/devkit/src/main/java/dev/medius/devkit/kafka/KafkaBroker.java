package dev.medius.devkit.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Apache Kafka broker (KRaft, one node acting as broker and controller) running inside
 * this JVM. Tests start it on a random port in a throw-away folder; the local launcher starts it
 * on a fixed port in a folder that survives restarts.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String CLUSTER_ID = "bWVkaXVzLWRldmtpdC0x";
    private static final int NODE_ID = 1;

    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private final int port;
    private final KafkaRaftServer server;
    private boolean stopped;

    private KafkaBroker(Path dataDirectory, boolean deleteOnClose, int port, KafkaRaftServer server) {
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
        this.server = server;
    }

    /** Starts a broker on a random free port in a temporary folder that is deleted on close. */
    public static KafkaBroker startEphemeral() {
        try {
            return start(0, Files.createTempDirectory("medius-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker listening on 127.0.0.1:{@code port} (0 picks a free port), keeping its logs in
     * {@code dataDirectory}. A folder formatted by an earlier run is reused with its topics and offsets.
     */
    public static KafkaBroker start(int port, Path dataDirectory, boolean deleteOnClose) {
        try {
            Files.createDirectories(dataDirectory);
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Path logDir = dataDirectory.resolve("log");
            KafkaConfig config = new KafkaConfig(brokerProperties(brokerPort, controllerPort, logDir), false);
            format(logDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker(dataDirectory, deleteOnClose, brokerPort, server);
            broker.awaitReady(Duration.ofSeconds(60));
            LOG.info("Kafka broker ready on {} (data in {})", broker.bootstrapServers(), dataDirectory);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> brokerProperties(int brokerPort, int controllerPort, Path logDir) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // A single node cannot replicate: every internal topic gets one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "1");
        // the log cleaner's default 128 MiB dedupe buffer is sized for production disks
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        props.put("log.cleaner.backoff.ms", "1000");
        return props;
    }

    private static void format(Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(CLUSTER_ID)
                .setNodeId(NODE_ID)
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setUnstableFeatureVersionsEnabled(false)
                .setIgnoreFormatted(true)
                .run();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("broker not ready after " + bound, last);
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        return Admin.create(props);
    }

    /** Creates the topics that do not exist yet; an existing topic is left as it is. */
    public void createTopics(Collection<TopicSpec> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(TopicSpec::toNewTopic)
                    .collect(Collectors.toList());
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList(), Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics " + topics + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until every partition of the new topics has a leader: the controller answers a creation before the
     * broker has opened the partitions' logs, and a producer writing meanwhile can wait for them until it gives up.
     */
    private static void awaitLeaders(Admin admin, List<String> names, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Object seen;
            boolean led;
            try {
                var descriptions = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
                seen = descriptions;
                led = descriptions.values().stream().flatMap(topic -> topic.partitions().stream())
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()
                                && !partition.isr().isEmpty());
            } catch (ExecutionException e) {
                // a topic just created may be unknown to the broker's metadata for a moment
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                seen = e.getCause().getMessage();
                led = false;
            }
            if (led) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions without a leader after " + bound + ": " + seen);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    public void createTopic(TopicSpec topic) {
        createTopics(List.of(topic));
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker did not stop cleanly: {}", e.getMessage());
        }
        if (deleteOnClose) {
            deleteRecursively(dataDirectory);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", root, e.getMessage());
        }
    }

    /**
     * A topic to create: partitions, and for keyed state such as the exercise catalog, log compaction.
     */
    public record TopicSpec(String name, int partitions, boolean compacted, Optional<Duration> retention) {

        public static TopicSpec of(String name, int partitions) {
            return new TopicSpec(name, partitions, false, Optional.empty());
        }

        public static TopicSpec compacted(String name, int partitions) {
            return new TopicSpec(name, partitions, true, Optional.empty());
        }

        /** Parses {@code name[:partitions[:compact]]}, the form used in test resource arguments. */
        public static TopicSpec parse(String spec) {
            String[] parts = spec.trim().split(":");
            int partitions = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            boolean compacted = parts.length > 2 && "compact".equalsIgnoreCase(parts[2]);
            return new TopicSpec(parts[0], partitions, compacted, Optional.empty());
        }

        NewTopic toNewTopic() {
            Map<String, String> configs = new HashMap<>();
            if (compacted) {
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            retention.ifPresent(r -> configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(r.toMillis())));
            return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
        }
    }
}
