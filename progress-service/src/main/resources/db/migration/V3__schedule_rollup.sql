-- Completion kept with the schedule at ingestion, so that a roster read does not join every scheduled
-- session of its athletes (about 5,000 for 50) to a million-row session_fact: that join cost ~400 ms per
-- roster (docs/benchmarks.md, scenario 2).

-- whether each scheduled session has a completion: a completion marks the scheduled sessions with its id,
-- a schedule written after its completions starts out marked; a completion is never undone
ALTER TABLE scheduled_session ADD COLUMN completed BOOLEAN NOT NULL DEFAULT false;

UPDATE scheduled_session s SET completed = true
FROM session_fact f
WHERE f.tenant_id = s.tenant_id AND f.session_id = s.session_id AND f.status = 'completed';

-- a completion finds its scheduled sessions by session id
CREATE INDEX scheduled_session_session ON scheduled_session (tenant_id, session_id);

-- per athlete, one row: each day with sessions scheduled (ascending), how many and how many were completed.
-- Adherence over any window, the streak and the first scheduled day are computed from this row alone.
-- Rewritten from scheduled_session when an athlete's schedule changes; a completion adds to its day.
CREATE TABLE athlete_schedule (
    tenant_id  VARCHAR(200) NOT NULL,
    athlete_id VARCHAR(200) NOT NULL,
    days       DATE[]       NOT NULL,
    scheduled  INTEGER[]    NOT NULL,
    completed  INTEGER[]    NOT NULL,
    PRIMARY KEY (tenant_id, athlete_id)
);

INSERT INTO athlete_schedule (tenant_id, athlete_id, days, scheduled, completed)
SELECT tenant_id, athlete_id, array_agg(day ORDER BY day), array_agg(n ORDER BY day), array_agg(done ORDER BY day)
FROM (SELECT tenant_id, athlete_id, scheduled_date AS day, count(*)::integer AS n,
             (count(*) FILTER (WHERE completed))::integer AS done
      FROM scheduled_session GROUP BY tenant_id, athlete_id, scheduled_date) d
GROUP BY tenant_id, athlete_id;

-- the completed counts of an athlete's schedule row with one more for each date in `done` (a date may repeat)
CREATE FUNCTION schedule_add_completions(days DATE[], completed INTEGER[], done DATE[]) RETURNS INTEGER[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_agg(u.c + (SELECT count(*) FROM unnest(done) AS d(day) WHERE d.day = u.day)::integer ORDER BY u.i)
    FROM unnest(days, completed) WITH ORDINALITY AS u(day, c, i)
$$;

-- skips are rare: the progress read finds an athlete's without visiting every session they completed
CREATE INDEX session_fact_skipped ON session_fact (tenant_id, athlete_id) WHERE status = 'skipped';
