package dev.medius.runtime.outbox;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.medius.runtime.outbox.Outbox.Envelope;

/** Records training-session events the way a service does: through the outbox, inside its own transaction. */
@ApplicationScoped
public class SessionLog {

    /** A change the caller abandons after recording its event. */
    static final class AbandonedChange extends RuntimeException {

        AbandonedChange() {
            super("the change was abandoned");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    /** Records every envelope in one transaction that commits. */
    @Transactional
    public List<UUID> commit(List<Envelope> envelopes) {
        return envelopes.stream().map(outbox::record).toList();
    }

    /** Records the envelope, then fails, so that the transaction rolls back. */
    @Transactional
    public void abandon(Envelope envelope) {
        outbox.record(envelope);
        throw new AbandonedChange();
    }

    /** Writes a row as another writer might have left it, with {@code headers} stored as given. */
    @Transactional
    public void insertWithHeaders(Envelope envelope, String payload, String headers) {
        entityManager.createNativeQuery("INSERT INTO outbox_event (id, tenant_id, topic, message_key, event_type, source,"
                + " subject, occurred_at, payload, headers) VALUES (:id, :tenant, :topic, :key, :type, :source, :subject,"
                + " :time, CAST(:payload AS jsonb), CAST(:headers AS jsonb))")
                .setParameter("id", envelope.id())
                .setParameter("tenant", envelope.tenant())
                .setParameter("topic", envelope.topic())
                .setParameter("key", envelope.key())
                .setParameter("type", envelope.type())
                .setParameter("source", envelope.source())
                .setParameter("subject", envelope.subject())
                .setParameter("time", envelope.time())
                .setParameter("payload", payload)
                .setParameter("headers", headers)
                .executeUpdate();
    }

    /** Replaces a queued event's data, as an operator repairing a refused event would. */
    @Transactional
    public void replacePayload(UUID id, String payload) {
        entityManager.createNativeQuery("UPDATE outbox_event SET payload = CAST(:payload AS jsonb) WHERE id = :id")
                .setParameter("payload", payload)
                .setParameter("id", id)
                .executeUpdate();
    }

    /** The outbox rows of one key, in the order they were recorded. */
    @Transactional
    public List<OutboxEvent> rows(String key) {
        List<OutboxEvent> rows = OutboxEvent.list("messageKey = ?1 order by seq", key);
        rows.forEach(entityManager::detach);
        return rows;
    }

    /** Moves a row's {@code created_at} or {@code published_at} back by an interval such as {@code 8 days}. */
    @Transactional
    public void backdate(UUID id, String column, String interval) {
        if (!column.equals("created_at") && !column.equals("published_at")) {
            throw new IllegalArgumentException(column);
        }
        entityManager.createNativeQuery("UPDATE outbox_event SET " + column + " = " + column
                + " - CAST(:interval AS interval) WHERE id = :id").setParameter("interval", interval)
                .setParameter("id", id).executeUpdate();
    }

    @Transactional
    public void forget(UUID id) {
        OutboxEvent.deleteById(id);
    }
}
