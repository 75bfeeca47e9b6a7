package dev.medius.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** How the statements of a transaction are planned. */
@ApplicationScoped
public class StatementPlanning {

    @Inject
    DataSource dataSource;

    /**
     * Has the rest of this transaction plan each statement with its actual values. Ingestion's and flag evaluation's
     * statements take arrays of a whole batch; a generic plan made while a table was small or had no statistics yet
     * stays cached on pooled connections and can be far slower for a large batch. Reads keep cached plans.
     */
    public void planWithValues() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SET LOCAL plan_cache_mode = force_custom_plan")) {
            st.execute();
        }
    }
}
