-- The organisation's athletes as coaches name them: the registry behind athlete.updated.v1.
CREATE TABLE athlete (
    tenant_id     text NOT NULL,
    athlete_id    text NOT NULL,
    display_name  text NOT NULL,
    -- the display name folded to lower case without accents, so that "Álvaro" sorts beside "Alba"
    sort_name     text NOT NULL,
    team_id       text,
    team_name     text,
    sport         text,
    revision      bigint NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    text NOT NULL,
    PRIMARY KEY (tenant_id, athlete_id)
);
CREATE INDEX athlete_team ON athlete (tenant_id, team_id);
CREATE INDEX athlete_sort_name ON athlete (tenant_id, sort_name, athlete_id);
