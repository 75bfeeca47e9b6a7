package dev.medius.runtime.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Which failures say the database is away or busy (an event waits and is applied again, a request is answered 503)
 * and which say the input itself was refused (the event may be dead-lettered, the request is refused).
 */
class DatabaseFailuresTest {

    @Test
    void lostOrRefusedConnectionsAreAnOutage() {
        assertThat(DatabaseFailures.unavailable(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE))).isTrue();
        assertThat(DatabaseFailures.unavailable(new PSQLException("This connection has been closed.",
                PSQLState.CONNECTION_DOES_NOT_EXIST))).isTrue();
        assertThat(DatabaseFailures.unavailable(new RuntimeException("unable to acquire JDBC connection",
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                        new ConnectException("Connection refused"))))).isTrue();
    }

    @Test
    void aServerStoppingStartingOrOutOfResourcesIsAnOutage() {
        assertThat(DatabaseFailures.unavailable(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseFailures.unavailable(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseFailures.unavailable(new SQLException("sorry, too many clients already", "53300")))
                .isTrue();
        assertThat(DatabaseFailures.unavailable(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void deadlocksAndSerializationFailuresAreWorthRetrying() {
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("commit failed",
                new SQLException("deadlock detected", "40P01")))).isTrue();
    }

    @Test
    void aFailureFoundInASuppressedExceptionCounts() {
        IllegalStateException rollback = new IllegalStateException("rollback failed");
        rollback.addSuppressed(new PSQLException("closed", PSQLState.CONNECTION_FAILURE));
        assertThat(DatabaseFailures.unavailable(rollback)).isTrue();
    }

    @Test
    void whatTheDatabaseRefusesAboutTheEventIsNotAnOutage() {
        assertThat(DatabaseFailures.unavailable(new SQLException("invalid byte sequence for encoding", "22021")))
                .isFalse();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("insert failed",
                new SQLException("value too long for type character varying(64)", "22001")))).isFalse();
        assertThat(DatabaseFailures.unavailable(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseFailures.unavailable(new NullPointerException("athleteId"))).isFalse();
    }

    @Test
    void anIOErrorCountsOnlyUnderTheDriversException() {
        assertThat(DatabaseFailures.unavailable(new SQLException("socket", (String) null,
                new IOException("Connection reset")))).isTrue();
        // a JSON parser's failure is an IOException too, and says nothing about the database
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("unreadable",
                new IOException("Unexpected character")))).isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertThat(DatabaseFailures.unavailable(a)).isFalse();
    }
}
