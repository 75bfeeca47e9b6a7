-- Events from outside are untrusted input (docs/events.md, "What progress-service applies").

-- an event's identity is its source and id, as CloudEvents defines it; the digest of its content tells the same
-- event sent again (a duplicate) from an identity reused for something else (a conflict). Rows from before this
-- version have no source: their events' retries are recognised by the facts they wrote, which they rewrite alike.
ALTER TABLE processed_event ADD COLUMN source VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE processed_event ADD COLUMN digest CHAR(64);
ALTER TABLE processed_event DROP CONSTRAINT processed_event_pkey;
ALTER TABLE processed_event ADD PRIMARY KEY (source, event_id);

-- a plan event is stored under its source and id together, so that two sources' ids never collide
ALTER TABLE plan_event ALTER COLUMN event_id TYPE VARCHAR(401);

-- the organisation each athlete belongs to, learnt from the first plan event that names them; an event of
-- another organisation about them is dead-lettered
CREATE TABLE athlete_organisation (
    athlete_id    VARCHAR(200) PRIMARY KEY,
    tenant_id     VARCHAR(200) NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
INSERT INTO athlete_organisation (athlete_id, tenant_id)
SELECT DISTINCT ON (athlete_id) athlete_id, tenant_id FROM plan_event ORDER BY athlete_id, event_time NULLS LAST, event_id;

-- which version of a session is stored: a completion outranks a skip, then the higher revision, then the later
-- ce_time, then the event's source and id, so that versions arriving in any order end as the same one
ALTER TABLE session_fact ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE session_fact ADD COLUMN event_time TIMESTAMPTZ NOT NULL DEFAULT '-infinity';
ALTER TABLE session_fact ADD COLUMN event_source VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE session_fact ADD COLUMN event_id VARCHAR(200) NOT NULL DEFAULT '';

-- where the dead-letter topic has been replayed up to, so that a record is sent back to its topic once
CREATE TABLE dead_letter_replay (
    dlq_partition INTEGER PRIMARY KEY,
    next_offset   BIGINT  NOT NULL
);

-- the slug of each catalog exercise id (from catalog.exercises), so that an exercise a completion names by its id
-- is the same series as one named by its slug
CREATE TABLE exercise_ref (
    exercise_id VARCHAR(200) PRIMARY KEY,
    slug        VARCHAR(120) NOT NULL
);
