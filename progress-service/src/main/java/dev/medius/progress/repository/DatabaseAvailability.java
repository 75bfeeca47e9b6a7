package dev.medius.progress.repository;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Whether the projections' database answers right now, to tell an outage from a problem with one event. */
@ApplicationScoped
public class DatabaseAvailability {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Inject
    DataSource dataSource;

    /**
     * Whether a failure says the database is away or busy rather than refusing what was sent: a lost or
     * refused connection (SQLSTATE class 08), a server shutting down or starting (57P01-57P03), a server out
     * of resources (class 53), a deadlock or serialization failure (class 40), an I/O error, or no
     * connection to be had from the pool. Such a failure is worth waiting out; retrying it loses nothing,
     * whereas dead-lettering the event would. Asking {@link #answers()} after the failure is not enough on
     * its own: the database may be back by the time it is asked.
     */
    public static boolean unavailable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("40")
                        || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) {
                    return true;
                }
                // the pool names no state when it has no connection to give within its acquisition timeout
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (unavailable(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
