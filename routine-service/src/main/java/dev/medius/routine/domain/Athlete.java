package dev.medius.routine.domain;

import java.io.Serializable;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An athlete of an organisation as coaches know them: name, team and sport, at a revision. */
@Entity
@Table(name = "athlete")
@IdClass(Athlete.Key.class)
public class Athlete {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Id
    @Column(name = "athlete_id")
    public String athleteId;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "sort_name")
    public String sortName;
    @Column(name = "team_id")
    public String teamId;
    @Column(name = "team_name")
    public String teamName;
    public String sport;
    public long revision;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    /** Whether these are the name, team and sport the athlete already has. */
    public boolean has(String displayName, String teamId, String teamName, String sport) {
        return Objects.equals(this.displayName, displayName) && Objects.equals(this.teamId, teamId)
                && Objects.equals(this.teamName, teamName) && Objects.equals(this.sport, sport);
    }

    /** The name as it sorts: lower case, accents dropped, so that "Álvaro" comes before "Bea". */
    public static String sortName(String displayName) {
        return Normalizer.normalize(displayName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The primary key: an athlete id is unique within its organisation. */
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
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(athleteId, key.athleteId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, athleteId);
        }
    }
}
