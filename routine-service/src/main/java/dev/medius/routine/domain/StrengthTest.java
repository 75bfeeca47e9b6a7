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

/** A strength or control test of an athlete and what it showed ({@link StrengthTesting.Result} as JSON). */
@Entity
@Table(name = "strength_test")
public class StrengthTest {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "athlete_id")
    public String athleteId;
    public String kind;
    @Column(name = "tested_on")
    public LocalDate testedOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String result;

    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
