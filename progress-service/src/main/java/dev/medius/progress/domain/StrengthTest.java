package dev.medius.progress.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A strength or control test of an athlete (strength-test.recorded.v1), as stored: the figure of each side in
 * {@code unit}, the limb symmetry, pain during the test, the squat quality of each side, and the faults and findings
 * as JSON lists of text (null when the event gave none). The last four fields say which version of the test it is.
 */
public record StrengthTest(String tenant, String testId, String athleteId, String kind, LocalDate testedOn,
        OffsetDateTime recordedAt, Double left, Double right, String unit, Double symmetryPercent, String involvedSide,
        Integer pain, String leftRating, String rightRating, String faultsJson, String findingsJson, int revision,
        OffsetDateTime eventTime, String eventSource, String eventId) implements AthleteRecord {

    @Override
    public String recordKind() {
        return "strength test";
    }

    @Override
    public TenantKey key() {
        return new TenantKey(tenant, testId);
    }
}
