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

/** A dated session of an assignment; {@code content} is the plan session it prescribes, adapted as logs arrive. */
@Entity
@Table(name = "scheduled_session")
public class ScheduledSession {

    public static final String SCHEDULED = "scheduled";
    public static final String COMPLETED = "completed";
    public static final String SKIPPED = "skipped";
    public static final String CANCELLED = "cancelled";

    @Id
    public UUID id;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "athlete_id")
    public String athleteId;
    public int ordinal;
    @Column(name = "scheduled_date")
    public LocalDate scheduledDate;
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String content;

    public String status;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public boolean isRecorded() {
        return COMPLETED.equals(status) || SKIPPED.equals(status);
    }
}
