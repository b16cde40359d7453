import type { ScheduleEntry, VisitIntakeAnswers, VisitIntakeStatus } from "@portico/contracts";
import type { Transaction } from "kysely";
import { Temporal } from "temporal-polyfill";
import type { Database } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { mayWorkVisit } from "../../platform/access/policy.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { displayTimeZone } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { boardEntries, boardRows } from "./arrivals-board.ts";
import type { SchedulingIntake } from "./intake.ts";
import * as repo from "./repo.ts";
import { nextSteps, STATUS_FLOW, STEP_STAMP, type StaffStep, stepRefusal, undoTarget } from "./visit-flow.ts";

const MINUTE = 60_000;

function entryOf(
  row: Awaited<ReturnType<typeof repo.appointmentsBetween>>[number],
  now: Date,
  intake: ReadonlyMap<string, VisitIntakeStatus>,
): ScheduleEntry {
  const waiting =
    row.status === "arrived" && row.arrivedAt
      ? Math.max(0, Math.floor((now.getTime() - row.arrivedAt.getTime()) / MINUTE))
      : null;
  return {
    appointmentId: row.id,
    patientId: row.patientId,
    patientName: `${row.preferredName ?? row.givenName} ${row.familyName}`,
    dateOfBirth: row.dateOfBirth,
    mrn: row.mrn,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    status: row.status,
    visitTypeName: row.visitTypeName,
    visitTypeNameEs: row.visitTypeNameEs,
    modality: row.modality,
    providerId: row.providerId,
    providerName: row.providerName,
    locationId: row.locationId,
    locationName: row.locationName,
    timeZone: row.timeZone,
    eCheckInDone: row.checkedInAt !== null,
    intake: intake.get(row.id) ?? null,
    arrivedAt: row.arrivedAt?.toISOString() ?? null,
    roomedAt: row.roomedAt?.toISOString() ?? null,
    minutesWaiting: waiting,
    nextStatuses: nextSteps(row, now),
    undoTo: undoTarget(row, now),
  };
}

