package dev.medius.routine.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A template given to one athlete from a start date. */
@Entity
@Table(name = "assignment")
public class Assignment {

    public static final String ACTIVE = "active";
    public static final String CANCELLED = "cancelled";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "template_id")
    public UUID templateId;
    /** The athlete's own plan, as the events name it. */
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "athlete_id")
    public String athleteId;
    @Column(name = "coach_id")
    public String coachId;
    @Column(name = "team_id")
    public String teamId;
    public String title;
    @Column(name = "start_date")
    public LocalDate startDate;
    public String status;
    @Column(name = "cancelled_from")
    public LocalDate cancelledFrom;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
