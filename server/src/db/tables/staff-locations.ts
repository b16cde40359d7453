import type { Generated } from "./types.ts";

/** migrations/0010_staff_locations.sql: the locations a staff member works. */
export interface StaffLocationsTable {
  user_id: string;
  location_id: string;
  created_at: Generated<Date>;
}

export interface StaffLocationTables {
  staff_locations: StaffLocationsTable;
}
