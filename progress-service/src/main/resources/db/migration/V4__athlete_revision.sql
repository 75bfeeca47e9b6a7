-- Per athlete, the transaction that last changed anything a dashboard shows of them: their sessions, schedule,
-- coaches or flags. A roster read compares its athletes' revisions with those its kept answer was computed
-- from, one indexed lookup, and computes the answer again only when one differs (docs/benchmarks.md, scenario 2).
-- Transaction ids never repeat, so a value seen once names one state of the athlete, across replicas and
-- across rebuilds. An athlete without a row is always computed.
CREATE TABLE athlete_revision (
    tenant_id  VARCHAR(200) NOT NULL,
    athlete_id VARCHAR(200) NOT NULL,
    revision   BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, athlete_id)
);

INSERT INTO athlete_revision (tenant_id, athlete_id, revision)
SELECT tenant_id, athlete_id, pg_current_xact_id()::text::bigint
FROM (SELECT tenant_id, athlete_id FROM athlete_coach
      UNION SELECT tenant_id, athlete_id FROM session_fact
      UNION SELECT tenant_id, athlete_id FROM scheduled_session
      UNION SELECT tenant_id, athlete_id FROM athlete_flag) a;
