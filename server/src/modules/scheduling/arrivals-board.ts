import type { VisitIntakeStatus } from "@portico/contracts";
import { type Kysely, sql, type Transaction } from "kysely";
import { compiledQuery } from "../../db/compiled-query.ts";
import type { DB } from "../../db/schema.ts";
import type { StaffIntakeVisit } from "./intake.ts";
import { stepTableOfOneDay } from "./visit-flow.ts";

type Db = Kysely<DB> | Transaction<DB>;

/**
 * An instant as the server's JSON writes one (`Date#toISOString`: "2026-11-30T14:05:00.000Z",
 * milliseconds truncated as the drivers' `Date`s truncate them), written by PostgreSQL.
 */
function isoSql<T extends string | null = string>(column: string) {
  return sql<T>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

// a type, not an interface: compiledQuery takes its arguments as a record
type BoardArgs = {
  locationId: string;
  locationName: string;
  timeZone: string;
  from: Date;
  to: Date;
  now: Date;
  /** `stepTableOfOneDay` of the board's day, as JSON text */
  next: string;
  undoable: string[];
};

/**
 * One location's visits of one local day, each with its entry (ScheduleEntry) written by
 * PostgreSQL as compact JSON in the contract's field order (`row_to_json` of a row whose
 * columns are the contract's fields). The steps come from the visit flow's table for the day
 * (`next`, `undoable`), the minutes waiting from `now`; the intake is written as null here and
 * filled in by `boardJson` for the visits that ask one.
 */
function visitsQuery(db: Db, a: BoardArgs) {
  const now = sql`${a.now}::timestamptz`;
  return db
    .selectFrom("appointments as a")
    .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
    .innerJoin("providers as p", "p.id", "a.provider_id")
    .innerJoin("patients as pt", "pt.id", "a.patient_id")
    .select([
      "a.id",
      "a.patient_id as patientId",
      "a.status",
      "a.starts_at as startsAt",
      "vt.intake_questionnaires as intakeQuestionnaires",
      sql<string>`(select row_to_json(e)::text from (select
        a.id as "appointmentId",
        a.patient_id as "patientId",
        coalesce(pt.preferred_name, pt.legal_given_name) || ' ' || pt.legal_family_name as "patientName",
        pt.date_of_birth as "dateOfBirth",
        pt.mrn as "mrn",
        ${isoSql("a.starts_at")} as "start",
        ${isoSql("a.ends_at")} as "end",
        a.status as "status",
        vt.name as "visitTypeName",
        vt.name_es as "visitTypeNameEs",
        vt.modality as "modality",
        a.provider_id as "providerId",
        p.display_name as "providerName",
        ${a.locationId}::uuid as "locationId",
        ${a.locationName}::text as "locationName",
        ${a.timeZone}::text as "timeZone",
        a.checked_in_at is not null as "eCheckInDone",
        null::json as "intake",
        ${isoSql("a.arrived_at")} as "arrivedAt",
        ${isoSql("a.roomed_at")} as "roomedAt",
        case when a.status = 'arrived' and a.arrived_at is not null
          then greatest(0, floor(extract(epoch from ${now} - date_trunc('milliseconds', a.arrived_at)) / 60))::int
        end as "minutesWaiting",
        coalesce(${a.next}::json -> (a.status || case when date_trunc('milliseconds', a.starts_at) > ${now} then '|ahead' else '' end), '[]'::json) as "nextStatuses",
        case when a.status = any(${a.undoable}::text[]) then a.status_before_step end as "undoTo"
      ) as e)`.as("entry"),
    ])
    .where("a.location_id", "=", a.locationId)
    .where("a.starts_at", ">=", a.from)
    .where("a.starts_at", "<", a.to);
}

/**
 * The whole board in one row: the entries joined in time order, the counts by status (compact
 * JSON, in order of each status's first visit), how many visits, and the visits whose type asks
 * an intake: the server receives a few values instead of a row per visit.
 */
function boardQuery(db: Db, visits: ReturnType<typeof visitsQuery>) {
  return db
    .with("v", () => visits)
    .selectFrom("v")
    .select([
      sql<number>`count(*)::int`.as("visits"),
      sql<string>`coalesce(string_agg(v.entry, ',' order by v."startsAt", v.id), '')`.as("entries"),
      sql<StaffIntakeVisit[] | null>`json_agg(json_build_object('id', v.id, 'patientId', v."patientId",
        'intakeQuestionnaires', v."intakeQuestionnaires") order by v."startsAt", v.id)
        filter (where cardinality(v."intakeQuestionnaires") > 0)`.as("asking"),
      sql<string>`'{' || coalesce((select string_agg(to_json(c.status)::text || ':' || c.n, ',' order by c.first, c.status)
        from (select status, count(*) as n, min("startsAt") as first from v group by status) as c), '') || '}'`.as(
        "counts",
      ),
    ]);
}

const boardStatement = compiledQuery("portico_arrivals_board_json", (db, a: BoardArgs) =>
  boardQuery(db, visitsQuery(db, a)),
);
const ownVisitsStatement = compiledQuery(
  "portico_arrivals_board_own_json",
  (db, a: BoardArgs & { providerId: string }) =>
    boardQuery(db, visitsQuery(db, a).where("a.provider_id", "=", a.providerId)),
);

export type Board = Awaited<ReturnType<typeof boardStatement>>[number];

/**
 * The board of a location's visits in [from, to), or of one provider's among them: its entries
 * as JSON text (intake left null). Whether `now` is on the board's day, and so each status's
 * steps, is worked out once for the whole board.
 */
export async function boardOf(
  db: Db,
  board: { locationId: string; locationName: string; timeZone: string; from: Date; to: Date; providerId?: string },
  now: Date,
): Promise<Board> {
  const nowMs = now.getTime();
  const steps = stepTableOfOneDay(nowMs >= board.from.getTime() && nowMs < board.to.getTime());
  const { providerId, ...where } = board;
  const args = { ...where, now, next: JSON.stringify(steps.next), undoable: steps.undoable };
  const [row] = providerId ? await ownVisitsStatement(db, { ...args, providerId }) : await boardStatement(db, args);
  return row ?? { visits: 0, entries: "", asking: null, counts: "{}" };
}

const NO_INTAKE = '"intake":null';

/**
 * The arrivals board (ArrivalsBoard) as JSON text: its entries as PostgreSQL wrote them, with
 * each visit's intake put in where it has one.
 */
export function boardJson(
  found: Board,
  board: { date: string; locationId: string; locationName: string; timeZone: string },
  intake: ReadonlyMap<string, VisitIntakeStatus>,
): string {
  let entries = found.entries;
  for (const [id, own] of intake) {
    // the visit's entry starts with its id; the first `"intake":null` after it is its field
    // (a string value's quotes are escaped in JSON, so no value can hold it)
    const at = entries.indexOf(NO_INTAKE, entries.indexOf(`{"appointmentId":${JSON.stringify(id)},`));
    if (at < 0) continue;
    entries = `${entries.slice(0, at)}"intake":${JSON.stringify(own)}${entries.slice(at + NO_INTAKE.length)}`;
  }
  const text = JSON.stringify;
  return `{"date":${text(board.date)},"locationId":${text(board.locationId)},"locationName":${text(board.locationName)},"timeZone":${text(board.timeZone)},"entries":[${entries}],"counts":${found.counts}}`;
}
