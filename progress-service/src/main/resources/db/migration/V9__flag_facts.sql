-- what a flag's reason cites, by name, so that a page can word it in the coach's language (FlagFinding.facts)
ALTER TABLE athlete_flag ADD COLUMN facts JSONB;
