-- An athlete's morning readiness check-ins (wellness.checked-in.v1), one row per check-in: the version that stands
-- (revision, then event time, source and id, as for session_fact). pain, red_flags and adjustments keep the event's
-- lists with only the members the contract names. Removed with the athlete's erasure and past the organisation's
-- retention, like session_fact.
CREATE TABLE readiness_check_in (
    tenant_id     VARCHAR(200)  NOT NULL,
    check_in_id   VARCHAR(64)   NOT NULL,
    athlete_id    VARCHAR(200)  NOT NULL,
    check_in_date DATE          NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL,
    sleep_quality SMALLINT,
    energy        SMALLINT,
    soreness      SMALLINT,
    stress        SMALLINT,
    mood          SMALLINT,
    sleep_hours   NUMERIC(4, 2),
    pain          JSONB         NOT NULL,
    red_flags     JSONB,
    adjustments   JSONB,
    revision      INTEGER       NOT NULL,
    event_time    TIMESTAMPTZ   NOT NULL,
    source        VARCHAR(200)  NOT NULL,
    event_id      VARCHAR(200)  NOT NULL,
    PRIMARY KEY (tenant_id, check_in_id)
);
CREATE INDEX readiness_check_in_athlete ON readiness_check_in (tenant_id, athlete_id, check_in_date);
