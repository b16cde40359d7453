-- What slot search checks before reusing the visit type and the providers of a specialty it
-- read earlier (modules/scheduling/catalogue-cache.ts). Every statement that writes a table
-- slot search reads its catalogue from (visit types, providers, where they work, locations)
-- adds one to `n`, in its own transaction, whoever runs it (clinic admin, a script, a seed).
-- Writers of the one row wait for each other, so `n` counts committed catalogue changes: two
-- reads that see the same `n` saw the same catalogue. The catalogue changes rarely; the
-- calendar, which changes with every booking, has its own per provider-day stamps (0037).
CREATE TABLE catalogue_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  n bigint NOT NULL DEFAULT 0
);
INSERT INTO catalogue_version (id, n) VALUES (true, 0);

CREATE FUNCTION catalogue_version_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalogue_version SET n = n + 1 WHERE id;
  RETURN NULL;
END $$;

CREATE TRIGGER visit_types_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON visit_types
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_bump();
CREATE TRIGGER providers_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON providers
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_bump();
CREATE TRIGGER provider_locations_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON provider_locations
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_bump();
CREATE TRIGGER locations_catalogue_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON locations
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_bump();
