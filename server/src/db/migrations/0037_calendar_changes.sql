-- What the slot-search cache checks before reusing a provider-day it computed earlier
-- (modules/scheduling/slot-cache.ts). Every change that can alter a provider's free slots
-- appends a row here in the same transaction, by trigger, whoever makes it (booking,
-- cancelling, rescheduling, time off, templates, another module, a script):
--   day  a UTC date whose slots may have changed: for a visit, the days of its blocked
--        range and one either side (a slot, with its own buffers, can start the evening
--        before or end the morning after and still overlap it); NULL for every day (a
--        template, an exception).
-- A search counts the rows of each provider-day it needs (one indexed query); rows are only
-- ever added, so two reads with the same count saw the same committed changes, and a count
-- that differs from the cached one means "compute again". No row is updated, so concurrent
-- bookings never wait on each other here.
CREATE TABLE calendar_changes (
  provider_id uuid NOT NULL,
  day date,
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX calendar_changes_provider_day_idx ON calendar_changes (provider_id, day);

CREATE FUNCTION calendar_changes_for_visit(provider uuid, blocked tstzrange) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO calendar_changes (provider_id, day)
  SELECT provider, d::date
  FROM generate_series(
    ((lower(blocked) AT TIME ZONE 'UTC') - interval '1 day')::date,
    ((upper(blocked) AT TIME ZONE 'UTC') + interval '1 day')::date,
    interval '1 day') AS d
$$;

CREATE FUNCTION calendar_changes_appointment() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM calendar_changes_for_visit(OLD.provider_id, OLD.blocked);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.provider_id, NEW.blocked) IS DISTINCT FROM (OLD.provider_id, OLD.blocked)) THEN
    PERFORM calendar_changes_for_visit(NEW.provider_id, NEW.blocked);
  END IF;
  RETURN NULL;
END $$;

-- a visit holds its time unless cancelled: inserts, deletes, and updates that cancel,
-- un-cancel or move it (status steps such as arrived or roomed change nothing)
CREATE TRIGGER appointments_calendar_changes_insert_delete
  AFTER INSERT OR DELETE ON appointments
  FOR EACH ROW EXECUTE FUNCTION calendar_changes_appointment();
CREATE TRIGGER appointments_calendar_changes_update
  AFTER UPDATE ON appointments
  FOR EACH ROW
  WHEN ((OLD.status = 'cancelled') IS DISTINCT FROM (NEW.status = 'cancelled')
        OR OLD.blocked IS DISTINCT FROM NEW.blocked
        OR OLD.provider_id IS DISTINCT FROM NEW.provider_id)
  EXECUTE FUNCTION calendar_changes_appointment();

CREATE FUNCTION calendar_changes_whole_calendar() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO calendar_changes (provider_id, day) VALUES (OLD.provider_id, NULL);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.provider_id IS DISTINCT FROM OLD.provider_id) THEN
    INSERT INTO calendar_changes (provider_id, day) VALUES (NEW.provider_id, NULL);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER availability_templates_calendar_changes
  AFTER INSERT OR UPDATE OR DELETE ON availability_templates
  FOR EACH ROW EXECUTE FUNCTION calendar_changes_whole_calendar();
CREATE TRIGGER availability_exceptions_calendar_changes
  AFTER INSERT OR UPDATE OR DELETE ON availability_exceptions
  FOR EACH ROW EXECUTE FUNCTION calendar_changes_whole_calendar();
