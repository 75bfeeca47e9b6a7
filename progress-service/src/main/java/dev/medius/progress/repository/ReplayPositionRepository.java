package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Where the replay of the dead-letter topic has got to ({@code dead_letter_replay}), per partition. */
@ApplicationScoped
public class ReplayPositionRepository {

    @Inject
    DataSource dataSource;

    /** The next offset to replay of each partition replayed before. */
    public Map<Integer, Long> positions() {
        Map<Integer, Long> positions = new HashMap<>();
        Jdbc.query(dataSource, "SELECT dlq_partition, next_offset FROM dead_letter_replay",
                rs -> positions.put(rs.getInt(1), rs.getLong(2)));
        return positions;
    }

    /** Moves the positions on; never back, should two replays ever overlap. */
    public void save(Map<Integer, Long> next) {
        if (next.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO "
                + "dead_letter_replay (dlq_partition, next_offset) VALUES (?, ?) ON CONFLICT (dlq_partition) "
                + "DO UPDATE SET next_offset = GREATEST(dead_letter_replay.next_offset, EXCLUDED.next_offset)")) {
            for (Map.Entry<Integer, Long> e : next.entrySet()) {
                st.setInt(1, e.getKey());
                st.setLong(2, e.getValue());
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record where the replay got to: " + e.getMessage(), e);
        }
    }
}
