-- Structured contraindications (area, acuity, position) and per-exercise evidence beside the free text.
ALTER TABLE exercise ADD COLUMN contraindication_rules jsonb NOT NULL DEFAULT '[]';
ALTER TABLE exercise ADD COLUMN findings jsonb NOT NULL DEFAULT '[]';
