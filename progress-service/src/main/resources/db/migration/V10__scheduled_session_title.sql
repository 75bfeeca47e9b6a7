-- the title a plan gives each session, kept with the schedule so the athlete view need not read plan events
-- (a schedule stored before has none until its assignment's next plan event, or a rebuild)
ALTER TABLE scheduled_session ADD COLUMN title VARCHAR(200);
