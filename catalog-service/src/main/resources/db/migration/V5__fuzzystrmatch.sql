-- Typo correction of search words measures edit distance in the database (levenshtein), next to pg_trgm's similarity.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
