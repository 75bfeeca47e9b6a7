package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.TenantKey;

/** The volume of each exercise of each completed session ({@code exercise_volume}), and the catalog slugs it is kept under. */
@ApplicationScoped
public class ExerciseVolumeRepository {

    @Inject
    DataSource dataSource;

    /** The volume of one exercise in one completed session. */
    public record ExerciseVolumeRow(String tenant, String sessionId, String exerciseId, String athleteId,
            LocalDate date, String name, String pattern, String musclesJson, int sets, int reps, int holdSeconds) {
    }

    /** Volume of one exercise on one day. */
    public record VolumeRow(String athleteId, LocalDate date, String sessionId, String exerciseId, String name,
            String pattern, String musclesJson, int sets, int reps, int holdSeconds) {
    }

    @Inject
    AdvisoryLocks locks;

    /**
     * Clears the volume rows of sessions stored before (one statement for all of them), then inserts the
     * batch's rows. Sessions new to this batch have nothing to clear, so they cost no delete at all.
     */
    public void replaceVolumes(Collection<TenantKey> replacedSessions, List<ExerciseVolumeRow> rows) throws SQLException {
        if (replacedSessions.isEmpty() && rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!replacedSessions.isEmpty()) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM exercise_volume e USING "
                        + "unnest(?::varchar[], ?::varchar[]) AS k(tenant_id, session_id) "
                        + "WHERE e.tenant_id = k.tenant_id AND e.session_id = k.session_id")) {
                    Jdbc.bindKeys(del, c, replacedSessions);
                    del.executeUpdate();
                }
            }
            // nothing here can collide with a stored row: the rows of a session stored before were deleted above,
            // and a batch holds one set of rows per session
            VolumeCopy.insert(c, rows);
        }
    }

    /** The slugs of those of these exercise keys that are catalog ids. */
    public Map<String, String> slugs(Collection<String> keys) throws SQLException {
        Map<String, String> slugs = new HashMap<>();
        if (keys.isEmpty()) {
            return slugs;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT exercise_id, slug FROM exercise_ref WHERE exercise_id = ANY(?::varchar[])")) {
            st.setArray(1, c.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    slugs.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return slugs;
    }

    /**
     * Learns a catalog exercise's slug and moves the volume stored under its id to its slug, adding it to volume the
     * same session already has under the slug. Returns the athletes whose rows moved.
     */
    public Set<TenantKey> learnSlug(String exerciseId, String slug) throws SQLException {
        Set<TenantKey> moved = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            // a slug known already (a restart, a republished exercise) has nothing to move: no scan, no lock
            try (PreparedStatement st = c.prepareStatement("INSERT INTO exercise_ref (exercise_id, slug) VALUES (?, ?) "
                    + "ON CONFLICT (exercise_id) DO UPDATE SET slug = EXCLUDED.slug WHERE exercise_ref.slug <> EXCLUDED.slug")) {
                st.setString(1, exerciseId);
                st.setString(2, slug);
                if (st.executeUpdate() == 0 || exerciseId.equals(slug)) {
                    return moved;
                }
            }
            // alone against ingestion's transactions, so that none stores a row under the id after this moves them
            locks.lockScheduleCompletion(true);
            try (PreparedStatement st = c.prepareStatement("WITH old AS (DELETE FROM exercise_volume WHERE exercise_id = ? "
                    + "RETURNING *) INSERT INTO exercise_volume (tenant_id, session_id, exercise_id, athlete_id, activity_date, "
                    + "exercise_name, pattern, muscles, sets, reps, hold_seconds) SELECT tenant_id, session_id, ?, athlete_id, "
                    + "activity_date, exercise_name, pattern, muscles, sets, reps, hold_seconds FROM old "
                    + "ON CONFLICT (tenant_id, session_id, exercise_id) DO UPDATE SET sets = exercise_volume.sets + EXCLUDED.sets, "
                    + "reps = exercise_volume.reps + EXCLUDED.reps, hold_seconds = exercise_volume.hold_seconds + EXCLUDED.hold_seconds "
                    + "RETURNING tenant_id, athlete_id")) {
                st.setString(1, exerciseId);
                st.setString(2, slug);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        moved.add(new TenantKey(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        return moved;
    }

    public List<VolumeRow> volumes(String tenant, Collection<String> athletes, LocalDate from, LocalDate to) {
        List<VolumeRow> result = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT athlete_id, activity_date, session_id, exercise_id, exercise_name, pattern, muscles, sets, reps, "
                + "hold_seconds FROM exercise_volume WHERE tenant_id = ? AND athlete_id = ANY(?) "
                + "AND activity_date BETWEEN ? AND ? ORDER BY athlete_id, activity_date, session_id, exercise_id",
                rs -> result.add(new VolumeRow(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9),
                        rs.getInt(10))),
                tenant, athletes, from, to);
        return result;
    }
}
