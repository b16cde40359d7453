-- Clinicians record lab results from the chart (the refill protocol's lab rule reads them):
-- the test's name as the protocol called it then, the value when given (sealed per row with
-- the field cipher: `lab-result:<id>`), and who recorded it.
ALTER TABLE lab_results ADD COLUMN lab_name text;
ALTER TABLE lab_results ADD COLUMN value_sealed text;
ALTER TABLE lab_results ADD COLUMN recorded_by uuid REFERENCES users (id);
