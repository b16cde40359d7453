-- Which locations a staff member works (SPEC §1: staff never see a patient they have no
-- reason to see). Front desk and nurses open the arrivals boards, and move the visits, of the
-- locations they are assigned to; physicians work their own provider's visits wherever they
-- are. Managed by admins on the staff page (PATCH /api/admin/staff/:id { locationIds }).
CREATE TABLE staff_locations (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, location_id)
);
CREATE INDEX staff_locations_location_idx ON staff_locations (location_id);

-- An existing installation keeps working after the upgrade: front desk and nurses who could
-- open every board until now are assigned to every active location; admins narrow it down.
INSERT INTO staff_locations (user_id, location_id)
SELECT DISTINCT r.user_id, l.id
FROM user_roles r
CROSS JOIN locations l
WHERE r.role IN ('front_desk', 'nurse') AND l.active;
