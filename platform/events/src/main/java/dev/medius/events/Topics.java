package dev.medius.events;

/** The Kafka topics of the Medius event contract (see docs/events.md). */
public final class Topics {

    /** Published and retired exercises, keyed by exercise id; compacted, so the latest state of each stays. */
    public static final String CATALOG_EXERCISES = "catalog.exercises";
    /** Plan assignments, changes and cancellations and athlete profiles, keyed by athlete id. */
    public static final String ROUTINE_PLANS = "routine.plans";
    /** Completed and skipped sessions, keyed by athlete id; outside platforms may publish here too. */
    public static final String ROUTINE_SESSIONS = "routine.sessions";
    /** Records progress-service could not process, with the reason in headers. */
    public static final String ROUTINE_SESSIONS_DLQ = "routine.sessions.dlq";
    /** catalog.exercises records routine-service could not apply to its read model, with the reason in headers. */
    public static final String CATALOG_EXERCISES_DLQ = "catalog.exercises.dlq";
    /** Athletes flagged for a coach's attention, flags acknowledged and cleared, keyed by athlete id. */
    public static final String PROGRESS_ALERTS = "progress.alerts";

    private Topics() {
    }
}
