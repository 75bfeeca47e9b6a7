-- Each athlete's own key, which seals the data of every event published about them (docs/events.md, "Sealed data").
-- Removed when the athlete is erased: what the topics still hold about them can then be read by no one.
CREATE TABLE athlete_key (
    tenant_id   text NOT NULL,
    athlete_id  text NOT NULL,
    key_id      uuid NOT NULL UNIQUE,
    secret      bytea NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, athlete_id)
);
