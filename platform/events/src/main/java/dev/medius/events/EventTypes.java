package dev.medius.events;

import java.util.List;

/** CloudEvent {@code type} values of the Medius contract; each has a JSON Schema under {@code schemas/}. */
public final class EventTypes {

    public static final String EXERCISE_PUBLISHED = "exercise.published.v1";
    public static final String EXERCISE_RETIRED = "exercise.retired.v1";
    public static final String PLAN_ASSIGNED = "plan.assigned.v1";
    public static final String PLAN_CHANGED = "plan.changed.v1";
    public static final String PLAN_CANCELLED = "plan.cancelled.v1";
    public static final String SESSION_COMPLETED = "session.completed.v1";
    public static final String SESSION_SKIPPED = "session.skipped.v1";
    public static final String ATHLETE_FLAGGED = "athlete.flagged.v1";
    public static final String ATHLETE_UNFLAGGED = "athlete.unflagged.v1";
    public static final String ATHLETE_UPDATED = "athlete.updated.v1";
    public static final String FLAG_ACKNOWLEDGED = "flag.acknowledged.v1";
    public static final String ATHLETE_ERASED = "athlete.erased.v1";
    public static final String WELLNESS_CHECKED_IN = "wellness.checked-in.v1";
    public static final String STRENGTH_TEST_RECORDED = "strength-test.recorded.v1";

    public static final List<String> ALL = List.of(EXERCISE_PUBLISHED, EXERCISE_RETIRED, PLAN_ASSIGNED, PLAN_CHANGED,
            PLAN_CANCELLED, SESSION_COMPLETED, SESSION_SKIPPED, ATHLETE_FLAGGED, ATHLETE_UNFLAGGED, ATHLETE_UPDATED,
            FLAG_ACKNOWLEDGED, ATHLETE_ERASED, WELLNESS_CHECKED_IN, STRENGTH_TEST_RECORDED);

    /** The CloudEvents extension attribute that carries the organisation. */
    public static final String TENANT_EXTENSION = "tenantid";

    private EventTypes() {
    }
}
