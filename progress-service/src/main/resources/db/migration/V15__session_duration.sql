-- how long a completed session lasted, as the athlete reported it (session.completed.v1 durationMinutes): with the
-- session RPE it gives the session's training load; null when not reported, and for facts stored before this column
ALTER TABLE session_fact ADD COLUMN duration_minutes INTEGER;
