package dev.medius.bench;

import dev.medius.devkit.process.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The class data archive a service's image carries (docs/operations.md, "Images"): the classes one start
 * of the packaged service loaded, already parsed and verified, which the JVM maps instead of loading them
 * again. It is written by a training start of that build with the JVM that will run it, as the image
 * pipeline does; an archive older than the build is written again, since the JVM would refuse it.
 */
final class ClassArchive {

    static final List<String> SERVICES = List.of("catalog", "routine", "progress");

    /** Where the image keeps it, next to quarkus-run.jar. */
    static final String FILE = "class-data.jsa";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Reached by the training start, so their classes are in the archive too, as a first request needs them. */
    private static final List<String> TRAINING_PATHS = List.of("/q/health/ready", "/q/health/live", "/q/metrics",
            "/q/openapi");

    private ClassArchive() {
    }

    static Path of(Path root, String service) {
        return root.resolve(service + "-service").resolve("target/quarkus-app").resolve(FILE);
    }

    /** The JVM options that map the service's archive, or none when it has not been written. */
    static List<String> options(Path root, String service) {
        Path archive = of(root, service);
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /** Whether an archive exists that was written after the build it describes. */
    static boolean current(Path root, String service) {
        Path archive = of(root, service);
        Path jar = archive.resolveSibling("quarkus-run.jar");
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The training start: the service on a database of its own until it is ready, a few requests, then a
     * normal stop, at which the JVM writes what it loaded. Written beside the archive and moved over it, so a
     * stop half-way leaves no torn archive.
     */
    static void train(Platform platform, Path root, String service, Map<String, String> environment) {
        Path archive = of(root, service);
        Path written = archive.resolveSibling(FILE + ".training");
        Bench.log("training start of " + service + "-service for its class data archive");
        String database = platform.createDatabase(service + "_training");
        ServiceProcess started = platform.startServices(service, database, environment, 1,
                List.of("-XX:ArchiveClassesAtExit=" + written)).get(0);
        for (String path : TRAINING_PATHS) {
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create(started.url() + path)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        platform.stop(started);
        platform.dropDatabase(database);
        if (!Files.isRegularFile(written)) {
            throw new IllegalStateException(service + "-service wrote no class data archive; its log is in the platform's logs");
        }
        try {
            Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
