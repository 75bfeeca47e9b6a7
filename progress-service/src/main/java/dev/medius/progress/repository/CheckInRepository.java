package dev.medius.progress.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

import dev.medius.progress.domain.CheckInPoint;
import dev.medius.progress.domain.ReadinessCheckIn;
import dev.medius.progress.domain.TenantKey;

/** Stores the athletes' readiness check-ins ({@code readiness_check_in}), each with its athlete for good. */
@ApplicationScoped
public class CheckInRepository {

    private static final String COLUMNS = "check_in_id, athlete_id, check_in_date, recorded_at, sleep_quality, energy, "
            + "soreness, stress, mood, sleep_hours, pain, red_flags, adjustments, revision, event_time, source, event_id";

    @Inject
    DataSource dataSource;

    /** The athlete each of these check-ins (tenant, check-in id) is stored for, for those stored. */
    public Map<TenantKey, String> checkInOwners(Collection<TenantKey> checkIns) throws SQLException {
        return Jdbc.owners(dataSource, checkIns, "SELECT c.tenant_id, c.check_in_id, c.athlete_id FROM readiness_check_in c "
                + "JOIN unnest(?::varchar[], ?::varchar[]) AS k(t, i) ON c.tenant_id = k.t AND c.check_in_id = k.i");
    }

