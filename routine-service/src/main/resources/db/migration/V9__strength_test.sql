-- Strength and control tests as recorded, and the answer given so that a retry gets it again.
CREATE TABLE strength_test (
    id              uuid PRIMARY KEY,
    tenant_id       varchar(200) NOT NULL,
    athlete_id      varchar(200) NOT NULL,
    kind            varchar(40) NOT NULL,
    tested_on       date NOT NULL,
    result          jsonb NOT NULL,
    idempotency_key varchar(200),
    recorded_by     varchar(200) NOT NULL,
    recorded_at     timestamptz NOT NULL
);
CREATE UNIQUE INDEX strength_test_idempotency ON strength_test (tenant_id, athlete_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX strength_test_athlete ON strength_test (tenant_id, athlete_id, tested_on);
CREATE INDEX strength_test_recorded ON strength_test (tenant_id, recorded_at);

-- What a coach requires of an athlete before a return to play.
CREATE TABLE return_to_play (
    tenant_id  varchar(200) NOT NULL,
    athlete_id varchar(200) NOT NULL,
    criteria   jsonb NOT NULL,
    set_by     varchar(200) NOT NULL,
    set_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, athlete_id)
);
