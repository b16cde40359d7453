import type { IdentityService } from "../identity/service.ts";
import { defineModule } from "../kit.ts";
import type { RecordService } from "../records/record-service.ts";
import type { SchedulingService } from "../scheduling/service.ts";
import { FhirService } from "./fhir-service.ts";
import { fhirRoutes } from "./routes.ts";

/**
 * The FHIR R4 read API at `/fhir/R4` (issue 17): metadata, read and search over the record
 * download's sections (one resource type per file in `resources/`, mapped by `server/src/fhir/`),
 * and `Patient/$everything`, through the same gate and audit log as the portal. Holds no
 * tables of its own.
 */
export const fhirApiModule = defineModule({
  name: "fhir-api",
  services: (p, needs: { identity: IdentityService; records: RecordService; scheduling: SchedulingService }) => ({
    /** read and search of FHIR resources for the caller (free slots through the scheduling module's search) */
    fhirApi: new FhirService({
      db: p.db,
      access: p.access,
      audit: p.audit,
      cipher: p.cipher,
      slots: needs.scheduling,
      clinicName: p.config.clinicName,
    }),
    fhirApiConfig: { publicUrl: p.config.publicUrl, releasedAt: p.clock.now() },
  }),
  routes: (app, services) =>
    fhirRoutes(app, {
      fhir: services.fhirApi,
      records: services.records,
      sessions: services.identity.sessions,
      config: services.fhirApiConfig,
      releasedAt: services.fhirApiConfig.releasedAt,
    }),
});
