import type { AuditEvent } from "@medplum/fhirtypes";
import { changedAt, defineFhirType, PATIENT_PARAM } from "../resource-type.ts";
import { dateParam } from "./element-params.ts";

/** AuditEvent: the patient's access log (`accessLog` section; ids `audit-<n>`). */
export const auditEventType = defineFhirType({
  type: "AuditEvent",
  documentation: "The patient's access log: who opened or changed which part of the record, and when.",
  idPattern: /^audit-[1-9][0-9]{0,14}$/,
  sources: [
    {
      section: "accessLog",
      ownerOf: async (db, id) =>
        (
          await db
            .selectFrom("audit_log")
            .select("patient_id")
            .where("id", "=", Number(id.slice("audit-".length)))
            .executeTakeFirst()
        )?.patient_id ?? undefined,
      lastUpdated: (db, ids) =>
        changedAt(
          db
            .selectFrom("audit_log")
            .select(["id", "at"])
            .where(
              "id",
              "in",
              ids.map((id) => Number(id.slice("audit-".length))),
            )
            .execute(),
          "audit-",
        ),
    },
  ],
  searchParams: [PATIENT_PARAM, dateParam("date", "When the access happened", (a: AuditEvent) => a.recorded)],
});
