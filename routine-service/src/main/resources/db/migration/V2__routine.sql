-- The catalog as this service last heard it from catalog.exercises: plans are built from here, so
-- generation keeps working while catalog-service is down.
CREATE TABLE catalog_exercise (
    id           uuid PRIMARY KEY,
    tenant_id    text,
    slug         text NOT NULL,
    revision     integer NOT NULL,
    available    boolean NOT NULL,
    content      jsonb,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalog_exercise_slug ON catalog_exercise (slug);

-- A plan a coach keeps to assign: generated or hand-made, stored as the plan document.
CREATE TABLE plan_template (
    id          uuid PRIMARY KEY,
    tenant_id   text NOT NULL,
    coach_id    text NOT NULL,
    title       text NOT NULL,
    plan        jsonb NOT NULL,
    version     integer NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX plan_template_tenant ON plan_template (tenant_id);

-- One athlete's copy of a template from a start date.
CREATE TABLE assignment (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL,
    template_id     uuid NOT NULL REFERENCES plan_template (id),
    plan_id         uuid NOT NULL,
    athlete_id      text NOT NULL,
    coach_id        text NOT NULL,
    team_id         text,
    title           text NOT NULL,
    start_date      date NOT NULL,
    status          text NOT NULL,
    cancelled_from  date,
    created_at      timestamptz NOT NULL
);
CREATE INDEX assignment_athlete ON assignment (tenant_id, athlete_id);
CREATE INDEX assignment_template ON assignment (template_id);

-- A dated session of an assignment with what it prescribes (adapted as sessions are logged).
CREATE TABLE scheduled_session (
    id              uuid PRIMARY KEY,
    assignment_id   uuid NOT NULL REFERENCES assignment (id),
    tenant_id       text NOT NULL,
    athlete_id      text NOT NULL,
    ordinal         integer NOT NULL,
    scheduled_date  date NOT NULL,
    title           text NOT NULL,
    content         jsonb NOT NULL,
    status          text NOT NULL,
    recorded_at     timestamptz
);
CREATE INDEX scheduled_session_assignment ON scheduled_session (assignment_id, ordinal);
CREATE INDEX scheduled_session_athlete ON scheduled_session (tenant_id, athlete_id, scheduled_date);

-- What an athlete reported for a session; the idempotency key makes a retried request record once.
CREATE TABLE session_record (
    id               uuid PRIMARY KEY,
    tenant_id        text NOT NULL,
    athlete_id       text NOT NULL,
    session_id       uuid NOT NULL REFERENCES scheduled_session (id),
    kind             text NOT NULL,
    idempotency_key  text,
    recorded_by      text NOT NULL,
    report           jsonb NOT NULL,
    response         jsonb NOT NULL,
    recorded_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX session_record_idempotency ON session_record (tenant_id, athlete_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX session_record_once ON session_record (session_id);
