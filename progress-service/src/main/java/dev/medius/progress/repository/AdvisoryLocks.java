package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.TenantKey;

/** The advisory locks that order transactions writing the same rows, each held until commit. */
@ApplicationScoped
public class AdvisoryLocks {

    @Inject
    DataSource dataSource;

    /**
     * Orders this transaction with other replicas' around the completion state kept on {@code scheduled_session}:
     * a completion marks the scheduled session it finds, a new schedule looks up the completions already stored,
     * and under READ COMMITTED two concurrent transactions doing one each would both miss the other's row.
     * Transactions that store completions share the lock; one that replaces schedules takes it alone (plan events
     * are rare), so that each statement that follows sees what the other committed. Held until commit.
     */
    public void lockScheduleCompletion(boolean replacesSchedules) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(replacesSchedules
                ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)")) {
            st.setLong(1, SCHEDULE_COMPLETION_LOCK);
            st.executeQuery().close();
        }
    }

    /**
     * Orders this transaction with any other writing the same athletes' recent rows, until commit. Each lane applies
     * its own partitions, and a producer that does not key by athlete puts one athlete's events on several of them:
     * two lanes would then each compute an athlete's row from what they saw before the other committed, and the
     * second would overwrite the first. Taken in one order by every transaction, so that none waits in a circle.
     */
    public void lockAthletes(Collection<TenantKey> athletes) throws SQLException {
        if (athletes.isEmpty()) {
            return;
        }
        List<TenantKey> keys = new ArrayList<>(athletes);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT pg_advisory_xact_lock(?, x.k) FROM (SELECT DISTINCT hashtext(u.t || '/' || u.a) AS k "
                        + "FROM unnest(?::varchar[], ?::varchar[]) AS u(t, a) ORDER BY 1 OFFSET 0) x")) {
            st.setInt(1, ATHLETE_LOCK_CLASS);
            st.setArray(2, Jdbc.texts(c, keys, TenantKey::tenant));
            st.setArray(3, Jdbc.texts(c, keys, TenantKey::id));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    // each row is one lock taken
                }
            }
        }
    }

    /** The class of {@link #lockAthletes}'s advisory locks: one per athlete within it. */
    private static final int ATHLETE_LOCK_CLASS = 0x6d656469;

    /** An arbitrary key for {@link #lockScheduleCompletion}, the same in every replica. */
    private static final long SCHEDULE_COMPLETION_LOCK = 0x6d65646975735343L;
}
