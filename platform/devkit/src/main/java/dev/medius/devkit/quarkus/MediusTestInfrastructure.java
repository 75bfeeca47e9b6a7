package dev.medius.devkit.quarkus;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.medius.devkit.kafka.KafkaBroker;
import dev.medius.devkit.kafka.KafkaBroker.TopicSpec;
import dev.medius.devkit.postgres.PostgresServer;
import dev.medius.devkit.security.DevTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service's {@code @QuarkusTest}s the real infrastructure: one Kafka broker and one fresh
 * database per test JVM, created on first use and removed when the JVM exits, and the development
 * JWT key. Arguments: {@code service} (names the database) and {@code topics}
 * ({@code name[:partitions[:compact]]}, comma separated).
 */
public class MediusTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;
    private static PostgresServer postgres;
    private static final Map<String, String> DATABASES = new HashMap<>();

    private String service = "service";
    private List<TopicSpec> topics = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        String topicArg = initArgs.getOrDefault("topics", "");
        topics = Arrays.stream(topicArg.split(","))
                .filter(spec -> !spec.isBlank())
                .map(TopicSpec::parse)
                .collect(Collectors.toList());
    }

    @Override
    public Map<String, String> start() {
        String database = database(service);
        broker().createTopics(topics);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.datasource.jdbc.url", postgres().jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres().user());
        config.put("quarkus.datasource.password", postgres().password());
        config.put("kafka.bootstrap.servers", broker().bootstrapServers());
        config.put("mp.jwt.verify.publickey", DevTokens.publicKeyPem());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // shared for the whole JVM: torn down by the shutdown hook, not between test classes
    }

    /** The broker of this test JVM, started on first use. */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = KafkaBroker.startEphemeral();
            registerTeardown();
        }
        return broker;
    }

    /** The PostgreSQL server of this test JVM, found or started on first use. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.provision(Optional.empty());
            registerTeardown();
        }
        return postgres;
    }

    /** The database this JVM uses for {@code service}, created on first use. */
    public static synchronized String database(String service) {
        return DATABASES.computeIfAbsent(service, name -> {
            String database = "medius_test_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
            postgres().createDatabase(database);
            return database;
        });
    }

    private static boolean teardownRegistered;

    private static synchronized void registerTeardown() {
        if (teardownRegistered) {
            return;
        }
        teardownRegistered = true;
        Runtime.getRuntime().addShutdownHook(new Thread(MediusTestInfrastructure::teardown, "medius-test-teardown"));
    }

    private static synchronized void teardown() {
        if (postgres != null) {
            DATABASES.values().forEach(database -> {
                try {
                    postgres.dropDatabase(database);
                } catch (RuntimeException e) {
                    System.err.println("could not drop " + database + ": " + e.getMessage());
                }
            });
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
