import { type Kysely, sql, type Transaction } from "kysely";
import { compiledQuery, uuidList } from "../../db/compiled-query.ts";
import type { DB } from "../../db/schema.ts";
import type { AvailabilityException, Interval, WeeklyTemplate } from "./slot-engine.ts";

type Db = Kysely<DB> | Transaction<DB>;

/** Providers' calendars: what the slot engine reads of them, their locks, their time off over booked visits. */

export interface ProviderCalendar {
  templates: (WeeklyTemplate & { providerId: string })[];
  exceptions: (AvailabilityException & { providerId: string })[];
  busy: (Interval & { providerId: string })[];
}

type CalendarArgs = { providerIds: readonly string[]; from: Date; to: Date };

const calendarTemplatesQuery = compiledQuery(
  "portico_calendar_templates",
  (db, a: { providerIds: readonly string[]; visitTypeId: string }) =>
    db
      .selectFrom("availability_templates as t")
      .innerJoin("locations as l", "l.id", "t.location_id")
      .select([
        "t.provider_id as providerId",
        "t.location_id as locationId",
        "l.time_zone as timeZone",
        "t.weekday",
        sql<string>`to_char(t.start_time, 'HH24:MI')`.as("startTime"),
        sql<string>`to_char(t.end_time, 'HH24:MI')`.as("endTime"),
        "t.valid_from as validFrom",
        "t.valid_until as validUntil",
      ])
      .where(sql<boolean>`t.provider_id = any(${uuidList(a.providerIds)})`)
      .where("l.active", "=", true)
      .where(sql<boolean>`(cardinality(t.visit_type_ids) = 0 or ${a.visitTypeId}::uuid = any(t.visit_type_ids))`),
);

const calendarExceptionsQuery = compiledQuery("portico_calendar_exceptions", (db, a: CalendarArgs) =>
  db
    .selectFrom("availability_exceptions as e")
    .leftJoin("locations as l", "l.id", "e.location_id")
    .select([
      "e.provider_id as providerId",
      "e.kind",
      "e.starts_at as startsAt",
      "e.ends_at as endsAt",
      "e.location_id as locationId",
      "l.time_zone as timeZone",
    ])
    .where(sql<boolean>`e.provider_id = any(${uuidList(a.providerIds)})`)
    .where(sql<boolean>`e.ends_at > ${a.from}::timestamptz and e.starts_at < ${a.to}::timestamptz`),
);

const calendarBusyQuery = compiledQuery("portico_calendar_busy", (db, a: CalendarArgs) =>
  db
    .selectFrom("appointments")
    .select(["provider_id as providerId", sql<Date>`lower(blocked)`.as("start"), sql<Date>`upper(blocked)`.as("end")])
    .where(sql<boolean>`provider_id = any(${uuidList(a.providerIds)})`)
    .where("status", "<>", "cancelled")
    .where(sql<boolean>`blocked && tstzrange(${a.from}::timestamptz, ${a.to}::timestamptz)`),
);

/** Everything the slot engine needs for several providers over [from, to): three prepared queries. */
export async function loadCalendars(
  db: Db,
  providerIds: string[],
  visitTypeId: string,
  from: Date,
  to: Date,
): Promise<ProviderCalendar> {
  if (providerIds.length === 0) return { templates: [], exceptions: [], busy: [] };
  const [templates, exceptions, busy] = await Promise.all([
    calendarTemplatesQuery(db, { providerIds, visitTypeId }),
    calendarExceptionsQuery(db, { providerIds, from, to }),
    calendarBusyQuery(db, { providerIds, from, to }),
  ]);
  return {
    templates,
    exceptions: exceptions.map((e) => ({
      providerId: e.providerId,
      kind: e.kind,
      start: e.startsAt.getTime(),
      end: e.endsAt.getTime(),
      locationId: e.locationId,
      timeZone: e.timeZone,
    })),
    busy: busy.map((b) => ({
      providerId: b.providerId,
      start: new Date(b.start).getTime(),
      end: new Date(b.end).getTime(),
    })),
  };
}
/**
 * Serialises changes to one provider's calendar. Booking and moving take it shared (many at
 * once), saving time off or a block takes it exclusively: a booking either committed before the
 * time off was saved (so the time off sees it) or waits and then sees the time off.
 */
export async function lockProviderCalendar(db: Db, providerId: string, mode: "share" | "update"): Promise<void> {
  if (mode === "share") await shareProviderCalendarQuery(db, { providerId });
  else await db.selectFrom("providers").select("id").where("id", "=", providerId).forUpdate().execute();
}

// FOR KEY SHARE: the lock the appointment's foreign key takes anyway, so a booking adds no
// second lock on the row; it still waits for FOR UPDATE (time off being saved), and no longer
// for an edit of the provider's name or details
const shareProviderCalendarQuery = compiledQuery("portico_share_provider_calendar", (db, a: { providerId: string }) =>
  db.selectFrom("providers").select("id").where("id", "=", a.providerId).forKeyShare(),
);

const unavailableDuringQuery = compiledQuery(
  "portico_unavailable_during",
  (db, a: { providerId: string; start: Date; end: Date }) =>
    db
      .selectFrom("availability_exceptions")
      .select("id")
      .where("provider_id", "=", a.providerId)
      .where("kind", "in", ["time_off", "block"])
      .where("starts_at", "<", a.end)
      .where("ends_at", ">", a.start)
      .limit(1),
);

/** Whether time off or a block of the provider overlaps [start, end). */
export async function unavailableDuring(db: Db, providerId: string, start: Date, end: Date): Promise<boolean> {
  return (await unavailableDuringQuery(db, { providerId, start, end })).length > 0;
}

/** The provider's upcoming booked visits (not yet arrived) that overlap [start, end), oldest first. */
export function bookedVisitsOverlapping(
  db: Db,
  providerId: string,
  start: Date,
  end: Date,
  now: Date,
  options: { forUpdate?: boolean } = {},
) {
  let query = db
    .selectFrom("appointments as a")
    .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
    .innerJoin("locations as l", "l.id", "a.location_id")
    .innerJoin("patients as pt", "pt.id", "a.patient_id")
    .select([
      "a.id",
      "a.patient_id as patientId",
      "a.starts_at as startsAt",
      "a.ends_at as endsAt",
      "a.status",
      "vt.name as visitTypeName",
      "vt.name_es as visitTypeNameEs",
      "l.name as locationName",
      "l.time_zone as timeZone",
      "pt.legal_given_name as givenName",
      "pt.legal_family_name as familyName",
      "pt.preferred_name as preferredName",
    ])
    .where("a.provider_id", "=", providerId)
    .where("a.status", "in", ["booked", "confirmed", "checked_in"])
    .where("a.starts_at", "<", end)
    .where("a.ends_at", ">", start)
    .where("a.starts_at", ">", now)
    .orderBy("a.starts_at")
    .orderBy("a.id");
  if (options.forUpdate) query = query.forUpdate("a");
  return query.execute();
}
