import type { IdentityService } from "../identity/service.ts";
import { defineModule } from "../kit.ts";
import { sealedSmartColumns } from "./adapter.ts";
import { smartRoutes } from "./routes.ts";
import { SmartService } from "./service.ts";

/**
 * SMART App Launch 2.x, standalone patient launch (issue 17): the authorization server
 * (`oidc-provider`) at `/oauth`, the consent step over the portal session, connected apps,
 * app registration, and the token verifier the FHIR API installs.
 */
export const smartModule = defineModule({
  name: "smart",
  services: (p, _needs: { identity: IdentityService }) => ({
    smart: new SmartService({
      db: p.db,
      cipher: p.cipher,
      clock: p.clock,
      access: p.access,
      audit: p.audit,
      jobs: p.jobs,
      config: p.config,
      redis: p.redis,
    }),
  }),
  periodicJobs: (services) => [
    { name: "daily SMART connections", scheduleFirst: () => services.smart.scheduleDaily() },
  ],
  routes: (app, services) =>
    smartRoutes(app, services.smart, {
      sessions: services.identity.sessions,
      config: { publicUrl: services.smart.publicUrl },
    }),
  sealedColumns: sealedSmartColumns,
  patientReferences: [{ table: "smart_grants", column: "patient_id", note: "apps connected to the record" }],
  notInRecordDownload:
    "an app's grant is access to the record, not part of it: each connection, disconnection and app read is in the access log, which the download holds",
});
