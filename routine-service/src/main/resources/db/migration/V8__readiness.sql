-- Morning readiness check-ins: the answers as given, and the answer returned so that a retry gets it again.
CREATE TABLE readiness_check_in (
    id              uuid PRIMARY KEY,
    tenant_id       varchar(200) NOT NULL,
    athlete_id      varchar(200) NOT NULL,
    check_in_date   date NOT NULL,
    answers         jsonb NOT NULL,
    idempotency_key varchar(200),
    recorded_by     varchar(200) NOT NULL,
    recorded_at     timestamptz NOT NULL,
    response        jsonb NOT NULL
);
CREATE UNIQUE INDEX readiness_check_in_idempotency ON readiness_check_in (tenant_id, athlete_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX readiness_check_in_athlete ON readiness_check_in (tenant_id, athlete_id, check_in_date);
CREATE INDEX readiness_check_in_recorded ON readiness_check_in (tenant_id, recorded_at);

-- A session a check-in changed: what the plan prescribed before, kept so that a coach can put it back.
CREATE TABLE session_adjustment (
    session_id    uuid PRIMARY KEY REFERENCES scheduled_session (id) ON DELETE CASCADE,
    tenant_id     varchar(200) NOT NULL,
    athlete_id    varchar(200) NOT NULL,
    check_in_id   uuid NOT NULL,
    kind          varchar(40) NOT NULL,
    reason        text NOT NULL,
    planned       jsonb NOT NULL,
    adjusted_at   timestamptz NOT NULL,
    overridden_by varchar(200),
    overridden_at timestamptz,
    override_note varchar(500)
);
CREATE INDEX session_adjustment_athlete ON session_adjustment (tenant_id, athlete_id);
