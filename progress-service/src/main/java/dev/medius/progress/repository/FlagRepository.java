package dev.medius.progress.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.progress.domain.FlagFinding;

/** The flags raised for each athlete ({@code athlete_flag}), one per kind. */
@ApplicationScoped
public class FlagRepository {

    @Inject
    DataSource dataSource;

    /** A raised flag. */
    public record FlagRow(String athleteId, String kind, UUID flagId, String severity, String reason, Double value,
            Double threshold, OffsetDateTime raisedAt, Map<String, String> facts) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The raised flags per athlete, oldest first. */
    public Map<String, List<FlagRow>> flags(String tenant, Collection<String> athletes) {
        Map<String, List<FlagRow>> result = new LinkedHashMap<>();
        Jdbc.query(dataSource, "SELECT athlete_id, kind, flag_id, severity, reason, value, threshold, raised_at, facts FROM athlete_flag "
                + "WHERE tenant_id = ? AND athlete_id = ANY(?) ORDER BY athlete_id, raised_at, kind",
                rs -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(flagRow(rs)), tenant, athletes);
        return result;
    }

    public void raise(String tenant, String athlete, UUID flagId, FlagFinding finding, OffsetDateTime raisedAt) {
        Jdbc.update(dataSource, "INSERT INTO athlete_flag (tenant_id, athlete_id, kind, flag_id, severity, reason, value, "
                + "threshold, raised_at, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB))", tenant, athlete,
                finding.kind().wire(), flagId, finding.kind().severity().wire(), finding.reason(), finding.value(),
                finding.threshold(), raisedAt, json(finding.facts()));
    }

    /** What a flag that still holds says follows the facts; it keeps its id and raise time. */
    public void restate(String tenant, String athlete, FlagFinding finding) {
        Jdbc.update(dataSource, "UPDATE athlete_flag SET reason = ?, value = ?, threshold = ?, facts = CAST(? AS JSONB) WHERE tenant_id = ? "
                + "AND athlete_id = ? AND kind = ? AND (reason <> ? OR value IS DISTINCT FROM CAST(? AS DOUBLE PRECISION) "
                + "OR threshold IS DISTINCT FROM CAST(? AS DOUBLE PRECISION))", finding.reason(), finding.value(),
                finding.threshold(), json(finding.facts()), tenant, athlete, finding.kind().wire(), finding.reason(), finding.value(),
                finding.threshold());
    }

    public void clear(String tenant, String athlete, String kind) {
        Jdbc.update(dataSource, "DELETE FROM athlete_flag WHERE tenant_id = ? AND athlete_id = ? AND kind = ?", tenant,
                athlete, kind);
    }

    private static FlagRow flagRow(ResultSet rs) throws SQLException {
        Object value = rs.getObject(6);
        Object threshold = rs.getObject(7);
        return new FlagRow(rs.getString(1), rs.getString(2), (UUID) rs.getObject(3), rs.getString(4), rs.getString(5),
                value == null ? null : ((Number) value).doubleValue(),
                threshold == null ? null : ((Number) threshold).doubleValue(), Jdbc.utc(rs.getObject(8, OffsetDateTime.class)),
                facts(rs.getString(9)));
    }

    private static String json(Map<String, String> facts) {
        try {
            return facts.isEmpty() ? null : JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("flag facts cannot be written", e);
        }
    }

    /** A flag raised before facts were kept has none; its reason is then shown as it was written. */
    private static Map<String, String> facts(String json) throws SQLException {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new SQLException("flag facts unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
