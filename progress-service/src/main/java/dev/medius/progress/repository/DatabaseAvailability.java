package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether the projections' database answers right now, to tell an outage from a problem with one event: a failure
 * {@link dev.medius.runtime.persistence.DatabaseFailures} cannot place is dead-lettered only while it answers.
 */
@ApplicationScoped
public class DatabaseAvailability {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Inject
    DataSource dataSource;

    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
