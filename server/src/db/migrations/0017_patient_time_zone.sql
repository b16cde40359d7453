-- The patient's own time zone (IANA name, e.g. America/New_York): video visits are shown in it,
-- in pages, emails and calendar files; in-person visits keep the location's zone. Null until
-- the patient (or the browser at registration or activation) says; until then the zone of
-- their latest in-person visit's location stands in, else the clinic's first location's.
ALTER TABLE patients ADD COLUMN time_zone text CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64);
