package dev.medius.catalog.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An exercise of the library: how to do it, what it trains, its dose and the evidence behind it.
 * {@code tenantId} is null for global content and set for an organisation's custom exercises.
 */
@Entity
@Table(name = "exercise")
public class Exercise extends PanacheEntityBase {

    /** Where an exercise came from. */
    public static final String ORIGIN_MEDIUS = "medius";
    public static final String ORIGIN_FREE_EXERCISE_DB = "free-exercise-db";
    public static final String ORIGIN_CUSTOM = "custom";

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> aliases = new ArrayList<>();

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> steps = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> cues = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> mistakes = new ArrayList<>();

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String pattern;

    @Column(nullable = false)
    public String level;

    public String mechanic;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> equipment = new ArrayList<>();

    @Column(nullable = false)
    public String laterality;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Dose prescription;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "exercise_muscle", joinColumns = @JoinColumn(name = "exercise_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<MuscleWork> muscles = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "exercise_condition", joinColumns = @JoinColumn(name = "exercise_id"))
    @Column(name = "condition", nullable = false)
    @BatchSize(size = 100)
    public Set<String> conditions = new LinkedHashSet<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> contraindications = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pain_areas_to_avoid", nullable = false, columnDefinition = "jsonb")
    public List<String> painAreasToAvoid = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contraindication_rules", nullable = false, columnDefinition = "jsonb")
    public List<ContraindicationRule> contraindicationRules = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Finding> findings = new ArrayList<>();

    public String evidence;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "source_keys", nullable = false, columnDefinition = "jsonb")
    public List<String> sourceKeys = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<MediaLink> media = new ArrayList<>();

    public String license;

    public String attribution;

    @Column(nullable = false)
    public boolean seed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, ExerciseTranslation> translations = new LinkedHashMap<>();

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public String origin;

    @Column(name = "origin_ref")
    public String originRef;

    /** Checksum of the imported or shipped document this row was last built from. */
    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "names_text", nullable = false)
    public String namesText;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    /** A new exercise at its first revision. */
    public static Exercise firstRevision(UUID id, String origin, String status, OffsetDateTime at) {
        Exercise exercise = new Exercise();
        exercise.id = id;
        exercise.origin = origin;
        exercise.status = status;
        exercise.revision = 1;
        exercise.createdAt = at;
        exercise.updatedAt = at;
        return exercise;
    }

    /** Keeps the plain-words column that typo-tolerant search reads in step with name and aliases. */
    public void refreshNamesText() {
        StringBuilder text = new StringBuilder(name == null ? "" : name);
        for (String alias : aliases) {
            text.append(' ').append(alias);
        }
        namesText = text.toString().toLowerCase(Locale.ROOT);
    }
}
