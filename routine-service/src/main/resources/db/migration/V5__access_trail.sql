-- Every answered read of athletes' health data: who, when, what, which athletes, and the rule that allowed it.
-- Append-only: the trigger refuses changes and removals, but for the purge of entries past their keeping period
-- and the erasure of an athlete, which replaces their id (among the athletes read, and as the reader of their own
-- data) by the digest the record of erasures names them by.
CREATE TABLE access_trail (
    id            uuid PRIMARY KEY,
    tenant_id     text NOT NULL,
    read_at       timestamptz NOT NULL,
    reader        text NOT NULL,
    reader_roles  text[] NOT NULL,
    what          text NOT NULL,
    operation     text NOT NULL,
    athletes      text[] NOT NULL,
    allowed_as    text NOT NULL
);
CREATE INDEX access_trail_tenant_read ON access_trail (tenant_id, read_at DESC);
CREATE INDEX access_trail_athletes ON access_trail USING gin (athletes);
CREATE INDEX access_trail_read ON access_trail (read_at);

CREATE FUNCTION access_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'ROW' AND TG_OP = 'DELETE' AND current_setting('medius.access_trail_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    IF TG_LEVEL = 'ROW' AND TG_OP = 'UPDATE' AND current_setting('medius.access_trail_erasure', true) = 'on'
            AND (NEW.id, NEW.tenant_id, NEW.read_at, NEW.reader_roles, NEW.what, NEW.operation, NEW.allowed_as)
                IS NOT DISTINCT FROM (OLD.id, OLD.tenant_id, OLD.read_at, OLD.reader_roles, OLD.what, OLD.operation,
                    OLD.allowed_as) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the access trail is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER access_trail_append_only BEFORE UPDATE OR DELETE ON access_trail
    FOR EACH ROW EXECUTE FUNCTION access_trail_append_only();
CREATE TRIGGER access_trail_no_truncate BEFORE TRUNCATE ON access_trail
    FOR EACH STATEMENT EXECUTE FUNCTION access_trail_append_only();
