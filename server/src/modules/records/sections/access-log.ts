import { toFhirAuditEvent } from "../../../fhir/audit-event.ts";
import { paged, RECORD_PAGE_SIZE, type RecordReader, type RecordSection } from "../section.ts";

/** the FHIR id of an access-log row: `audit-<n>` */
const PREFIX = "audit-";

/** the patient's access-log rows: a page after `after`, or (keyed) those with these row ids */
const logRows = (
  { db, rows }: RecordReader,
  { after = null, ids }: { after?: number | null; ids?: readonly number[] },
) =>
  rows
    .selectFrom(db, "audit_log", "a")
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
    .$if(ids !== undefined, (q) => q.where("a.id", "in", ids as number[]))
    .$if(after !== null, (q) => q.where("a.id", ">", after as number))
    .orderBy("a.id")
    .$if(ids === undefined, (q) => q.limit(RECORD_PAGE_SIZE))
    .execute();

type LogRow = Awaited<ReturnType<typeof logRows>>[number];

const whoOf = (r: LogRow) =>
  r.display_name
    ? `${r.display_name}${r.acting_as ? ` (${r.acting_as.replace(/_/g, " ")})` : ""}`
    : (r.actor_system_name ?? r.acting_as ?? r.actor_kind);

const toAuditEvent = (patientId: string, r: LogRow) =>
  toFhirAuditEvent({
    id: `${PREFIX}${r.id}`,
    patientId,
    at: r.at,
    action: r.action,
    resourceType: r.resource_type,
    outcome: r.outcome,
    who: whoOf(r),
  });

/** audit: the access log — who opened or changed which part of the record, and when. */
export const accessLogRecordSection: RecordSection = {
  name: "accessLog",
  scope: "records",
  async *entries(reader) {
    const rows = paged(
      (after: number | null) => logRows(reader, { after }),
      (r) => r.id,
    );
    for await (const r of rows) {
      yield {
        json: {
          at: r.at,
          who: whoOf(r),
          actingAs: r.acting_as,
          action: r.action,
          what: r.resource_type,
          outcome: r.outcome,
        },
        fhir: [toAuditEvent(reader.rows.patientId, r)],
      };
    }
  },
  // keyed: the access log is the largest section
  async fhirByIds(reader, ids) {
    const keys = ids.filter((id) => id.startsWith(PREFIX)).map((id) => Number(id.slice(PREFIX.length)));
    if (keys.length === 0) return [];
    return (await logRows(reader, { ids: keys })).map((r) => toAuditEvent(reader.rows.patientId, r));
  },
};
