package dev.medius.progress.domain;

/** Why a record is dead-lettered: a category to count and act on, and the reason in words. */
public record Rejection(Category category, String reason) {

    private static final int MAX_REASON = 900;

    /** The kinds of reason, as named in the {@code medius-dlq-category} header and the outcome metric. */
    public enum Category {
        /** the envelope, type, data or subject breaks the contract */
        CONTRACT("contract"),
        /** a time is further ahead than the allowed skew */
        FUTURE("future-time"),
        /** the event's organisation is not its athlete's */
        ORGANISATION("organisation"),
        /** an identity (event, session, assignment) already stands for something else */
        CONFLICT("conflict"),
        /** the database refused the event */
        PROCESSING("processing-failed");

        private final String wire;

        Category(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public static Rejection of(Category category, String reason) {
        return new Rejection(category, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
    }
}
