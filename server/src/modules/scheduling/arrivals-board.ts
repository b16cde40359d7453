import type { ScheduleEntry, VisitIntakeStatus } from "@portico/contracts";
import { type Kysely, sql, type Transaction } from "kysely";
import { compiledQuery } from "../../db/compiled-query.ts";
import type { DB } from "../../db/schema.ts";
import { stepsOfOneDay } from "./visit-flow.ts";

type Db = Kysely<DB> | Transaction<DB>;

const MINUTE = 60_000;

/**
 * An instant as the server's JSON writes one (`Date#toISOString`: "2026-11-30T14:05:00.000Z",
 * milliseconds truncated as the drivers' `Date`s truncate them), written by PostgreSQL: the
 * board's 480 rows then carry no `Date` to parse and print again.
 */
function isoSql<T extends string | null = string>(column: string) {
  return sql<T>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

type BoardArgs = {
  locationId: string;
  from: Date;
  to: Date;
};

/**
 * One location's visits of one local day with just what an arrivals board entry shows (and
 * what its steps and intake need): the location's name and zone are the board's, not each
 * row's; the patient's name is put together and `checked_in_at` reduced to a flag by PostgreSQL.
 */
function boardQuery(db: Db, a: BoardArgs) {
  return db
    .selectFrom("appointments as a")
    .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
    .innerJoin("providers as p", "p.id", "a.provider_id")
    .innerJoin("patients as pt", "pt.id", "a.patient_id")
    .select([
      "a.id",
      "a.patient_id as patientId",
      sql<string>`coalesce(pt.preferred_name, pt.legal_given_name) || ' ' || pt.legal_family_name`.as("patientName"),
      "pt.date_of_birth as dateOfBirth",
      "pt.mrn",
      isoSql("a.starts_at").as("start"),
      isoSql("a.ends_at").as("end"),
      "a.status",
      "vt.name as visitTypeName",
      "vt.name_es as visitTypeNameEs",
      "vt.modality",
      "vt.intake_questionnaires as intakeQuestionnaires",
      "a.provider_id as providerId",
      "p.display_name as providerName",
      sql<boolean>`a.checked_in_at is not null`.as("eCheckInDone"),
      isoSql<string | null>("a.arrived_at").as("arrivedAt"),
      isoSql<string | null>("a.roomed_at").as("roomedAt"),
      "a.status_before_step as statusBeforeStep",
    ])
    .where("a.location_id", "=", a.locationId)
    .where("a.starts_at", ">=", a.from)
    .where("a.starts_at", "<", a.to)
    .orderBy("a.starts_at");
}

const boardStatement = compiledQuery("portico_arrivals_board", (db, a: BoardArgs) => boardQuery(db, a));
const ownVisitsStatement = compiledQuery("portico_arrivals_board_own", (db, a: BoardArgs & { providerId: string }) =>
  boardQuery(db, a).where("a.provider_id", "=", a.providerId),
);

export type BoardRow = Awaited<ReturnType<typeof boardStatement>>[number];

/** The board's rows: a location's visits in [from, to), or only one provider's among them. */
export function boardRows(db: Db, args: BoardArgs & { providerId?: string }): Promise<BoardRow[]> {
  const { providerId, ...rest } = args;
  return providerId ? ownVisitsStatement(db, { ...rest, providerId }) : boardStatement(db, rest);
}

/**
 * The board's entries, as `entryOf` presents the general appointment rows: whether `now` is on
 * the board's day, and so each status's steps, is worked out once for the whole board.
 */
export function boardEntries(
  rows: readonly BoardRow[],
  board: { locationId: string; locationName: string; timeZone: string; from: Date; to: Date },
  now: Date,
  intake: ReadonlyMap<string, VisitIntakeStatus>,
): ScheduleEntry[] {
  const nowMs = now.getTime();
  // the rows' instants are written as `toISOString` writes them, so comparing the text compares the instants
  const nowIso = now.toISOString();
  const steps = stepsOfOneDay(nowMs >= board.from.getTime() && nowMs < board.to.getTime());
  const entries: ScheduleEntry[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as BoardRow;
    entries[i] = {
      appointmentId: row.id,
      patientId: row.patientId,
      patientName: row.patientName,
      dateOfBirth: row.dateOfBirth,
      mrn: row.mrn,
      start: row.start,
      end: row.end,
      status: row.status,
      visitTypeName: row.visitTypeName,
      visitTypeNameEs: row.visitTypeNameEs,
      modality: row.modality,
      providerId: row.providerId,
      providerName: row.providerName,
      locationId: board.locationId,
      locationName: board.locationName,
      timeZone: board.timeZone,
      eCheckInDone: row.eCheckInDone,
      intake: intake.get(row.id) ?? null,
      arrivedAt: row.arrivedAt,
      roomedAt: row.roomedAt,
      minutesWaiting:
        row.status === "arrived" && row.arrivedAt !== null
          ? Math.max(0, Math.floor((nowMs - Date.parse(row.arrivedAt)) / MINUTE))
          : null,
      nextStatuses: steps.next(row.status, row.start > nowIso),
      undoTo: steps.undo(row.status, row.statusBeforeStep),
    };
  }
  return entries;
}
