import { sql } from "kysely";
import { seedDemoRegistration } from "../../seed/demo-registration.ts";
import type { IdentityService } from "../identity/service.ts";
import { defineModule } from "../kit.ts";
import { profileRecordSection } from "../records/sections/profile.ts";
import { PatientFiles } from "./files.ts";
import {
  registrationExistingAccount,
  registrationReceived,
  registrationRejected,
  registrationVerified,
} from "./mail-templates.ts";
import { patientRoutes } from "./routes.ts";
import { PatientService } from "./service.ts";

/** Registration, profile, duplicate review, merges, identity change requests, staff search, uploaded files. */
export const patientsModule = defineModule({
  name: "patients",
  services: (p, needs: { identity: IdentityService }) => ({
    /** registration, profile, duplicate review, merges, identity change requests, staff search */
    patients: new PatientService({ ...p, identity: needs.identity }),
    /** a patient's uploaded documents, behind the profile's access rules */
    patientFiles: new PatientFiles({ db: p.db, access: p.access, audit: p.audit, store: p.files }),
  }),
  routes: (app, services) => patientRoutes(app, services.patients, services.patientFiles, services.access),
  mailTemplates: [registrationReceived, registrationExistingAccount, registrationVerified, registrationRejected],
  patientReferences: [
    {
      table: "insurance_coverages",
      column: "patient_id",
      note: "coverage; the surviving chart's primary/secondary wins",
      onlyWhere: ({ target }) =>
        sql`not exists (select 1 from insurance_coverages kept where kept.patient_id = ${target} and kept.rank = insurance_coverages.rank)`,
    },
    { table: "files", column: "patient_id", note: "uploaded documents" },
    { table: "identity_change_requests", column: "patient_id", note: "requests" },
  ],
  demoSeed: seedDemoRegistration,
  recordSections: [profileRecordSection],
});
