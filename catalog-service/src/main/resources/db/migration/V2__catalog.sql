-- Exercise content: global rows (tenant_id NULL) ship with the service or come from imports;
-- rows with a tenant are an organisation's custom exercises, invisible to other organisations.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE source (
    key      text PRIMARY KEY,
    authors  text,
    title    text NOT NULL,
    journal  text,
    year     integer,
    doi      text,
    url      text
);

CREATE TABLE muscle (
    slug         text PRIMARY KEY,
    name         text NOT NULL,
    region       text NOT NULL,
    location     text,
    functions    jsonb NOT NULL DEFAULT '[]',
    source_keys  jsonb NOT NULL DEFAULT '[]',
    translations jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE condition (
    slug         text PRIMARY KEY,
    name         text NOT NULL,
    description  text,
    source_keys  jsonb NOT NULL DEFAULT '[]',
    translations jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE exercise (
    id                  uuid PRIMARY KEY,
    tenant_id           text,
    slug                text NOT NULL,
    name                text NOT NULL,
    aliases             jsonb NOT NULL DEFAULT '[]',
    summary             text,
    steps               jsonb NOT NULL DEFAULT '[]',
    cues                jsonb NOT NULL DEFAULT '[]',
    mistakes            jsonb NOT NULL DEFAULT '[]',
    category            text NOT NULL CHECK (category IN ('activation', 'strength', 'stability', 'mobility')),
    pattern             text NOT NULL,
    level               text NOT NULL CHECK (level IN ('beginner', 'intermediate', 'advanced')),
    mechanic            text,
    equipment           jsonb NOT NULL DEFAULT '[]',
    laterality          text NOT NULL CHECK (laterality IN ('bilateral', 'per-side')),
    prescription        jsonb NOT NULL,
    contraindications   jsonb NOT NULL DEFAULT '[]',
    pain_areas_to_avoid jsonb NOT NULL DEFAULT '[]',
    evidence            text,
    source_keys         jsonb NOT NULL DEFAULT '[]',
    media               jsonb NOT NULL DEFAULT '[]',
    license             text,
    attribution         text,
    seed                boolean NOT NULL DEFAULT false,
    translations        jsonb NOT NULL DEFAULT '{}',
    status              text NOT NULL CHECK (status IN ('draft', 'in-review', 'published', 'retired')),
    revision            integer NOT NULL,
    origin              text NOT NULL,
    origin_ref          text,
    content_hash        text,
    -- name and aliases as plain words: the typo-tolerant part of search works on these
    names_text          text NOT NULL,
    search              tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector('english'::regconfig, name), 'A')
                            || setweight(to_tsvector('english'::regconfig, names_text), 'B')
                            || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'C')) STORED,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    published_at        timestamptz,
    retired_at          timestamptz
);

CREATE UNIQUE INDEX exercise_slug_per_scope ON exercise (coalesce(tenant_id, ''), slug);
CREATE UNIQUE INDEX exercise_origin_ref ON exercise (origin, origin_ref) WHERE origin_ref IS NOT NULL;
CREATE INDEX exercise_search ON exercise USING gin (search);
CREATE INDEX exercise_names_trgm ON exercise USING gin (names_text gin_trgm_ops);
CREATE INDEX exercise_status_name ON exercise (status, name, id);
CREATE INDEX exercise_equipment ON exercise USING gin (equipment);

CREATE TABLE exercise_muscle (
    exercise_id             uuid NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    position                integer NOT NULL,
    muscle                  text NOT NULL REFERENCES muscle (slug),
    role                    text NOT NULL CHECK (role IN ('primary', 'secondary')),
    activation_mvic_percent double precision,
    source_key              text,
    PRIMARY KEY (exercise_id, position)
);
CREATE INDEX exercise_muscle_by_muscle ON exercise_muscle (muscle, exercise_id);

CREATE TABLE exercise_condition (
    exercise_id uuid NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    condition   text NOT NULL REFERENCES condition (slug),
    PRIMARY KEY (exercise_id, condition)
);
CREATE INDEX exercise_condition_by_condition ON exercise_condition (condition, exercise_id);

-- one rung of a ladder: the easier variation leads to the harder one, read in both directions
CREATE TABLE exercise_ladder (
    easier_id uuid NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    harder_id uuid NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    PRIMARY KEY (easier_id, harder_id),
    CHECK (easier_id <> harder_id)
);
CREATE INDEX exercise_ladder_harder ON exercise_ladder (harder_id, easier_id);

CREATE TABLE exercise_revision (
    exercise_id uuid NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    revision    integer NOT NULL,
    action      text NOT NULL,
    author      text NOT NULL,
    at          timestamptz NOT NULL,
    snapshot    jsonb NOT NULL,
    PRIMARY KEY (exercise_id, revision)
);

-- which version of the shipped content file this database holds, so startup loads it only once
CREATE TABLE content_load (
    name      text PRIMARY KEY,
    checksum  text NOT NULL,
    loaded_at timestamptz NOT NULL
);
