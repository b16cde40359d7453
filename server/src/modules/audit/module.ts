import { defineModule } from "../kit.ts";
import { accessLogRecordSection } from "../records/sections/access-log.ts";
import { registerAuditRoutes } from "./routes.ts";
import { AuditTrailService } from "./service.ts";

/** Reading the audit log: the patient's access log and the admins' search. */
export const auditModule = defineModule({
  name: "audit",
  services: (p) => ({
    /** reading the audit log: the patient's access log and the admins' search */
    auditTrail: new AuditTrailService({ db: p.db, access: p.access, audit: p.audit }),
  }),
  routes: registerAuditRoutes,
  recordSections: [accessLogRecordSection],
});
