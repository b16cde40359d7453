import type { IdentityService } from "../identity/service.ts";
import { defineModule } from "../kit.ts";
import { caregiversRecordSection } from "../records/sections/caregivers.ts";
import { proxyInvitation, proxyStaffInvitation } from "./mail-templates.ts";
import { proxyRoutes } from "./routes.ts";
import { ProxyService } from "./service.ts";

/** Caregiver (proxy) access: grants, invitations, revocation, the end of parental access at 18. */
export const proxiesModule = defineModule({
  name: "proxies",
  services: (p, needs: { identity: IdentityService }) => ({
    /** caregiver grants, invitations, revocation; the daily end-of-parental-access job */
    proxies: new ProxyService({ ...p, accounts: needs.identity.onboarding }),
  }),
  routes: (app, services) => proxyRoutes(app, services.proxies, services.identity.cookie, services.access),
  periodicJobs: (services) => [{ name: "daily proxy", scheduleFirst: () => services.proxies.scheduleDaily() }],
  mailTemplates: [proxyInvitation, proxyStaffInvitation],
  patientReferences: [
    { table: "proxy_grants", column: "patient_id", note: "caregiver access" },
    { table: "proxy_invitations", column: "patient_id", note: "caregiver invitations" },
  ],
  recordSections: [caregiversRecordSection],
});
