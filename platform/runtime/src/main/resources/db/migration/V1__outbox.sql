-- Events leave this service through the transactional outbox: written in the same transaction as
-- the state change, relayed to Kafka by OutboxRelay, kept for a while after publication for audit.
CREATE TABLE outbox_event (
    id           uuid PRIMARY KEY,
    seq          bigserial NOT NULL UNIQUE,
    tenant_id    text NOT NULL,
    topic        text NOT NULL,
    message_key  text NOT NULL,
    event_type   text NOT NULL,
    source       text NOT NULL,
    subject      text NOT NULL,
    occurred_at  timestamptz NOT NULL,
    payload      jsonb NOT NULL,
    headers      jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text
);

CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
