package dev.medius.routine.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An exercise as catalog.exercises last described it; {@code content} is the published event data. */
@Entity
@Table(name = "catalog_exercise")
public class CatalogExercise {

    @Id
    public UUID id;

    /** Null for the global library every organisation may use. */
    @Column(name = "tenant_id")
    public String tenantId;

    public String slug;
    public int revision;
    public boolean available;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String content;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
