package dev.medius.devkit.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.medius.devkit.postgres.PostgresServer;
import dev.medius.devkit.security.DevTokens;

/**
 * The production configuration a service process reads from its environment: its database, the broker,
 * the development token issuer's public key and, when given, where catalog-service and progress-service answer.
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    public static Map<String, String> of(PostgresServer postgres, String database, String bootstrapServers,
            Path publicKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        // readable logs on a developer's machine and in test output; JSON is for log collectors
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return env;
    }

    /**
     * The same for a service in a container on the host's network: the token key travels as the setting's value
     * (one line of base64), since the container cannot read the host's files.
     */
    public static Map<String, String> inContainer(PostgresServer postgres, String database, String bootstrapServers) {
        Map<String, String> env = of(postgres, database, bootstrapServers, Path.of("unused"));
        env.remove("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        env.put("MP_JWT_VERIFY_PUBLICKEY", DevTokens.publicKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        return env;
    }

    public static Map<String, String> of(PostgresServer postgres, String database, String bootstrapServers,
            Path publicKey, int catalogPort) {
        Map<String, String> env = of(postgres, database, bootstrapServers, publicKey);
        env.put("MEDIUS_CATALOG_URL", "http://127.0.0.1:" + catalogPort);
        return env;
    }

    /**
     * progress-service's way to the athletes' keys that open sealed event data: where routine-service answers, and a
     * development token of the platform-service role, valid long enough for any local run.
     */
    public static Map<String, String> withAthleteKeys(Map<String, String> env, String routineUrl) {
        env.put("MEDIUS_ROUTINE_URL", routineUrl);
        env.put("MEDIUS_ATHLETE_KEYS_TOKEN", serviceToken());
        return env;
    }

    /** A development token of the platform-service role, as the identity provider issues progress-service one. */
    public static String serviceToken() {
        return DevTokens.mint("progress-service", "medius-platform", Set.of("platform-service"), Duration.ofDays(30));
    }

    /** The same, with where progress-service answers routine-service's export. */
    public static Map<String, String> of(PostgresServer postgres, String database, String bootstrapServers,
            Path publicKey, int catalogPort, int progressPort) {
        Map<String, String> env = of(postgres, database, bootstrapServers, publicKey, catalogPort);
        env.put("MEDIUS_PROGRESS_URL", "http://127.0.0.1:" + progressPort);
        return env;
    }
}
