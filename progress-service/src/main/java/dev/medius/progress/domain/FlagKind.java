package dev.medius.progress.domain;

import java.util.Arrays;

/** What a flag is about, with its severity; declaration order is the urgency order within a severity. */
public enum FlagKind {
    SEE_A_CLINICIAN("see-a-clinician", Severity.HIGH, false),
    PAIN_HIGH("pain-high", Severity.HIGH, true),
    INJURY_OR_ILLNESS("injury-or-illness", Severity.HIGH, false),
    PAIN_PERSISTING("pain-persisting", Severity.MEDIUM, true),
    PAIN_RISING("pain-rising", Severity.MEDIUM, true),
    EFFORT_HIGH("effort-high", Severity.MEDIUM, true),
    READINESS_LOW("readiness-low", Severity.MEDIUM, false),
    ADHERENCE_LOW("adherence-low", Severity.MEDIUM, false),
    ADHERENCE_DROP("adherence-drop", Severity.MEDIUM, false),
    LOAD_SPIKE("load-spike", Severity.LOW, false),
    INACTIVE("inactive", Severity.LOW, false);

    /** How soon a coach should look; declaration order is the urgency order. */
    public enum Severity {
        HIGH, MEDIUM, LOW;

        public String wire() {
            return name().toLowerCase();
        }
    }

    private final String wire;
    private final Severity severity;
    private final boolean fromSessions;

    FlagKind(String wire, Severity severity, boolean fromSessions) {
        this.wire = wire;
        this.severity = severity;
        this.fromSessions = fromSessions;
    }

    /** Whether the completed sessions alone decide this flag: it changes only when they do, never with the calendar. */
    public boolean fromSessions() {
        return fromSessions;
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
