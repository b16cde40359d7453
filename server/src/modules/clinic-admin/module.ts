import { defineModule } from "../kit.ts";
import { staffInvitation } from "./mail-templates.ts";
import { clinicAdminRoutes } from "./routes.ts";
import { ClinicAdminService } from "./service.ts";

/** Clinic set-up (admin only): staff accounts by invitation, locations, providers, pharmacies. */
export const clinicAdminModule = defineModule({
  name: "clinic-admin",
  services: (p) => ({
    /** staff accounts, locations, providers, pharmacies */
    clinicAdmin: new ClinicAdminService(p),
  }),
  routes: (app, services) => clinicAdminRoutes(app, services.clinicAdmin),
  mailTemplates: [staffInvitation],
});
