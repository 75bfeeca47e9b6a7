package dev.medius.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A muscle an exercise trains, its role, and how hard it works (%MVIC) where a study measured it. */
@Embeddable
public class MuscleWork {

    public static final String PRIMARY = "primary";
    public static final String SECONDARY = "secondary";

    @Column(nullable = false)
    public String muscle;

    @Column(nullable = false)
    public String role;

    @Column(name = "activation_mvic_percent")
    public Double activationMvicPercent;

    @Column(name = "source_key")
    public String sourceKey;

    public MuscleWork() {
    }

    public MuscleWork(String muscle, String role, Double activationMvicPercent, String sourceKey) {
        this.muscle = muscle;
        this.role = role;
        this.activationMvicPercent = activationMvicPercent;
        this.sourceKey = sourceKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MuscleWork that && java.util.Objects.equals(muscle, that.muscle)
                && java.util.Objects.equals(role, that.role)
                && java.util.Objects.equals(activationMvicPercent, that.activationMvicPercent)
                && java.util.Objects.equals(sourceKey, that.sourceKey);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(muscle, role, activationMvicPercent, sourceKey);
    }
}
