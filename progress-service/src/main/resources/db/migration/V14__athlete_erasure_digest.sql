-- The register of erasures names each athlete by digest, as routine-service's does (sha256 of organisation, a newline
-- and id): enough to tell an erased athlete's events still in the topics, not who the athlete was.
ALTER TABLE athlete_erasure ADD COLUMN athlete_digest VARCHAR(71);
UPDATE athlete_erasure
   SET athlete_digest = 'sha256:' || encode(sha256(convert_to(tenant_id || E'\n' || athlete_id, 'UTF8')), 'hex');
ALTER TABLE athlete_erasure DROP CONSTRAINT athlete_erasure_pkey;
ALTER TABLE athlete_erasure DROP COLUMN athlete_id;
ALTER TABLE athlete_erasure ALTER COLUMN athlete_digest SET NOT NULL;
ALTER TABLE athlete_erasure ADD PRIMARY KEY (tenant_id, athlete_digest);
