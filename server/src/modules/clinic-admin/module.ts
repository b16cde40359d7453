import type { IdentityService } from "../identity/service.ts";
import { defineModule } from "../kit.ts";
import { staffInvitation } from "./mail-templates.ts";
import { clinicAdminRoutes } from "./routes.ts";
import { ClinicAdminService } from "./service.ts";

/** Clinic set-up (admin only): staff accounts by invitation, locations, providers, pharmacies. */
export const clinicAdminModule = defineModule({
  name: "clinic-admin",
  services: (p, needs: { identity: IdentityService }) => ({
    /** staff accounts, locations, providers, pharmacies */
    clinicAdmin: new ClinicAdminService({ ...p, identity: needs.identity }),
  }),
  routes: (app, services) => clinicAdminRoutes(app, services.clinicAdmin),
  mailTemplates: [staffInvitation],
});
