import type { AuditEvent } from "@medplum/fhirtypes";
import { toFhirAuditEvent } from "../../../fhir/audit-event.ts";
import { changedAt, defineFhirType, PATIENT_PARAM } from "../resource-type.ts";

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
      // keyed: the access log is the largest section (the same mapping as `records/sections/access-log.ts`)
      readMany: async ({ db, patientId }, ids) => {
        const rows = await db
          .selectFrom("audit_log as a")
          .leftJoin("users as u", "u.id", "a.actor_user_id")
          .select([
            "a.id",
            "a.at",
            "a.action",
            "a.resource_type",
            "a.outcome",
            "a.acting_as",
            "a.actor_kind",
            "a.actor_system_name",
            "u.display_name",
          ])
          .where("a.patient_id", "=", patientId)
          .where(
            "a.id",
            "in",
            ids.map((id) => Number(id.slice("audit-".length))),
          )
          .orderBy("a.id")
          .execute();
        return rows.map((r) =>
          toFhirAuditEvent({
            id: `audit-${r.id}`,
            patientId,
            at: r.at,
            action: r.action,
            resourceType: r.resource_type,
            outcome: r.outcome,
            who: r.display_name
              ? `${r.display_name}${r.acting_as ? ` (${r.acting_as.replace(/_/g, " ")})` : ""}`
              : (r.actor_system_name ?? r.acting_as ?? r.actor_kind),
          }),
        );
      },
    },
  ],
  searchParams: [
    PATIENT_PARAM,
    {
      name: "date",
      type: "date",
      documentation: "When the access happened",
      values: (a: AuditEvent) => [a.recorded],
    },
  ],
});
