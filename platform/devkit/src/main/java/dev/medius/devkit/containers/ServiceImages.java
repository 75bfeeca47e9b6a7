package dev.medius.devkit.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.medius.devkit.postgres.PostgresServer;
import dev.medius.devkit.process.Ports;
import dev.medius.devkit.process.ServiceEnvironment;

/**
 * The services' container images, built by {@code deploy/containers/build-images}: each image's class data archive
 * comes from a training start against a database of its own on {@code postgres} and the broker given.
 */
public final class ServiceImages {

    public static final List<String> SERVICES = List.of("catalog", "routine", "progress");

    private ServiceImages() {
    }

    /** The local name of a service's image. */
    public static String image(String service, String tag) {
        return "localhost/medius/" + service + "-service:" + tag;
    }

    /** True when an image is missing or older than its service's packaged application. */
    public static boolean stale(Path root, String tag) {
        for (String service : SERVICES) {
            Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
            String created;
            try {
                created = Podman.run(root, Duration.ofSeconds(30), "image", "inspect", "-f", "{{.Created.Unix}}",
                        image(service, tag)).trim();
            } catch (IllegalStateException missing) {
                return true;
            }
            try {
                if (Long.parseLong(created) * 1000 < Files.getLastModifiedTime(jar).toMillis()) {
                    return true;
                }
            } catch (IOException | NumberFormatException e) {
                return true;
            }
        }
        return false;
    }

    /** Builds the base when missing and the three images as {@code TAG}, output appended to {@code log}. */
    public static void build(Path root, String tag, PostgresServer postgres, String bootstrapServers, Path log) {
        Path training;
        try {
            training = Files.createTempDirectory("medius-training-env");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> databases = SERVICES.stream().map(service -> "medius_training_" + service).toList();
        try {
            for (int i = 0; i < SERVICES.size(); i++) {
                postgres.dropDatabase(databases.get(i));
                postgres.createDatabase(databases.get(i));
                Map<String, String> env = ServiceEnvironment.inContainer(postgres, databases.get(i), bootstrapServers);
                env.put("QUARKUS_HTTP_PORT", Integer.toString(Ports.free()));
                // training starts one service at a time: routine-service's catalog and progress calls find nobody, as
                // after a restart
                env.put("MEDIUS_CATALOG_URL", "http://127.0.0.1:" + Ports.free());
                env.put("MEDIUS_PROGRESS_URL", "http://127.0.0.1:" + Ports.free());
                if (SERVICES.get(i).equals("progress")) {
                    ServiceEnvironment.withAthleteKeys(env, "http://127.0.0.1:" + Ports.free());
                }
                Files.writeString(training.resolve(SERVICES.get(i) + ".env"), env.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n", "", "\n")));
            }
            Podman.exec(root, List.of(root.resolve("deploy/containers/build-images").toString(), "--tag", tag,
                    "--training-env", training.toString()), Duration.ofMinutes(30), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            databases.forEach(postgres::dropDatabase);
            try (var files = Files.list(training)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
                Files.delete(training);
            } catch (IOException e) {
                // a temporary folder of settings: nothing depends on its removal
            }
        }
    }
}
