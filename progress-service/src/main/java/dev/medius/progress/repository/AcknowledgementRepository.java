package dev.medius.progress.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Coaches' acknowledgements of raised flags ({@code flag_acknowledgement}), one per flag, the latest kept. */
@ApplicationScoped
public class AcknowledgementRepository {

    @Inject
    DataSource dataSource;

    public record AcknowledgementRow(UUID flagId, String athleteId, String kind, String acknowledgedBy, String note,
            LocalDate snoozedUntil, OffsetDateTime acknowledgedAt) {
    }

    public void save(String tenant, AcknowledgementRow row) {
        Jdbc.update(dataSource, "INSERT INTO flag_acknowledgement (tenant_id, flag_id, athlete_id, kind, acknowledged_by, "
                + "note, snoozed_until, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, flag_id) "
                + "DO UPDATE SET acknowledged_by = EXCLUDED.acknowledged_by, note = EXCLUDED.note, "
                + "snoozed_until = EXCLUDED.snoozed_until, acknowledged_at = EXCLUDED.acknowledged_at", tenant,
                row.flagId(), row.athleteId(), row.kind(), row.acknowledgedBy(), row.note(), row.snoozedUntil(),
                row.acknowledgedAt());
    }

    /** The acknowledgements of the athletes' raised flags, by flag id. */
    public Map<UUID, AcknowledgementRow> ofRaisedFlags(String tenant, Collection<String> athletes) {
        Map<UUID, AcknowledgementRow> result = new HashMap<>();
        Jdbc.query(dataSource, "SELECT a.flag_id, a.athlete_id, a.kind, a.acknowledged_by, a.note, a.snoozed_until, "
                + "a.acknowledged_at FROM flag_acknowledgement a JOIN athlete_flag f ON f.tenant_id = a.tenant_id "
                + "AND f.athlete_id = a.athlete_id AND f.kind = a.kind AND f.flag_id = a.flag_id "
                + "WHERE a.tenant_id = ? AND a.athlete_id = ANY(?)",
                rs -> result.put((UUID) rs.getObject(1), new AcknowledgementRow((UUID) rs.getObject(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        Jdbc.utc(rs.getObject(7, OffsetDateTime.class)))), tenant, athletes);
        return result;
    }
}
