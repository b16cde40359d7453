-- The status a visit had before its last staff step (arrived, roomed, in visit, completed,
-- no-show), so that step can be undone once; cleared by the undo.
ALTER TABLE appointments
  ADD COLUMN status_before_step text
    CHECK (status_before_step IN ('booked', 'confirmed', 'checked_in', 'arrived', 'roomed', 'in_visit'));
