-- Facts kept from the event streams. Projections are computed from these facts, so the order in
-- which events arrive does not change the numbers.

-- every CloudEvent id applied once; duplicates are ignored
CREATE TABLE processed_event (
    event_id     VARCHAR(200) PRIMARY KEY,
    tenant_id    VARCHAR(200) NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- plan events as received, per assignment; the schedule is derived from all of them together
CREATE TABLE plan_event (
    tenant_id      VARCHAR(200) NOT NULL,
    event_id       VARCHAR(200) NOT NULL,
    assignment_id  VARCHAR(64)  NOT NULL,
    athlete_id     VARCHAR(200) NOT NULL,
    coach_id       VARCHAR(200) NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    effective_from DATE,
    event_time     TIMESTAMPTZ,
    sessions       TEXT,
    PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX plan_event_assignment ON plan_event (tenant_id, assignment_id);

-- the sessions an athlete is expected to do, derived from plan_event
CREATE TABLE scheduled_session (
    tenant_id      VARCHAR(200) NOT NULL,
    session_id     VARCHAR(64)  NOT NULL,
    assignment_id  VARCHAR(64)  NOT NULL,
    athlete_id     VARCHAR(200) NOT NULL,
    scheduled_date DATE         NOT NULL,
    PRIMARY KEY (tenant_id, assignment_id, session_id)
);
CREATE INDEX scheduled_session_athlete ON scheduled_session (tenant_id, athlete_id, scheduled_date);

-- which coach looks after which athlete (plan events and completions name the coach)
CREATE TABLE athlete_coach (
    tenant_id  VARCHAR(200) NOT NULL,
    athlete_id VARCHAR(200) NOT NULL,
    coach_id   VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant_id, athlete_id, coach_id)
);
CREATE INDEX athlete_coach_coach ON athlete_coach (tenant_id, coach_id);

-- what an athlete did (completed) or declared skipped, one row per session
CREATE TABLE session_fact (
    tenant_id      VARCHAR(200) NOT NULL,
    session_id     VARCHAR(64)  NOT NULL,
    athlete_id     VARCHAR(200) NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    scheduled_date DATE,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    activity_date  DATE         NOT NULL,
    session_rpe    NUMERIC(4, 1),
    pain_score     INTEGER,
    pain_area      VARCHAR(40),
    PRIMARY KEY (tenant_id, session_id)
);
CREATE INDEX session_fact_athlete ON session_fact (tenant_id, athlete_id, occurred_at);

-- volume per exercise of each completed session
CREATE TABLE exercise_volume (
    tenant_id     VARCHAR(200) NOT NULL,
    session_id    VARCHAR(64)  NOT NULL,
    exercise_id   VARCHAR(200) NOT NULL,
    athlete_id    VARCHAR(200) NOT NULL,
    activity_date DATE         NOT NULL,
    exercise_name VARCHAR(200),
    pattern       VARCHAR(40),
    muscles       TEXT,
    sets          INTEGER      NOT NULL,
    reps          INTEGER      NOT NULL,
    hold_seconds  INTEGER      NOT NULL,
    PRIMARY KEY (tenant_id, session_id, exercise_id)
);
CREATE INDEX exercise_volume_athlete ON exercise_volume (tenant_id, athlete_id, activity_date);

-- flags currently raised; a cleared flag is removed
CREATE TABLE athlete_flag (
    tenant_id  VARCHAR(200) NOT NULL,
    athlete_id VARCHAR(200) NOT NULL,
    kind       VARCHAR(40)  NOT NULL,
    flag_id    UUID         NOT NULL,
    severity   VARCHAR(10)  NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    value      DOUBLE PRECISION,
    threshold  DOUBLE PRECISION,
    raised_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, athlete_id, kind)
);
