package dev.medius.catalog.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of an exercise: what was done, by whom, when, and the exercise as it stood after. */
@Entity
@Table(name = "exercise_revision")
@IdClass(ExerciseRevision.Key.class)
public class ExerciseRevision extends PanacheEntityBase {

    @Id
    @Column(name = "exercise_id")
    public UUID exerciseId;

    @Id
    public int revision;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String author;

    @Column(nullable = false)
    public OffsetDateTime at;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String snapshot;

    /** Composite key: exercise and revision number. */
    public static class Key implements Serializable {
        public UUID exerciseId;
        public int revision;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && revision == that.revision && Objects.equals(exerciseId, that.exerciseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(exerciseId, revision);
        }
    }
}
