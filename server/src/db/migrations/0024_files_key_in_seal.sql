-- A file's key id is the one inside its sealed value (`v1.<key id>.…`): key rotation re-seals
-- `files.sealed_content` in place, so a separate copy of the key id would go stale.
ALTER TABLE files DROP COLUMN key_id;
