package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Every table derived from the input topics, as a whole. */
@ApplicationScoped
public class Projections {

    @Inject
    DataSource dataSource;

    /** Empties every projection before a rebuild; raised flags stay so that unchanged flags keep their ids
     * and their acknowledgements. */
    public void truncate() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "TRUNCATE processed_event, athlete_organisation, plan_event, scheduled_session, athlete_schedule, athlete_coach, session_fact, "
                        + "exercise_volume, athlete_recent, athlete_revision, athlete_profile, readiness_check_in, "
                        + "strength_test")) {
            st.executeUpdate();
        }
    }
}
