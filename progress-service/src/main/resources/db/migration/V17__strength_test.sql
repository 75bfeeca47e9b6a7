-- The athletes' strength and control tests (strength-test.recorded.v1), one row per test: the version that stands
-- (revision, then event time, source and id, as for readiness_check_in). faults and findings keep the event's lists of
-- text, null when it gave none. Removed with the athlete's erasure and past the organisation's retention, like
-- readiness_check_in.
CREATE TABLE strength_test (
    tenant_id        VARCHAR(200)     NOT NULL,
    test_id          VARCHAR(64)      NOT NULL,
    athlete_id       VARCHAR(200)     NOT NULL,
    kind             VARCHAR(40)      NOT NULL,
    tested_on        DATE             NOT NULL,
    recorded_at      TIMESTAMPTZ      NOT NULL,
    left_value       DOUBLE PRECISION,
    right_value      DOUBLE PRECISION,
    unit             VARCHAR(20),
    symmetry_percent DOUBLE PRECISION,
    involved_side    VARCHAR(10),
    pain             SMALLINT,
    left_rating      VARCHAR(10),
    right_rating     VARCHAR(10),
    faults           JSONB,
    findings         JSONB,
    revision         INTEGER          NOT NULL,
    event_time       TIMESTAMPTZ      NOT NULL,
    source           VARCHAR(200)     NOT NULL,
    event_id         VARCHAR(200)     NOT NULL,
    PRIMARY KEY (tenant_id, test_id)
);
CREATE INDEX strength_test_athlete ON strength_test (tenant_id, athlete_id, tested_on);
