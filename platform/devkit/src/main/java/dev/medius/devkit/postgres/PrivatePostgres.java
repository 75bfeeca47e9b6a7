package dev.medius.devkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of our own, started with {@code initdb} and {@code pg_ctl} from the binaries
 * installed on the machine. PostgreSQL refuses to run as root, so when this JVM is root the server
 * runs as the {@code postgres} system user (or {@code nobody}).
 */
final class PrivatePostgres {

    private static final Logger LOG = LoggerFactory.getLogger(PrivatePostgres.class);
    static final String SUPERUSER = "postgres";

    private final Path binaries;
    private final Path dataDirectory;
    private final boolean temporary;
    private final Optional<String> runAs;
    private final int port;

    private PrivatePostgres(Path binaries, Path dataDirectory, boolean temporary, Optional<String> runAs, int port) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.runAs = runAs;
        this.port = port;
    }

    static PrivatePostgres start(Optional<Path> requestedDirectory) {
        try {
            Path binaries = findBinaries();
            Optional<String> runAs = isRoot() ? Optional.of(unprivilegedUser()) : Optional.empty();
            boolean temporary = requestedDirectory.isEmpty();
            Path dataDirectory = temporary
                    ? Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), "medius-pg-")
                    : requestedDirectory.get().toAbsolutePath();
            Files.createDirectories(dataDirectory);
            int port = freePort();
            PrivatePostgres server = new PrivatePostgres(binaries, dataDirectory, temporary, runAs, port);
            server.initialiseIfNeeded();
            server.writeSettings();
            server.resume();
            LOG.info("private PostgreSQL on 127.0.0.1:{} (data in {}{})", port, dataDirectory,
                    runAs.map(user -> ", running as " + user).orElse(""));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** Stops the server and keeps its data: {@link #resume()} brings the same databases back on the same port. */
    void halt() {
        run(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop"));
        LOG.info("private PostgreSQL on 127.0.0.1:{} stopped", port);
    }

    /** Starts the server again after {@link #halt()}. */
    void resume() {
        run(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(),
                "-l", dataDirectory.resolve("server.log").toString(), "-w", "-t", "60", "start"));
    }

    void stop() {
        try {
            halt();
        } catch (RuntimeException e) {
            LOG.warn("private PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        if (temporary) {
            try (Stream<Path> paths = Files.walk(dataDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", dataDirectory, e.getMessage());
            }
        }
    }

    private void initialiseIfNeeded() throws IOException {
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            return;
        }
        // initdb wants an empty folder owned by the user the server runs as
        Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
        if (runAs.isPresent()) {
            allowTraversal(dataDirectory.getParent());
            exec(List.of("chown", "-R", runAs.get(), dataDirectory.toString()));
        }
        run(List.of(binaries.resolve("initdb").toString(), "-D", dataDirectory.toString(), "-U", SUPERUSER,
                "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"));
        Path conf = dataDirectory.resolve("postgresql.conf");
        Files.writeString(conf, Files.readString(conf) + "\ninclude_if_exists = 'medius.conf'\n");
    }

    /**
     * The server's user must be able to reach its data folder: folders on the way that only their owner may enter
     * (a temporary folder, say) get the search bit for others, which lets nobody list or read them.
     */
    private static void allowTraversal(Path directory) throws IOException {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            var permissions = Files.getPosixFilePermissions(dir);
            if (!permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                var widened = java.util.EnumSet.copyOf(permissions);
                widened.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(dir, widened);
            }
        }
    }

    private void writeSettings() throws IOException {
        String settings = String.join("\n",
                "# written by the Medius devkit at every start",
                "port = " + port,
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "max_connections = 300",
                "shared_buffers = 128MB",
                temporary ? "fsync = off" : "fsync = on",
                temporary ? "synchronous_commit = off" : "synchronous_commit = on",
                "");
        Path file = dataDirectory.resolve("medius.conf");
        Files.writeString(file, settings, StandardCharsets.UTF_8);
        if (runAs.isPresent()) {
            exec(List.of("chown", runAs.get(), file.toString()));
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (runAs.isPresent()) {
            full.addAll(List.of("runuser", "-u", runAs.get(), "--"));
        }
        full.addAll(command);
        exec(full);
    }

    private static void exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path findBinaries() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("MEDIUS_PG_BIN")).map(Paths::get).ifPresent(candidates::add);
        Path debian = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparing(PrivatePostgres::majorVersion).reversed())
                        .map(version -> version.resolve("bin"))
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        candidates.add(Paths.get("/usr/local/pgsql/bin"));
        candidates.add(Paths.get("/usr/pgsql/bin"));
        candidates.add(Paths.get("/usr/bin"));
        return candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no PostgreSQL server binaries (initdb, pg_ctl) found; install PostgreSQL or set MEDIUS_PG_BIN"
                                + " or MEDIUS_JDBC_URL"));
    }

    private static int majorVersion(Path versionDirectory) {
        try {
            return Integer.parseInt(versionDirectory.getFileName().toString().replaceAll("\\..*$", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String unprivilegedUser() {
        for (String candidate : new String[] {"postgres", "nobody"}) {
            try {
                Process process = new ProcessBuilder("id", "-u", candidate).redirectErrorStream(true).start();
                if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                LOG.debug("id {} failed: {}", candidate, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
