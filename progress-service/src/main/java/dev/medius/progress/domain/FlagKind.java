package dev.medius.progress.domain;

import java.util.Arrays;

/** What a flag is about, with its severity; declaration order is the urgency order within a severity. */
public enum FlagKind {
    PAIN_HIGH("pain-high", Severity.HIGH),
    INJURY_OR_ILLNESS("injury-or-illness", Severity.HIGH),
    PAIN_PERSISTING("pain-persisting", Severity.MEDIUM),
    PAIN_RISING("pain-rising", Severity.MEDIUM),
    EFFORT_HIGH("effort-high", Severity.MEDIUM),
    ADHERENCE_LOW("adherence-low", Severity.MEDIUM),
    ADHERENCE_DROP("adherence-drop", Severity.MEDIUM),
    INACTIVE("inactive", Severity.LOW);

    /** How soon a coach should look; declaration order is the urgency order. */
    public enum Severity {
        HIGH, MEDIUM, LOW;

        public String wire() {
            return name().toLowerCase();
        }
    }

    private final String wire;
    private final Severity severity;

    FlagKind(String wire, Severity severity) {
        this.wire = wire;
        this.severity = severity;
    }

    public String wire() {
        return wire;
    }

    public Severity severity() {
        return severity;
    }

    /** Lower is more urgent: severity first, then the kind's own order. */
    public int urgency() {
        return severity.ordinal() * 100 + ordinal();
    }

    public static FlagKind fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown flag kind " + wire));
    }
}
