package dev.medius.runtime.outbox;

/**
 * What a service that seals event data as the relay sends it provides: the data to publish for an outbox row. The
 * row keeps the data as recorded; a row that cannot be sealed now stays queued, with the reason, for the next round.
 */
public interface OutboxSealer {

    /** The data to publish for the event; throws, with a reason that names no personal data, when it cannot now. */
    String payload(OutboxEvent event);
}
