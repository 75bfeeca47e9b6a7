package dev.medius.progress.repository;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.progress.domain.AdherenceWindow;
import dev.medius.progress.domain.ScheduleDays;

/** Reads each athlete's schedule row ({@code athlete_schedule}): what was due, what was done, the streak. */
@ApplicationScoped
public class AdherenceRepository {

    @Inject
    DataSource dataSource;

    /** Each athlete's schedule row: days with sessions scheduled, and how many were completed. */
    public Map<String, ScheduleDays> schedules(String tenant, Collection<String> athletes) {
        Map<String, ScheduleDays> result = new HashMap<>();
        Jdbc.query(dataSource, "SELECT athlete_id, days, scheduled, completed FROM athlete_schedule WHERE tenant_id = ? "
                + "AND athlete_id = ANY(?)", rs -> result.put(rs.getString(1), new ScheduleDays(
                        dates(rs.getArray(2)), ints(rs.getArray(3)), ints(rs.getArray(4)))), tenant, athletes);
        return result;
    }

    /**
     * An athlete's adherence windows, streak, first and last scheduled days, and the scheduled sessions missed since
     * their last completed session, from their schedule row.
     */
    public record ScheduleSummary(AdherenceWindow days7, AdherenceWindow days30, AdherenceWindow days90,
            AdherenceWindow previous30, int streak, LocalDate firstScheduled, LocalDate lastScheduled,
            int missedSinceActivity) {
        public static final ScheduleSummary NONE = new ScheduleSummary(AdherenceWindow.of(7, 0, 0),
                AdherenceWindow.of(30, 0, 0), AdherenceWindow.of(90, 0, 0), AdherenceWindow.of(30, 0, 0), 0, null, null, 0);
    }

    /**
     * Per athlete, from their schedule row, counted by PostgreSQL so that only the figures travel: sessions due
     * and completed over 7, 30 and 90 days ending today and the 30 days before the last 7 (due as
     * {@link ScheduleDays#window} counts them: earlier days' sessions, and today's once completed); the streak
     * (completed sessions on the days after the last day before today with a session not completed, up to
     * today); the first scheduled day up to today; the last scheduled day; and the sessions of the days before
     * today, after the day of the athlete's latest completed session (from their recent row), not completed.
     */
    public Map<String, ScheduleSummary> scheduleSummaries(String tenant, Collection<String> athletes, LocalDate today) {
        Map<String, ScheduleSummary> result = new HashMap<>();
        Jdbc.query(dataSource, "SELECT a.athlete_id, w.* FROM athlete_schedule a "
                + "LEFT JOIN athlete_recent r ON r.tenant_id = a.tenant_id AND r.athlete_id = a.athlete_id "
                + "CROSS JOIN LATERAL (SELECT max(x.day) AS last_miss FROM unnest(a.days, a.scheduled, a.completed) "
                + "AS x(day, n, c) WHERE x.c < x.n AND x.day < ?) m "
                + "CROSS JOIN LATERAL (SELECT "
                + "coalesce(sum(u.due) FILTER (WHERE u.day BETWEEN ? AND ?), 0), coalesce(sum(u.c) FILTER (WHERE u.day BETWEEN ? AND ?), 0), "
                + "coalesce(sum(u.due) FILTER (WHERE u.day BETWEEN ? AND ?), 0), coalesce(sum(u.c) FILTER (WHERE u.day BETWEEN ? AND ?), 0), "
                + "coalesce(sum(u.due) FILTER (WHERE u.day BETWEEN ? AND ?), 0), coalesce(sum(u.c) FILTER (WHERE u.day BETWEEN ? AND ?), 0), "
                + "coalesce(sum(u.due) FILTER (WHERE u.day BETWEEN ? AND ?), 0), coalesce(sum(u.c) FILTER (WHERE u.day BETWEEN ? AND ?), 0), "
                + "coalesce(sum(u.c) FILTER (WHERE u.day <= ? AND (m.last_miss IS NULL OR u.day > m.last_miss)), 0), "
                + "min(u.day) FILTER (WHERE u.day <= ?), max(u.day), "
                + "coalesce(sum(u.n - u.c) FILTER (WHERE u.day < ? AND (r.dates IS NULL OR cardinality(r.dates) = 0 "
                + "OR u.day > r.dates[cardinality(r.dates)])), 0) "
                + "FROM (SELECT x.day, x.n, x.c, CASE WHEN x.day < ? THEN x.n ELSE x.c END AS due "
                + "FROM unnest(a.days, a.scheduled, a.completed) AS x(day, n, c)) u) w "
                + "WHERE a.tenant_id = ? AND a.athlete_id = ANY(?)",
                rs -> result.put(rs.getString(1), new ScheduleSummary(AdherenceWindow.of(7, rs.getInt(2), rs.getInt(3)),
                        AdherenceWindow.of(30, rs.getInt(4), rs.getInt(5)), AdherenceWindow.of(90, rs.getInt(6), rs.getInt(7)),
                        AdherenceWindow.of(30, rs.getInt(8), rs.getInt(9)), rs.getInt(10), rs.getObject(11, LocalDate.class),
                        rs.getObject(12, LocalDate.class), rs.getInt(13))),
                today,
                today.minusDays(6), today, today.minusDays(6), today,
                today.minusDays(29), today, today.minusDays(29), today,
                today.minusDays(89), today, today.minusDays(89), today,
                today.minusDays(36), today.minusDays(7), today.minusDays(36), today.minusDays(7),
                today, today, today, today, tenant, athletes);
        return result;
    }

    private static List<LocalDate> dates(java.sql.Array array) throws SQLException {
        List<LocalDate> result = new ArrayList<>();
        for (Object day : (Object[]) array.getArray()) {
            result.add(((java.sql.Date) day).toLocalDate());
        }
        return result;
    }

    private static List<Integer> ints(java.sql.Array array) throws SQLException {
        List<Integer> result = new ArrayList<>();
        for (Object n : (Object[]) array.getArray()) {
            result.add(((Number) n).intValue());
        }
        return result;
    }
}
