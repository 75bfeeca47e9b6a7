package dev.medius.progress.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.TrainingLoad.Session;

/** Reads what an athlete's training load is computed from: each completed session's day, RPE and minutes. */
@ApplicationScoped
public class TrainingLoadRepository {

    @Inject
    DataSource dataSource;

    /** Every session the athlete completed up to {@code to}, oldest first: the averages start from the first one. */
    public List<Session> completedUntil(String tenant, String athlete, LocalDate to) {
        List<Session> sessions = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT activity_date, session_rpe, duration_minutes FROM session_fact "
                + "WHERE tenant_id = ? AND athlete_id = ? AND status = 'completed' AND activity_date <= ? "
                + "ORDER BY activity_date, session_id", rs -> {
                    BigDecimal rpe = rs.getBigDecimal(2);
                    Object minutes = rs.getObject(3);
                    sessions.add(new Session(rs.getObject(1, LocalDate.class), rpe == null ? null : rpe.doubleValue(),
                            minutes == null ? null : ((Number) minutes).intValue()));
                }, tenant, athlete, to);
        return sessions;
    }

    /** Per athlete, every session completed up to {@code to}, oldest first. */
    public Map<String, List<Session>> completedUntil(String tenant, Collection<String> athletes, LocalDate to) {
        Map<String, List<Session>> sessions = new HashMap<>();
        Jdbc.query(dataSource, "SELECT athlete_id, activity_date, session_rpe, duration_minutes FROM session_fact "
                + "WHERE tenant_id = ? AND athlete_id = ANY(?) AND status = 'completed' AND activity_date <= ? "
                + "ORDER BY athlete_id, activity_date, session_id", rs -> {
                    BigDecimal rpe = rs.getBigDecimal(3);
                    Object minutes = rs.getObject(4);
                    sessions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Session(
                            rs.getObject(2, LocalDate.class), rpe == null ? null : rpe.doubleValue(),
                            minutes == null ? null : ((Number) minutes).intValue()));
                }, tenant, athletes, to);
        return sessions;
    }
}