    /**
     * Stores each check-in unless the stored version outranks it or belongs to another athlete; one statement for the
     * batch. Returns the check-ins written.
     */
    public Set<TenantKey> saveCheckIns(List<ReadinessCheckIn> checkIns) throws SQLException {
        Set<TenantKey> stored = new HashSet<>();
        if (checkIns.isEmpty()) {
            return stored;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO readiness_check_in (tenant_id, " + COLUMNS + ") SELECT t, i, a, d::date, r::timestamptz, "
                        + "q::smallint, e::smallint, so::smallint, st::smallint, m::smallint, h::numeric, p::jsonb, f::jsonb, "
                        + "adj::jsonb, rev::integer, et::timestamptz, src, ei FROM unnest(?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                        + "AS u(t, i, a, d, r, q, e, so, st, m, h, p, f, adj, rev, et, src, ei) "
                        + "ON CONFLICT (tenant_id, check_in_id) DO UPDATE SET check_in_date = EXCLUDED.check_in_date, "
                        + "recorded_at = EXCLUDED.recorded_at, sleep_quality = EXCLUDED.sleep_quality, "
                        + "energy = EXCLUDED.energy, soreness = EXCLUDED.soreness, stress = EXCLUDED.stress, "
                        + "mood = EXCLUDED.mood, sleep_hours = EXCLUDED.sleep_hours, pain = EXCLUDED.pain, "
                        + "red_flags = EXCLUDED.red_flags, adjustments = EXCLUDED.adjustments, revision = EXCLUDED.revision, "
                        + "event_time = EXCLUDED.event_time, source = EXCLUDED.source, event_id = EXCLUDED.event_id "
                        // a check-in stays with its athlete; of two versions the one that outranks stands
                        // (ReadinessCheckIn.outranks: revision, event time, source, id)
                        + "WHERE readiness_check_in.athlete_id = EXCLUDED.athlete_id AND (EXCLUDED.revision, "
                        + "EXCLUDED.event_time, EXCLUDED.source COLLATE \"C\", EXCLUDED.event_id COLLATE \"C\") > "
                        + "(readiness_check_in.revision, readiness_check_in.event_time, "
                        + "readiness_check_in.source COLLATE \"C\", readiness_check_in.event_id COLLATE \"C\") "
                        + "RETURNING tenant_id, check_in_id")) {
            Jdbc.bindTexts(st, c, checkIns, ReadinessCheckIn::tenant, ReadinessCheckIn::checkInId,
                    ReadinessCheckIn::athleteId, ReadinessCheckIn::date, ReadinessCheckIn::recordedAt,
                    ReadinessCheckIn::sleepQuality, ReadinessCheckIn::energy, ReadinessCheckIn::soreness,
                    ReadinessCheckIn::stress, ReadinessCheckIn::mood, ReadinessCheckIn::sleepHours,
                    ReadinessCheckIn::painJson, ReadinessCheckIn::redFlagsJson, ReadinessCheckIn::adjustmentsJson,
                    ReadinessCheckIn::revision, ReadinessCheckIn::eventTime, ReadinessCheckIn::eventSource,
                    ReadinessCheckIn::eventId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.add(new TenantKey(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return stored;
    }

    /** The athlete's check-ins dated {@code from} on, newest first. */
    public List<ReadinessCheckIn> since(String tenant, String athlete, LocalDate from) {
        List<ReadinessCheckIn> rows = new ArrayList<>();
        Jdbc.query(dataSource, "SELECT tenant_id, " + COLUMNS + " FROM readiness_check_in WHERE tenant_id = ? "
                + "AND athlete_id = ? AND check_in_date >= ? ORDER BY check_in_date DESC, recorded_at DESC, check_in_id",
                rs -> {
                    BigDecimal hours = rs.getBigDecimal(11);
                    rows.add(new ReadinessCheckIn(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), Jdbc.utc(rs.getObject(5, OffsetDateTime.class)),
                            small(rs, 6), small(rs, 7), small(rs, 8), small(rs, 9), small(rs, 10),
                            hours == null ? null : hours.doubleValue(), rs.getString(12), rs.getString(13),
                            rs.getString(14), rs.getInt(15), Jdbc.utc(rs.getObject(16, OffsetDateTime.class)),
                            rs.getString(17), rs.getString(18)));
                }, tenant, athlete, from);
        return rows;
    }

    /**
     * Per athlete, what the flag rules read of each check-in dated {@code from} on, oldest first: the readiness
     * answers, the red flags and the worst pain with its area.
     */
    public Map<String, List<CheckInPoint>> pointsSince(String tenant, Collection<String> athletes, LocalDate from) {
        Map<String, List<CheckInPoint>> result = new HashMap<>();
        Jdbc.query(dataSource, "SELECT c.athlete_id, c.check_in_date, c.sleep_quality, c.energy, c.soreness, c.stress, "
                + "c.mood, c.sleep_hours, ARRAY(SELECT jsonb_array_elements_text(coalesce(c.red_flags, '[]'::jsonb))), "
                + "p.score, p.area "
                + "FROM readiness_check_in c " + WORST_PAIN
                + "WHERE c.tenant_id = ? AND c.athlete_id = ANY(?) AND c.check_in_date >= ? "
                + "ORDER BY c.athlete_id, c.check_in_date, c.recorded_at, c.check_in_id", rs -> {
                    BigDecimal hours = rs.getBigDecimal(8);
                    result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CheckInPoint(
                            rs.getObject(2, LocalDate.class), small(rs, 3), small(rs, 4), small(rs, 5), small(rs, 6),
                            small(rs, 7), hours == null ? null : hours.doubleValue(),
                            List.of((String[]) rs.getArray(9).getArray()), small(rs, 10), rs.getString(11)));
                }, tenant, athletes, from);
        return result;
    }

    /** The latest check-in of an athlete: its day, worst pain and area, how many red flags, the adjustments' kinds. */
    public record LatestMorning(LocalDate date, Integer pain, String painArea, int redFlags, List<String> adjustments) {
    }

    /** Per athlete, the latest check-in dated {@code from} on (the latest recorded of the latest day), if any. */
    public Map<String, LatestMorning> latestSince(String tenant, Collection<String> athletes, LocalDate from) {
        Map<String, LatestMorning> result = new HashMap<>();
        Jdbc.query(dataSource, "SELECT DISTINCT ON (c.athlete_id) c.athlete_id, c.check_in_date, p.score, p.area, "
                + "jsonb_array_length(coalesce(c.red_flags, '[]'::jsonb)), "
                + "ARRAY(SELECT a ->> 'kind' FROM jsonb_array_elements(coalesce(c.adjustments, '[]'::jsonb)) a) "
                + "FROM readiness_check_in c " + WORST_PAIN
                + "WHERE c.tenant_id = ? AND c.athlete_id = ANY(?) AND c.check_in_date >= ? "
                + "ORDER BY c.athlete_id, c.check_in_date DESC, c.recorded_at DESC, c.check_in_id DESC",
                rs -> result.put(rs.getString(1), new LatestMorning(rs.getObject(2, LocalDate.class), small(rs, 3),
                        rs.getString(4), rs.getInt(5), List.of((String[]) rs.getArray(6).getArray()))),
                tenant, athletes, from);
        return result;
    }

    /** Joins each check-in {@code c} to its worst pain {@code p}: score and area, none when nothing hurt. */
    private static final String WORST_PAIN = "LEFT JOIN LATERAL (SELECT (e ->> 'score')::int AS score, e ->> 'area' AS area "
            + "FROM jsonb_array_elements(c.pain) e ORDER BY (e ->> 'score')::int DESC LIMIT 1) p ON true ";

    private static Integer small(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).intValue();
    }
}
