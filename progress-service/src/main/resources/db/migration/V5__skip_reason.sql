-- the reason an athlete gave for a skip, so that a skip for injury or illness can raise a flag
ALTER TABLE session_fact ADD COLUMN skip_reason VARCHAR(500);
