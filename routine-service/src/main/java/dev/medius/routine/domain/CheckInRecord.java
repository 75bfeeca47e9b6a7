package dev.medius.routine.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A readiness check-in as the athlete gave it, and the answer given, so a retry gets the same answer. */
@Entity
@Table(name = "readiness_check_in")
public class CheckInRecord {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "athlete_id")
    public String athleteId;
    @Column(name = "check_in_date")
    public LocalDate date;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String answers;

    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String response;
}
