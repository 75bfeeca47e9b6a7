-- A coach's acknowledgement of a raised flag, with a note and an optional snooze: coach input, not a projection,
-- so a rebuild keeps it. It belongs to one raising of a flag: a flag that clears and is raised again has a new id
-- and needs acknowledging again.
CREATE TABLE flag_acknowledgement (
    tenant_id       VARCHAR(200) NOT NULL,
    flag_id         UUID         NOT NULL,
    athlete_id      VARCHAR(200) NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    acknowledged_by VARCHAR(200) NOT NULL,
    note            VARCHAR(500),
    snoozed_until   DATE,
    acknowledged_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, flag_id)
);

CREATE INDEX flag_acknowledgement_athlete ON flag_acknowledgement (tenant_id, athlete_id);

-- profiles from athlete.updated.v1 (routine.plans): the highest revision of each athlete is kept
CREATE TABLE athlete_profile (
    tenant_id    VARCHAR(200) NOT NULL,
    athlete_id   VARCHAR(200) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    team_id      VARCHAR(100),
    team_name    VARCHAR(200),
    sport        VARCHAR(100),
    revision     BIGINT       NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, athlete_id)
);
