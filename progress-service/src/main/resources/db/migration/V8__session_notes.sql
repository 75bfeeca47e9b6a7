-- what the athlete wrote about a completed session, shown to their coaches on the athlete view
ALTER TABLE session_fact ADD COLUMN notes VARCHAR(4000);
