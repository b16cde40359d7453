import { toFhirAuditEvent } from "../../../fhir/audit-event.ts";
import { paged, RECORD_PAGE_SIZE, type RecordSection } from "../section.ts";

/** audit: the access log — who opened or changed which part of the record, and when. */
export const accessLogRecordSection: RecordSection = {
  name: "accessLog",
  scope: "records",
  async *entries({ db, patientId }) {
    const rows = paged(
      (after: number | null) =>
        db
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
          .$if(after !== null, (q) => q.where("a.id", ">", after as number))
          .orderBy("a.id")
          .limit(RECORD_PAGE_SIZE)
          .execute(),
      (r) => r.id,
    );
    for await (const r of rows) {
      const who = r.display_name
        ? `${r.display_name}${r.acting_as ? ` (${r.acting_as.replace(/_/g, " ")})` : ""}`
        : (r.actor_system_name ?? r.acting_as ?? r.actor_kind);
      yield {
        json: {
          at: r.at,
          who,
          actingAs: r.acting_as,
          action: r.action,
          what: r.resource_type,
          outcome: r.outcome,
        },
        fhir: [
          toFhirAuditEvent({
            id: `audit-${r.id}`,
            patientId,
            at: r.at,
            action: r.action,
            resourceType: r.resource_type,
            outcome: r.outcome,
            who,
          }),
        ],
      };
    }
  },
};
