package dev.medius.devkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void provisionedServerCreatesAndDropsDatabases() throws Exception {
        try (PostgresServer server = PostgresServer.provision(Optional.empty())) {
            exerciseDatabaseLifecycle(server, "medius_devkit_provisioned");
        }
    }

    @Test
    void privateServerStartsFromMachineBinariesEvenAsRoot() throws Exception {
        PostgresServer server = PostgresServer.startPrivate(Optional.empty());
        int port = server.port();
        try {
            assertThat(server.origin()).isEqualTo(PostgresServer.Origin.PRIVATE_SERVER);
            exerciseDatabaseLifecycle(server, "medius_devkit_private");
        } finally {
            server.close();
        }
        assertThat(PostgresServer.answers("127.0.0.1", port)).as("stopped server's port").isFalse();
    }

    @Test
    void privateServerStoppedAndStartedAgainKeepsItsPortAndData() throws Exception {
        try (PostgresServer server = PostgresServer.startPrivate(Optional.empty())) {
            server.createDatabase("medius_devkit_outage");
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("medius_devkit_outage"),
                    server.user(), server.password())) {
                connection.createStatement().execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
            }
            server.stopKeepingData();
            assertThat(PostgresServer.answers("127.0.0.1", server.port())).as("port while stopped").isFalse();
            server.startAgain();
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("medius_devkit_outage"),
                    server.user(), server.password());
                    ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
        }
    }

    @Test
    void aServerThatIsNotPrivateIsNeverStopped() {
        PostgresServer shared = PostgresServer.fromJdbcUrl("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        assertThatThrownBy(shared::stopKeepingData).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(shared::startAgain).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void jdbcUrlFromEnvironmentIsSplitIntoServerAndDatabase() {
        PostgresServer server = PostgresServer.fromJdbcUrl("jdbc:postgresql://db.internal:6432/admin?ssl=true",
                "medius", "secret");
        assertThat(server.host()).isEqualTo("db.internal");
        assertThat(server.port()).isEqualTo(6432);
        assertThat(server.jdbcUrl("catalog")).isEqualTo("jdbc:postgresql://db.internal:6432/catalog");
    }

    @Test
    void refusesDatabaseNamesThatAreNotPlainIdentifiers() {
        PostgresServer server = PostgresServer.fromJdbcUrl("jdbc:postgresql://127.0.0.1:5432/postgres", "x", "");
        assertThatThrownBy(() -> server.dropDatabase("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void exerciseDatabaseLifecycle(PostgresServer server, String name) throws Exception {
        server.dropDatabase(name);
        server.createDatabase(name);
        server.createDatabase(name); // idempotent
        assertThat(server.databaseExists(name)).isTrue();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(name), server.user(), server.password());
                ResultSet rows = connection.createStatement().executeQuery("SELECT current_database()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(name);
        }
        server.dropDatabase(name);
        assertThat(server.databaseExists(name)).isFalse();
    }
}
