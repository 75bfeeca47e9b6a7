-- Athletes their organisation erased (athlete.erased.v1), with the moment: their events dated up to then, which the
-- topics hold until their retention ends, are not applied again, live or by a rebuild. A rebuild keeps this table.
CREATE TABLE athlete_erasure (
    tenant_id   VARCHAR(200) NOT NULL,
    athlete_id  VARCHAR(200) NOT NULL,
    erased_at   timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, athlete_id)
);
