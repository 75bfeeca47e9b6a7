package dev.medius.runtime.persistence;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a database that is away or busy from one that refused what was sent. The first is worth waiting out: an
 * event is applied again once it answers, a request is answered 503 with a time to retry. The second is the input's
 * fault: the event is dead-lettered, the request refused.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether the failure says the database is away or busy: a lost or refused connection (SQLSTATE class 08, or an
     * I/O error under the driver's exception), a server shutting down or starting (57P01-57P03), a server out of
     * resources (class 53), a deadlock or serialization failure (class 40: the same work succeeds when tried again),
     * or no connection to be had from the pool within its acquisition timeout. Suppressed exceptions count, since a
     * failed rollback hides the failure that caused it.
     */
    public static boolean unavailable(Throwable failure) {
        return unavailable(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean unavailable(Throwable failure, Set<Throwable> seen) {
        boolean underSql = false;
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (underSql && t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                underSql = true;
                if (unavailableState(sql.getSQLState())
                        // the pool names no state when it has no connection to give in time
                        || sql.getSQLState() == null && sql.getMessage() != null
                                && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (unavailable(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("40")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
