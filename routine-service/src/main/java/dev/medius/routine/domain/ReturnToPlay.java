package dev.medius.routine.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The return-to-play criteria a coach set for an athlete ({@link StrengthTesting.Criteria} as JSON). */
@Entity
@Table(name = "return_to_play")
@IdClass(ReturnToPlay.Key.class)
public class ReturnToPlay {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Id
    @Column(name = "athlete_id")
    public String athleteId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String criteria;

    @Column(name = "set_by")
    public String setBy;
    @Column(name = "set_at")
    public OffsetDateTime setAt;

    /** The organisation and athlete the criteria are for. */
    public static class Key implements Serializable {
        public String tenantId;
        public String athleteId;

        public Key() {
        }

        public Key(String tenantId, String athleteId) {
            this.tenantId = tenantId;
            this.athleteId = athleteId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.tenantId.equals(tenantId) && key.athleteId.equals(athleteId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, athleteId);
        }
    }
}
