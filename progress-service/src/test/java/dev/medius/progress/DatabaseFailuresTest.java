package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import dev.medius.progress.repository.DatabaseAvailability;

/**
 * Which failures of an event's transaction say the database is away (the batch waits and is retried) and
 * which say the event itself was refused (it may be dead-lettered).
 */
class DatabaseFailuresTest {

    @Test
    void lostOrRefusedConnectionsAreAnOutage() {
        assertThat(DatabaseAvailability.unavailable(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE))).isTrue();
        assertThat(DatabaseAvailability.unavailable(new PSQLException("This connection has been closed.",
                PSQLState.CONNECTION_DOES_NOT_EXIST))).isTrue();
        assertThat(DatabaseAvailability.unavailable(new RuntimeException("unable to acquire JDBC connection",
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                        new ConnectException("Connection refused"))))).isTrue();
    }

    @Test
    void aServerStoppingStartingOrOutOfResourcesIsAnOutage() {
        assertThat(DatabaseAvailability.unavailable(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseAvailability.unavailable(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseAvailability.unavailable(new SQLException("sorry, too many clients already", "53300")))
                .isTrue();
        assertThat(DatabaseAvailability.unavailable(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void deadlocksAndSerializationFailuresAreWorthRetrying() {
        assertThat(DatabaseAvailability.unavailable(new IllegalStateException("commit failed",
                new SQLException("deadlock detected", "40P01")))).isTrue();
    }

    @Test
    void aFailureFoundInASuppressedExceptionCounts() {
        IllegalStateException rollback = new IllegalStateException("rollback failed");
        rollback.addSuppressed(new PSQLException("closed", PSQLState.CONNECTION_FAILURE));
        assertThat(DatabaseAvailability.unavailable(rollback)).isTrue();
    }

    @Test
    void whatTheDatabaseRefusesAboutTheEventIsNotAnOutage() {
        assertThat(DatabaseAvailability.unavailable(new SQLException("invalid byte sequence for encoding", "22021")))
                .isFalse();
        assertThat(DatabaseAvailability.unavailable(new IllegalStateException("insert failed",
                new SQLException("value too long for type character varying(64)", "22001")))).isFalse();
        assertThat(DatabaseAvailability.unavailable(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseAvailability.unavailable(new NullPointerException("athleteId"))).isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertThat(DatabaseAvailability.unavailable(a)).isFalse();
    }
}
