-- Erasures done on request: proof that they happened, which an organisation must be able to show, without
-- the athlete's id (a SHA-256 of organisation and id, enough to answer "was this athlete erased?").
CREATE TABLE athlete_erasure (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL,
    athlete_digest  text NOT NULL,
    erased_at       timestamptz NOT NULL,
    erased_by       text NOT NULL,
    reason          text NOT NULL,
    removed         jsonb NOT NULL
);
CREATE INDEX athlete_erasure_tenant ON athlete_erasure (tenant_id, erased_at);
