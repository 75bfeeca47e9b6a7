package dev.medius.routine.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Today's session as a check-in changed it: why, and what the plan prescribed before, which an override restores. */
@Entity
@Table(name = "session_adjustment")
public class SessionAdjustment {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "athlete_id")
    public String athleteId;
    @Column(name = "check_in_id")
    public UUID checkInId;
    public String kind;
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String planned;

    @Column(name = "adjusted_at")
    public OffsetDateTime adjustedAt;
    @Column(name = "overridden_by")
    public String overriddenBy;
    @Column(name = "overridden_at")
    public OffsetDateTime overriddenAt;
    @Column(name = "override_note")
    public String overrideNote;

    public boolean overridden() {
        return overriddenAt != null;
    }
}
