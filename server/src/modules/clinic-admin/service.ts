import type { ClinicAdminDeps } from "./admin-work.ts";
import { LocationAdmin } from "./locations.ts";
import { PharmacyAdmin } from "./pharmacies.ts";
import { ProviderAdmin } from "./providers.ts";
import { StaffAdmin } from "./staff.ts";

export type { ClinicAdminDeps } from "./admin-work.ts";

/**
 * Clinic set-up and staff accounts (admin only; the catalogue reads are open to any signed-in
 * user), one service per concept.
 */
export class ClinicAdminService {
  readonly locations: LocationAdmin;
  readonly providers: ProviderAdmin;
  readonly pharmacies: PharmacyAdmin;
  readonly staff: StaffAdmin;

  constructor(deps: ClinicAdminDeps) {
    this.locations = new LocationAdmin(deps);
    this.providers = new ProviderAdmin(deps);
    this.pharmacies = new PharmacyAdmin(deps);
    this.staff = new StaffAdmin(deps);
  }
}
