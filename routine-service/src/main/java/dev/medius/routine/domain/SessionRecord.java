package dev.medius.routine.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What an athlete reported for a session, and the answer given, so a retry gets the same answer. */
@Entity
@Table(name = "session_record")
public class SessionRecord {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "athlete_id")
    public String athleteId;
    @Column(name = "session_id")
    public UUID sessionId;
    public String kind;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "recorded_by")
    public String recordedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String report;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String response;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