/** The local day [start, end) of `date` ("YYYY-MM-DD", default today) in `zone`, as instants. */
export function localDay(
  date: string | undefined,
  zone: string,
  now: Date,
  days = 1,
): { date: string; from: Date; to: Date } {
  const day = date
    ? Temporal.PlainDate.from(date)
    : Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  const from = day.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  const to = day.add({ days }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  return { date: day.toString(), from: new Date(from), to: new Date(to) };
}

/** The staff side: arrivals board, provider schedules, moving a visit through its statuses. */
export class FrontDeskService {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #access: AccessService;
  readonly #audit: AuditLog;
  readonly #intake: SchedulingIntake;

  constructor(deps: { db: Database; clock: Clock; access: AccessService; audit: AuditLog; intake: SchedulingIntake }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#access = deps.access;
    this.#audit = deps.audit;
    this.#intake = deps.intake;
  }

  readonly #completedListeners: ((visit: { appointmentId: string; completedAt: Date }) => Promise<void>)[] = [];

  /**
   * Modules later in the registry act when a visit is marked completed (surveys queue their
   * job): called inside the transaction that marks it, so a job exists only if the step commits.
   */
  whenVisitCompleted(listener: (visit: { appointmentId: string; completedAt: Date }) => Promise<void>): void {
    this.#completedListeners.push(listener);
  }

  /**
   * The arrivals boards this user may open (front desk and nurses: their assigned locations;
   * physicians: their own visits where their provider practises) and the providers whose
   * schedules they may read. The web offers exactly these.
   */
  async workplace() {
    await this.#access.authorizeStaff(["front_desk", "nurse", "physician"], { resourceType: "workplace" });
    const boards = await this.#access.boards();
    const db = currentDb(this.#db);
    const locations = boards.length
      ? await db
          .selectFrom("locations")
          .select(["id", "name", "time_zone"])
          .where(
            "id",
            "in",
            boards.map((b) => b.locationId),
          )
          .where("active", "=", true)
          .orderBy("name")
          .execute()
      : [];
    const candidates = await db
      .selectFrom("providers as p")
      .leftJoin("provider_locations as pl", "pl.provider_id", "p.id")
      .select(["p.id", "p.display_name", "pl.location_id"])
      .where("p.active", "=", true)
      .orderBy("p.display_name")
      .execute();
    const byProvider = new Map<string, { id: string; name: string; locationIds: string[] }>();
    for (const row of candidates) {
      const entry = byProvider.get(row.id) ?? { id: row.id, name: row.display_name, locationIds: [] };
      if (row.location_id) entry.locationIds.push(row.location_id);
      byProvider.set(row.id, entry);
    }
    const providers: { id: string; name: string }[] = [];
    for (const provider of byProvider.values()) {
      if (await this.#access.canReadSchedule(provider)) providers.push({ id: provider.id, name: provider.name });
    }
    return {
      locations: locations.map((l) => {
        const view = boards.find((b) => b.locationId === l.id);
        return { id: l.id, name: l.name, timeZone: l.time_zone, ownVisitsOnly: Boolean(view?.providerId) };
      }),
      providers,
    };
  }

  async arrivals(locationId: string, date?: string) {
    await this.#access.authorizeStaff(["front_desk", "nurse", "physician"], { resourceType: "arrivals_board" });
    const view = await this.#access.authorizeBoard(locationId);
    const db = currentDb(this.#db);
    const location = await db
      .selectFrom("locations")
      .select(["id", "name", "time_zone"])
      .where("id", "=", locationId)
      .executeTakeFirst();
    if (!location) throw notFound("location");
    const now = this.#clock.now();
    const day = localDay(date, location.time_zone, now);
    const rows = await boardRows(db, {
      locationId,
      from: day.from,
      to: day.to,
      ...(view.providerId ? { providerId: view.providerId } : {}),
    });
    await this.#audit.record({
      action: "read",
      resourceType: "arrivals_board",
      resourceId: locationId,
      details: { date: day.date, rows: rows.length, ...(view.providerId ? { ownVisitsOnly: true } : {}) },
    });
    const intake = await this.#intake.forStaff(rows);
    const entries = boardEntries(
      rows,
      { locationId, locationName: location.name, timeZone: location.time_zone, from: day.from, to: day.to },
      now,
      intake,
    );
    const counts: Record<string, number> = {};
    for (const e of entries) counts[e.status] = (counts[e.status] ?? 0) + 1;
    return { date: day.date, locationId, locationName: location.name, timeZone: location.time_zone, entries, counts };
  }

  /**
   * A provider's day or week. Physicians see their own; front desk and nurses the providers
   * who practise at their locations, with the visits at those locations.
   */
  async schedule(query: { providerId?: string; date?: string; days?: number }) {
    const actor = await this.#access.authorizeStaff(["front_desk", "nurse", "physician"], {
      resourceType: "provider_schedule",
    });
    const providerId = query.providerId ?? actor.providerId;
    if (!providerId) throw new DomainError("validation_failed", "Say whose schedule to show (providerId).");
    const db = currentDb(this.#db);
    const providerRows = await db
      .selectFrom("providers as p")
      .leftJoin("provider_locations as pl", "pl.provider_id", "p.id")
      .leftJoin("locations as l", "l.id", "pl.location_id")
      .select(["p.id", "p.display_name", "l.id as location_id", "l.time_zone"])
      .where("p.id", "=", providerId)
      .execute();
    const provider = providerRows[0];
    if (!provider) throw notFound("provider");
    const view = await this.#access.authorizeSchedule({
      id: provider.id,
      locationIds: providerRows.map((r) => r.location_id).filter((l): l is string => l !== null),
    });
    const now = this.#clock.now();
    const days = query.days ?? 1;
    const day = localDay(query.date, provider.time_zone ?? "UTC", now, days);
    const rows = await repo.appointmentsBetween(
      db,
      { providerId, ...(view.locationIds === "all" ? {} : { locationIds: view.locationIds }) },
      day.from,
      day.to,
    );
    await this.#audit.record({
      action: "read",
      resourceType: "provider_schedule",
      resourceId: providerId,
      details: { date: day.date, days, rows: rows.length },
    });
    const shown = rows.filter((r) => r.status !== "cancelled");
    const intake = await this.#intake.forStaff(shown);
    return {
      providerId,
      providerName: provider.display_name,
      from: day.date,
      days,
      entries: shown.map((r) => entryOf(r, now, intake)),
    };
  }

  /**
   * Staff move a visit along. Anyone who may not work this visit (not on a board they work,
   * or no access to the patient) is answered exactly as for an unknown id — before any
   * status check, so a 409 never confirms that an appointment exists.
   */
  async setStatus(appointmentId: string, status: StaffStep): Promise<ScheduleEntry> {
    return this.#moveVisit(appointmentId, `status:${status}`, async (trx, row, now) => {
      const refusal = stepRefusal(row, status, now);
      if (refusal === "flow") {
        throw new DomainError(
          "conflict",
          `A visit that is ${row.status.replace("_", " ")} cannot be marked ${status.replace("_", " ")}.`,
          { from: row.status, to: status },
        );
      }
      if (refusal === "not_today") {
        throw new DomainError("conflict", "A visit's status can be changed only on the day of the visit.", {
          reason: "not_today",
        });
      }
      if (refusal === "not_started") {
        throw new DomainError("conflict", "A visit can be marked as a no-show only after its start time.");
      }
      const stamp = STEP_STAMP[status];
      await repo.setStatus(
        trx,
        row.id,
        status,
        { ...(stamp ? { [stamp]: now } : {}), status_before_step: row.status },
        now,
      );
      if (status === "completed") {
        for (const listener of this.#completedListeners) await listener({ appointmentId: row.id, completedAt: now });
      }
    });
  }

  /** Undoes the last staff step on the visit's day (a visit marked arrived by mistake goes back to booked). */
  async undoStatus(appointmentId: string): Promise<ScheduleEntry> {
    return this.#moveVisit(appointmentId, "status:undo", async (trx, row, now) => {
      const target = undoTarget(row, now);
      if (target === null) throw new DomainError("conflict", "There is no status change to undo on this visit now.");
      const stamp = STEP_STAMP[row.status as StaffStep];
      await repo.setStatus(trx, row.id, target, { ...(stamp ? { [stamp]: null } : {}), status_before_step: null }, now);
    });
  }

  /**
   * Staff move a visit along. Anyone who may not work this visit (not on a board they work,
   * or no access to the patient) is answered exactly as for an unknown id — before any
   * status check, so a 409 never confirms that an appointment exists.
   */
  async #moveVisit(
    appointmentId: string,
    auditAction: string,
    change: (trx: Transaction<DB>, row: repo.AppointmentRow, now: Date) => Promise<void>,
  ): Promise<ScheduleEntry> {
    await this.#access.authorizeStaff(["front_desk", "nurse", "physician"], { resourceType: "appointment" });
    const db = currentDb(this.#db);
    const found = await repo.appointmentById(db, appointmentId);
    if (!found) throw notFound("appointment");
    await this.#access.authorizeVisit(
      { id: appointmentId, patientId: found.patientId, locationId: found.locationId, providerId: found.providerId },
      { auditAction },
    );
    const now = this.#clock.now();
    await inTransaction(this.#db, async (trx) => {
      const row = await repo.appointmentById(trx, appointmentId, { forUpdate: true });
      if (!row) throw notFound("appointment");
      await change(trx, row, now);
    });
    const rows = await repo.appointmentsBetween(
      db,
      { locationId: found.locationId },
      found.startsAt,
      new Date(found.startsAt.getTime() + 1),
    );
    const row = rows.find((r) => r.id === appointmentId);
    if (!row) throw notFound("appointment");
    return entryOf(row, now, await this.#intake.forStaff([row]));
  }

  /**
   * A nurse or physician opens the answers sent as the intake of a visit they work (on a board
   * or schedule of theirs: policy `mayWorkVisit`); then the patient check for reading health
   * updates, with the visit as the reason. Either refusal answers exactly as for an unknown id.
   */
  async intakeAnswers(appointmentId: string): Promise<VisitIntakeAnswers> {
    const actor = await this.#access.authorizeStaff(["nurse", "physician"], { resourceType: "visit_intake" });
    const db = currentDb(this.#db);
    const found = await repo.appointmentById(db, appointmentId);
    if (!found) throw notFound("appointment");
    if (actor.kind !== "system" && !mayWorkVisit(actor, await this.#access.workplace(), found)) {
      await this.#audit.recordIndependent({
        action: "read",
        resourceType: "health_update",
        resourceId: null,
        patientId: found.patientId,
        outcome: "denied",
        details: { reason: "not_a_board_they_work", scope: "health_updates", appointmentId },
      });
      throw notFound("appointment");
    }
    let answers: Awaited<ReturnType<SchedulingIntake["answersFor"]>>;
    try {
      answers = await this.#intake.answersFor({
        id: found.id,
        patientId: found.patientId,
        intakeQuestionnaires: found.intakeQuestionnaires,
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === "not_found") throw notFound("appointment");
      throw error;
    }
    return {
      appointmentId: found.id,
      patientId: found.patientId,
      patientName: `${found.patientPreferredName ?? found.patientGivenName} ${found.patientFamilyName}`,
      start: found.startsAt.toISOString(),
      timeZone: displayTimeZone(found.modality, found.timeZone, found.patientTimeZone),
      visitTypeName: found.visitTypeName,
      visitTypeNameEs: found.visitTypeNameEs,
      providerName: found.providerName,
      ...answers,
    };
  }

  /** "I'm here": the patient (or proxy) marks their own arrival on the day. */
  async imHere(patientId: string, appointmentId: string) {
    const access = await this.#access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "appointment",
      resourceId: appointmentId,
      auditAction: "arrive",
    });
    const now = this.#clock.now();
    await inTransaction(this.#db, async (trx) => {
      const row = await repo.appointmentOfPatient(trx, access, appointmentId, { forUpdate: true });
      if (!row) throw notFound("appointment");
      if (row.modality !== "in_person")
        throw new DomainError(
          "conflict",
          "Video visits start from the link in your appointment; there is no need to check in here.",
        );
      if (!STATUS_FLOW.arrived.includes(row.status))
        throw new DomainError("conflict", "This appointment cannot be checked in now.");
      const opens = row.startsAt.getTime() - 60 * MINUTE;
      if (now.getTime() < opens)
        throw new DomainError("unprocessable", "You can tell us you are here from one hour before your appointment.", {
          reason: "too_early",
        });
      if (now.getTime() > row.endsAt.getTime())
        throw new DomainError("unprocessable", "This appointment time has passed. Please speak to the front desk.", {
          reason: "too_late",
        });
      await repo.setStatus(trx, appointmentId, "arrived", { arrived_at: now, status_before_step: row.status }, now);
    });
  }
}
