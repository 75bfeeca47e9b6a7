-- The retention job removes reports by age, organisation by organisation.
CREATE INDEX session_record_recorded ON session_record (tenant_id, recorded_at);
