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

-- per athlete, one row with what a roster shows of their recent work: the latest completed sessions
-- (oldest first, as parallel arrays) and the volume of each day of the last two weeks. Rewritten from
-- session_fact and exercise_volume for the athletes of each batch of completions; read without visiting
-- their sessions, which lie scattered over tables far larger than memory.
CREATE TABLE athlete_recent (
    tenant_id       VARCHAR(200)  NOT NULL,
    athlete_id      VARCHAR(200)  NOT NULL,
    session_ids     VARCHAR(64)[] NOT NULL,
    dates           DATE[]        NOT NULL,
    completed_at    TIMESTAMPTZ[] NOT NULL,
    rpe             NUMERIC[]     NOT NULL,
    pain            INTEGER[]     NOT NULL,
    pain_areas      VARCHAR(40)[] NOT NULL,
    volume_days     DATE[]        NOT NULL,
    volume_sessions INTEGER[]     NOT NULL,
    volume_sets     INTEGER[]     NOT NULL,
    volume_reps     INTEGER[]     NOT NULL,
    volume_holds    INTEGER[]     NOT NULL,
    PRIMARY KEY (tenant_id, athlete_id)
);

INSERT INTO athlete_recent
SELECT k.tenant_id, k.athlete_id, r.*, v.*
FROM (SELECT DISTINCT tenant_id, athlete_id FROM session_fact WHERE status = 'completed') k
CROSS JOIN LATERAL (
    SELECT coalesce(array_agg(f.session_id ORDER BY f.occurred_at, f.session_id), '{}'),
           coalesce(array_agg(f.activity_date ORDER BY f.occurred_at, f.session_id), '{}'),
           coalesce(array_agg(f.occurred_at ORDER BY f.occurred_at, f.session_id), '{}'),
           coalesce(array_agg(f.session_rpe ORDER BY f.occurred_at, f.session_id), '{}'),
           coalesce(array_agg(f.pain_score ORDER BY f.occurred_at, f.session_id), '{}'),
           coalesce(array_agg(f.pain_area ORDER BY f.occurred_at, f.session_id), '{}')
    FROM (SELECT * FROM session_fact s WHERE s.tenant_id = k.tenant_id AND s.athlete_id = k.athlete_id
          AND s.status = 'completed' ORDER BY s.occurred_at DESC, s.session_id DESC LIMIT 6) f) r
CROSS JOIN LATERAL (
    SELECT coalesce(array_agg(d.day ORDER BY d.day), '{}'), coalesce(array_agg(d.n ORDER BY d.day), '{}'),
           coalesce(array_agg(d.sets ORDER BY d.day), '{}'), coalesce(array_agg(d.reps ORDER BY d.day), '{}'),
           coalesce(array_agg(d.holds ORDER BY d.day), '{}')
    FROM (SELECT e.activity_date AS day, count(DISTINCT e.session_id)::integer AS n, sum(e.sets)::integer AS sets,
                 sum(e.reps)::integer AS reps, sum(e.hold_seconds)::integer AS holds
          FROM exercise_volume e WHERE e.tenant_id = k.tenant_id AND e.athlete_id = k.athlete_id
          AND e.activity_date >= current_date - 13 GROUP BY e.activity_date) d) v;
