package dev.medius.devkit.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that tests and the local launcher can create databases on. Found in this
 * order: a JDBC URL from the environment ({@code MEDIUS_JDBC_URL}, with {@code MEDIUS_JDBC_USER}
 * and {@code MEDIUS_JDBC_PASSWORD}); else a server answering on 127.0.0.1:5432; else a private
 * server started from the PostgreSQL binaries on this machine. {@code MEDIUS_POSTGRES=private} always
 * starts a private server.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Where this server came from, for logs and for tests that need to know. */
    public enum Origin { ENVIRONMENT, LOCAL_SERVER, PRIVATE_SERVER }

    private final Origin origin;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final PrivatePostgres privateServer;

    PostgresServer(Origin origin, String host, int port, String user, String password, String adminDatabase,
            PrivatePostgres privateServer) {
        this.origin = origin;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
        this.privateServer = privateServer;
    }

    /**
     * Finds or starts a server. {@code privateDataDirectory} is where a private server keeps its data
     * when one has to be started; a temporary folder when empty (deleted on close).
     */
    public static PostgresServer provision(Optional<Path> privateDataDirectory) {
        if ("private".equalsIgnoreCase(System.getenv("MEDIUS_POSTGRES"))) {
            // a server of our own even when a shared one answers: nothing of this run touches it
            return startPrivate(privateDataDirectory);
        }
        String url = System.getenv("MEDIUS_JDBC_URL");
        if (url != null && !url.isBlank()) {
            PostgresServer server = fromJdbcUrl(url, env("MEDIUS_JDBC_USER", "postgres"), env("MEDIUS_JDBC_PASSWORD", ""));
            LOG.info("PostgreSQL from MEDIUS_JDBC_URL: {}:{}", server.host, server.port);
            return server;
        }
        if (answers("127.0.0.1", 5432)) {
            Optional<String> user = firstUserThatConnects("127.0.0.1", 5432);
            if (user.isPresent()) {
                LOG.info("PostgreSQL on 127.0.0.1:5432 as {}", user.get());
                return new PostgresServer(Origin.LOCAL_SERVER, "127.0.0.1", 5432, user.get(), "", "postgres", null);
            }
            LOG.warn("a server answers on 127.0.0.1:5432 but refuses the default users; starting a private one");
        }
        return startPrivate(privateDataDirectory);
    }

    /** Starts a private server from the machine's PostgreSQL binaries, whatever else is running. */
    public static PostgresServer startPrivate(Optional<Path> dataDirectory) {
        PrivatePostgres server = PrivatePostgres.start(dataDirectory);
        return new PostgresServer(Origin.PRIVATE_SERVER, "127.0.0.1", server.port(), PrivatePostgres.SUPERUSER, "",
                "postgres", server);
    }

    static PostgresServer fromJdbcUrl(String url, String user, String password) {
        // jdbc:postgresql://host[:port]/database[?params]
        String rest = url.replaceFirst("^jdbc:postgresql://", "");
        String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String database = rest.contains("/") ? rest.substring(rest.indexOf('/') + 1).replaceFirst("\\?.*$", "") : "postgres";
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
        return new PostgresServer(Origin.ENVIRONMENT, host, port, user, password,
                database.isBlank() ? "postgres" : database, null);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<String> firstUserThatConnects(String host, int port) {
        for (String candidate : new String[] {"postgres", System.getProperty("user.name"), "root"}) {
            try (Connection ignored = DriverManager.getConnection(
                    "jdbc:postgresql://" + host + ":" + port + "/postgres", candidate, "")) {
                return Optional.of(candidate);
            } catch (SQLException e) {
                LOG.debug("user {} cannot connect: {}", candidate, e.getMessage());
            }
        }
        return Optional.empty();
    }

    public Origin origin() {
        return origin;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of one database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Opens a connection to the server's maintenance database. */
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
    }

    public boolean databaseExists(String name) {
        checkName(name);
        try (Connection connection = adminConnection();
                var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (databaseExists(name)) {
            return;
        }
        execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        LOG.info("created database {} on {}:{}", name, host, port);
    }

    /** Drops the database, closing its remaining connections first. */
    public void dropDatabase(String name) {
        checkName(name);
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void checkName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }

    /**
     * Stops a private server and keeps its data, as an outage a test can end with {@link #startAgain()}. Only a
     * server this provisioning started can be stopped: a shared server is never touched.
     */
    public void stopKeepingData() {
        requirePrivate().halt();
    }

    /** Starts a private server stopped by {@link #stopKeepingData()} again, on the same port with the same data. */
    public void startAgain() {
        requirePrivate().resume();
    }

    private PrivatePostgres requirePrivate() {
        if (privateServer == null) {
            throw new IllegalStateException("only a private server can be stopped and started; this one is " + origin);
        }
        return privateServer;
    }

    /** Stops the private server, if this provisioning started one; a shared server is left running. */
    @Override
    public void close() {
        if (privateServer != null) {
            privateServer.stop();
        }
    }
}
