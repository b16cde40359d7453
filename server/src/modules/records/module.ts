import { defineModule } from "../kit.ts";
import { RecordService } from "./record-service.ts";
import { recordRoutes } from "./routes.ts";

/**
 * The whole-record download (SPEC §2.9): every module's `recordSections`, streamed as JSON and
 * as a FHIR R4 Bundle, for the patient and caregivers with `records`; audited.
 */
export const recordsModule = defineModule({
  name: "records",
  services: (p) => ({
    /** the record download */
    records: new RecordService({ db: p.db, clock: p.clock, access: p.access, cipher: p.cipher, config: p.config }),
  }),
  routes: (app, services) => recordRoutes(app, services),
});
