import type { Appointment, IntakeItem, Slot, VisitType } from "@portico/contracts";
import type { Transaction } from "kysely";
import { type Database, onReadReplica } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import type { AccessService, PatientAccess } from "../../platform/access/patient-access.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { displayTimeZone } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { ECHECKIN_OPENS_DAYS } from "./check-in-service.ts";
import type { SchedulingIntake } from "./intake.ts";
import {
  type EligibilityReason,
  noReferrals,
  type ReferralEligibility,
  STAFF_ROLES,
  selfBookingDecision,
} from "./policy.ts";
import * as repo from "./repo.ts";
import { type CachedSlot, SlotCache } from "./slot-cache.ts";
import { blockedRange, findSlots, type SlotRules } from "./slot-engine.ts";
import { presentVisitType } from "./visit-types.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface SchedulingDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  referrals?: ReferralEligibility;
  /** called after commit-worthy changes, inside the transaction (reminders, waitlist, emails) */
  events?: SchedulingEvents;
  /** free slots per provider-day, reused until a change commits (slot-cache.ts) */
  slotCache?: SlotCache;
  /** the scored questionnaires due before each visit (health updates answers them) */
  intake?: SchedulingIntake;
}

export interface SchedulingEvents {
  booked(appointmentId: string): Promise<void>;
  cancelled(appointmentId: string): Promise<void>;
}

export interface SlotSearch {
  visitTypeId: string;
  providerId?: string;
  locationId?: string;
  from?: Date;
  to?: Date;
  patientId?: string;
  limit?: number;
  /**
   * "replica": the calendar may be read from the read replica (`readReplica`, DATABASE_READ_URL),
   * which may lag the primary by a moment — for showing free times only (the slot search
   * route). Anything that decides (booking, alternatives after a refusal, the waitlist) leaves
   * it unset and reads the primary, or its own transaction.
   */
  reads?: "primary" | "replica";
}

const isStaff = () => currentContext().actor.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));
const iso = (d: Date | number) => new Date(d).toISOString();

function rulesOf(
  vt: {
    duration_minutes: number;
    buffer_before_minutes: number;
    buffer_after_minutes: number;
    minimum_notice_minutes: number;
    horizon_days: number;
  },
  forStaff: boolean,
): SlotRules {
  return {
    durationMinutes: vt.duration_minutes,
    bufferBeforeMinutes: vt.buffer_before_minutes,
    bufferAfterMinutes: vt.buffer_after_minutes,
    // staff may book inside the notice window (a same-day add-on), never in the past
    minimumNoticeMinutes: forStaff ? 0 : vt.minimum_notice_minutes,
    horizonDays: vt.horizon_days,
  };
}

/** "Maya Rivera": the name a page uses for the person the visit is for. */
export function patientNameOf(row: {
  patientPreferredName: string | null;
  patientGivenName: string;
  patientFamilyName: string;
}) {
  return `${row.patientPreferredName?.trim() || row.patientGivenName} ${row.patientFamilyName}`;
}

export function presentAppointment(
  row: repo.AppointmentRow,
  now: Date,
  readerPatientId: string | null = currentContext().actor.patientId ?? null,
  intake: IntakeItem[] = [],
): Appointment {
  const cancellableUntil = new Date(row.startsAt.getTime() - row.cancellationNoticeMinutes * MINUTE);
  const live = !["cancelled", "completed", "no_show", "arrived", "roomed", "in_visit"].includes(row.status);
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: patientNameOf(row),
    readerIsPatient: readerPatientId === row.patientId,
    displayTimeZone: displayTimeZone(row.modality, row.timeZone, row.patientTimeZone),
    start: iso(row.startsAt),
    end: iso(row.endsAt),
    status: row.status,
    visitType: {
      id: row.visitTypeId,
      name: row.visitTypeName,
      nameEs: row.visitTypeNameEs,
      modality: row.modality,
      durationMinutes: row.durationMinutes,
    },
    provider: { id: row.providerId, name: row.providerName, specialty: row.specialty },
    location: {
      id: row.locationId,
      name: row.locationName,
      timeZone: row.timeZone,
      phone: row.locationPhone,
      address: row.locationAddress,
    },
    cancellableUntil: iso(cancellableUntil),
    canCancelOnline: live && now < cancellableUntil,
    eCheckInOpensAt: iso(row.startsAt.getTime() - ECHECKIN_OPENS_DAYS * DAY),
    eCheckInCompletedAt: row.checkedInAt ? iso(row.checkedInAt) : null,
    intake,
    arrivedAt: row.arrivedAt ? iso(row.arrivedAt) : null,
    onWaitlist: Boolean(row.onWaitlist),
    cancelledAt: row.cancelledAt ? iso(row.cancelledAt) : null,
    movedFrom: row.movedFromStart ? iso(row.movedFromStart) : null,
    createdAt: iso(row.createdAt),
  };
}

export class SchedulingService {
  readonly #deps: SchedulingDeps;
  readonly #slotCache: SlotCache;
  constructor(deps: SchedulingDeps) {
    this.#deps = deps;
    this.#slotCache = deps.slotCache ?? new SlotCache();
  }

  #referralEligibility: ReferralEligibility | undefined;

  get #referrals() {
    return this.#referralEligibility ?? this.#deps.referrals ?? noReferrals;
  }

  /** The referrals capability plugs its tickets in once its services are built (it comes later in the registry). */
  useReferrals(referrals: ReferralEligibility): void {
    this.#referralEligibility = referrals;
  }

  async #activeVisitType(id: string) {
    const vt = await repo.findVisitType(currentDb(this.#deps.db), id);
    if (!vt?.active) throw new DomainError("not_found", "That type of visit was not found.");
    return vt;
  }

  /** Why this patient may not self-book this visit type with this provider, or null if they may. */
  /**
   * Why this patient may not self-book this visit type with each provider (null: they may).
   * Two queries whatever the number of providers.
   */
  async #selfBookingBlocks(
    access: PatientAccess,
    vt: { id: string; booking_kind: "established" | "new" | "referral" },
    providers: readonly { providerId: string; acceptingNewPatients: boolean }[],
  ): Promise<Map<string, EligibilityReason | null>> {
    const db = currentDb(this.#deps.db);
    const ids = [...new Set(providers.map((p) => p.providerId))];
    const [patient, established] = await Promise.all([
      repo.findPatientFacts(db, access),
      repo.providersEstablishedWith(db, access, ids),
    ]);
    if (!patient) throw notFound("patient");
    const blocks = new Map<string, EligibilityReason | null>();
    for (const provider of providers) {
      if (blocks.has(provider.providerId)) continue;
      const decision = selfBookingDecision({
        bookingKind: vt.booking_kind,
        patientStatus: patient.status,
        establishedWithProvider: established.has(provider.providerId),
        providerAcceptingNewPatients: provider.acceptingNewPatients,
        hasReferral:
          vt.booking_kind === "referral"
            ? await this.#referrals.hasUsableReferral(access.patientId, vt.id, provider.providerId)
            : false,
      });
      blocks.set(provider.providerId, decision.allowed ? null : decision.reason);
    }
    return blocks;
  }

  async #selfBookingBlock(
    access: PatientAccess,
    vt: { id: string; booking_kind: "established" | "new" | "referral" },
    provider: { providerId: string; acceptingNewPatients: boolean },
  ): Promise<EligibilityReason | null> {
    return (await this.#selfBookingBlocks(access, vt, [provider])).get(provider.providerId) ?? null;
  }

  /** The active visit types: the booking catalogue any signed-in user may read. */
  async visitTypes(): Promise<VisitType[]> {
    return (await repo.listVisitTypes(currentDb(this.#deps.db), { activeOnly: true })).map(presentVisitType);
  }

  /** Free slots for a visit type, honouring templates, exceptions, bookings, buffers, notice, horizon and eligibility. */
  async searchSlots(
    search: SlotSearch,
  ): Promise<{ slots: Slot[]; eligibility: { canSelfBook: boolean; reason: string | null } }> {
    const actor = currentContext().actor;
    const staff = isStaff();
    const patientId = search.patientId ?? (staff ? undefined : (actor.patientId ?? undefined));
    if (!staff && !patientId)
      throw new DomainError("validation_failed", "Say which patient the appointment is for (patientId).");
    const patientAccess = patientId
      ? await this.#deps.access.authorizePatient(patientId, {
          scope: "appointments",
          action: "read",
          resourceType: "slots",
        })
      : null;
    const vt = await this.#activeVisitType(search.visitTypeId);
    const now = this.#deps.clock.now().getTime();
    const from = Math.max(search.from?.getTime() ?? now, now);
    const to = search.to?.getTime() ?? from + 14 * DAY;
    if (to <= from) throw new DomainError("validation_failed", "The end of the date range must be after its start.");
    if (to - from > 62 * DAY) throw new DomainError("validation_failed", "Search at most 62 days at a time.");

    // what to show may come from the read replica (and from the primary when it cannot be reached)
    const searchOn = async (db: Database | Transaction<DB>) => {
      let places = await repo.providersForSpecialty(db, vt.specialty, {
        providerId: search.providerId,
        locationId: search.locationId,
      });
      let eligibility: { canSelfBook: boolean; reason: string | null } = { canSelfBook: true, reason: null };
      if (!staff && patientAccess) {
        const blocks = await this.#selfBookingBlocks(patientAccess, vt, places);
        const allowed = places.filter((p) => blocks.get(p.providerId) === null);
        if (allowed.length === 0 && places.length > 0) {
          eligibility = { canSelfBook: false, reason: [...blocks.values()].find((r) => r !== null) ?? null };
        }
        places = allowed;
      }
      const providerIds = [...new Set(places.map((p) => p.providerId))];
      const rules = rulesOf(vt, staff);
      const earliest = Math.max(from, now + rules.minimumNoticeMinutes * MINUTE);
      const latest = Math.min(to, now + rules.horizonDays * DAY);
      // sort on numbers and build response objects only for the slots returned
      const found: { slot: CachedSlot; place: repo.ProviderAtLocation }[] = [];
      if (earliest < latest) {
        for (const { here, slots } of await this.#freeSlotsByDay(db, vt, places, providerIds, {
          earliest,
          latest,
        })) {
          for (const slot of slots) {
            if (slot.start < earliest || slot.start >= latest) continue;
            const place = here.find((p) => p.locationId === slot.locationId) as repo.ProviderAtLocation;
            found.push({ slot, place });
          }
        }
      }
      found.sort(
        (a, b) =>
          a.slot.start - b.slot.start ||
          (a.place.providerName < b.place.providerName ? -1 : a.place.providerName > b.place.providerName ? 1 : 0),
      );
      // video visits: every time in the patient's own zone, so a provider's week never changes zone by day
      const ownZone =
        vt.modality === "video"
          ? patientAccess
            ? await repo.patientTimeZone(db, patientAccess)
            : await repo.clinicTimeZone(db)
          : "";
      const slots: Slot[] = found.slice(0, search.limit ?? 200).map(({ slot, place }) => ({
        start: slot.startIso,
        end: slot.endIso,
        providerId: place.providerId,
        providerName: place.providerName,
        locationId: place.locationId,
        locationName: place.locationName,
        timeZone: slot.timeZone,
        displayTimeZone: displayTimeZone(vt.modality, slot.timeZone, ownZone),
      }));
      return { slots, eligibility };
    };
    const current = currentDb(this.#deps.db);
    return search.reads === "replica" ? onReadReplica(current, searchOn) : searchOn(current);
  }

  /** for tests and the bench: how the slot cache is used */
  get slotCache(): SlotCache {
    return this.#slotCache;
  }

  /**
   * Each provider's free slots on every UTC day that [earliest, latest) touches, before notice
   * and horizon: from the slot cache where the day's stamp (read first, in this statement's
   * snapshot) is unchanged, else computed from the calendar read after it (slot-cache.ts).
   */
  async #freeSlotsByDay(
    db: ReturnType<typeof currentDb>,
    vt: NonNullable<Awaited<ReturnType<typeof repo.findVisitType>>>,
    places: readonly repo.ProviderAtLocation[],
    providerIds: readonly string[],
    range: { earliest: number; latest: number },
  ): Promise<{ providerId: string; here: repo.ProviderAtLocation[]; slots: CachedSlot[] }[]> {
    const firstDay = Math.floor(range.earliest / DAY);
    const lastDay = Math.floor((range.latest - 1) / DAY);
    const stampOf = await this.#slotCache.stamps(db, providerIds, firstDay, lastDay);
    // the day's slots do not depend on who searches or when: no notice, a horizon past the day
    const dayRules: SlotRules = { ...rulesOf(vt, true), minimumNoticeMinutes: 0, horizonDays: 2 };
    const rulesKey = `${vt.id}|${vt.duration_minutes}|${vt.buffer_before_minutes}|${vt.buffer_after_minutes}`;
    const perProvider: { providerId: string; here: repo.ProviderAtLocation[]; days: CachedSlot[][] }[] = [];
    const missing: {
      day: number;
      key: string;
      stamp: string;
      days: CachedSlot[][];
      index: number;
      providerId: string;
    }[] = [];
    for (const providerId of providerIds) {
      const here = places.filter((p) => p.providerId === providerId);
      const placesKey = here
        .map((p) => `${p.locationId}:${p.timeZone}`)
        .sort()
        .join(",");
      const days: CachedSlot[][] = [];
      for (let day = firstDay; day <= lastDay; day++) {
        const key = `${providerId}|${day}|${rulesKey}|${placesKey}`;
        const stamp = stampOf(providerId, day);
        const cached = this.#slotCache.get(key, stamp);
        if (!cached) missing.push({ providerId, day, key, stamp, days, index: days.length });
        days.push(cached ?? []);
      }
      perProvider.push({ providerId, here, days });
    }
    if (missing.length > 0) {
      const ids = [...new Set(missing.map((m) => m.providerId))];
      const fromDay = Math.min(...missing.map((m) => m.day));
      const toDay = Math.max(...missing.map((m) => m.day));
      const calendars = await repo.loadCalendars(
        db,
        ids,
        vt.id,
        new Date((fromDay - 1) * DAY),
        new Date((toDay + 2) * DAY),
      );
      for (const m of missing) {
        const locationIds = new Set(places.filter((p) => p.providerId === m.providerId).map((p) => p.locationId));
        const dayStart = m.day * DAY;
        const free = findSlots(
          dayRules,
          calendars.templates.filter((t) => t.providerId === m.providerId && locationIds.has(t.locationId)),
          calendars.exceptions.filter(
            (e) => e.providerId === m.providerId && (e.kind !== "extra_hours" || locationIds.has(e.locationId ?? "")),
          ),
          calendars.busy.filter((b) => b.providerId === m.providerId),
          { from: dayStart, to: dayStart + DAY, now: dayStart },
        ).map((slot) => ({ ...slot, startIso: iso(slot.start), endIso: iso(slot.end) }));
        this.#slotCache.set(m.key, m.stamp, free);
        m.days[m.index] = free;
      }
    }
    return perProvider.map(({ providerId, here, days }) => ({ providerId, here, slots: days.flat() }));
  }

  async listForPatient(patientId: string): Promise<{ upcoming: Appointment[]; past: Appointment[]; timeZone: string }> {
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "read",
      resourceType: "appointment",
    });
    const now = this.#deps.clock.now();
    const db = currentDb(this.#deps.db);
    const rows = await repo.appointmentsOfPatient(db, access);
    // every row carries the patient's zone; only a patient with no appointments needs the query
    const timeZone = rows[0]?.patientTimeZone ?? (await repo.patientTimeZone(db, access));
    // a visit moved by "Reschedule" is listed once, as its new time: the old row stays in the
    // record (cancelled, reason "rescheduled", the new row pointing back at it) but is not a past visit
    const listed = rows.filter((r) => r.cancelReason !== "rescheduled");
    const intake = (await this.#deps.intake?.forVisits(access, listed, now)) ?? new Map<string, IntakeItem[]>();
    const all = listed.map((r) => presentAppointment(r, now, undefined, intake.get(r.id)));
    const isUpcoming = (a: Appointment) =>
      new Date(a.end) > now && a.status !== "cancelled" && a.status !== "completed" && a.status !== "no_show";
    return { upcoming: all.filter(isUpcoming), past: all.filter((a) => !isUpcoming(a)).reverse(), timeZone };
  }

  async getForPatient(patientId: string, appointmentId: string): Promise<Appointment> {
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "read",
      resourceType: "appointment",
      resourceId: appointmentId,
    });
    return this.#present(access, appointmentId);
  }

  async #present(access: PatientAccess, appointmentId: string): Promise<Appointment> {
    const row = await repo.appointmentOfPatient(currentDb(this.#deps.db), access, appointmentId);
    if (!row) throw notFound("appointment");
    const now = this.#deps.clock.now();
    const intake = await this.#deps.intake?.forVisits(access, [row], now);
    return presentAppointment(row, now, undefined, intake?.get(row.id));
  }

  /**
   * Checks that `start` is a real slot for this provider and visit type right now. Distinguishes
   * a slot someone else holds (409 with alternatives) from a time that is not bookable at all
   * (past, inside the notice window, beyond the horizon, off the grid: 422 with the reason).
   */
  async #assertBookable(
    vt: NonNullable<Awaited<ReturnType<typeof repo.findVisitType>>>,
    providerId: string,
    start: Date,
    locationId: string | undefined,
    ignoreAppointmentId?: string,
    patientId?: string,
  ): Promise<{ locationId: string; end: Date }> {
    const staff = isStaff();
    const now = this.#deps.clock.now().getTime();
    const rules = rulesOf(vt, staff);
    const t = start.getTime();
    if (Number.isNaN(t)) throw new DomainError("validation_failed", "The start time is not a valid date and time.");
    if (t <= now)
      throw new DomainError("unprocessable", "That time has already passed. Please choose a later time.", {
        reason: "in_past",
      });
    if (t < now + rules.minimumNoticeMinutes * MINUTE) {
      throw new DomainError(
        "unprocessable",
        `Appointments of this type must be booked at least ${Math.round(vt.minimum_notice_minutes / 60)} hours ahead.`,
        { reason: "inside_notice" },
      );
    }
    if (t > now + rules.horizonDays * DAY) {
      throw new DomainError(
        "unprocessable",
        `Appointments of this type can be booked up to ${vt.horizon_days} days ahead.`,
        { reason: "beyond_horizon" },
      );
    }
    const db = currentDb(this.#deps.db);
    const places = await repo.providersForSpecialty(db, vt.specialty, { providerId, locationId });
    if (places.length === 0) throw new DomainError("not_found", "That provider does not offer this type of visit.");
    const calendars = await repo.loadCalendars(db, [providerId], vt.id, new Date(t - DAY), new Date(t + DAY));
    const locationIds = new Set(places.map((p) => p.locationId));
    const templates = calendars.templates.filter((x) => locationIds.has(x.locationId));
    const exceptions = calendars.exceptions.filter(
      (e) => e.kind !== "extra_hours" || locationIds.has(e.locationId ?? ""),
    );
    const window = { from: t, to: t + 1, now };
    const onGrid = findSlots(rules, templates, exceptions, [], window);
    if (onGrid.length === 0) {
      throw new DomainError(
        "unprocessable",
        "That time is not an available appointment time. Please pick one of the times offered.",
        { reason: "not_a_slot" },
      );
    }
    const busy = ignoreAppointmentId
      ? await this.#busyExcept(providerId, ignoreAppointmentId, calendars.busy)
      : calendars.busy;
    const free = findSlots(rules, templates, exceptions, busy, window);
    if (free.length === 0) throw await this.#slotTaken(vt.id, providerId, start, false, patientId);
    const slot = free[0] as (typeof free)[number];
    return { locationId: slot.locationId, end: new Date(slot.end) };
  }

  async #busyExcept(_providerId: string, appointmentId: string, busy: repo.ProviderCalendar["busy"]) {
    const own = await repo.appointmentById(currentDb(this.#deps.db), appointmentId);
    if (!own) return busy;
    const ownRange = blockedRange(own.startsAt.getTime(), {
      durationMinutes: own.durationMinutes,
      bufferBeforeMinutes: own.bufferBeforeMinutes,
      bufferAfterMinutes: own.bufferAfterMinutes,
    });
    return busy.filter((b) => !(b.start === ownRange.start && b.end === ownRange.end));
  }

  /**
   * Inside the booking's transaction: holds the provider's calendar (shared; saving time off
   * holds it exclusively) and checks again that no time off or block now covers the time, so a
   * booking can never slip into time off saved while it was being made.
   */
  async #holdCalendar(
    trx: Parameters<typeof repo.lockProviderCalendar>[0],
    visitTypeId: string,
    providerId: string,
    start: Date,
    end: Date,
    patientId: string,
  ) {
    await repo.lockProviderCalendar(trx, providerId, "share");
    if (await repo.unavailableDuring(trx, providerId, start, end)) {
      throw await this.#slotTaken(visitTypeId, providerId, start, false, patientId);
    }
  }

  /** 409 with the next free slots of the same provider and visit type. */
  async #slotTaken(
    visitTypeId: string,
    providerId: string,
    after: Date,
    patientSide = false,
    patientId?: string,
  ): Promise<DomainError> {
    let alternatives: Slot[] = [];
    try {
      const { slots } = await this.searchSlots({ visitTypeId, providerId, from: after, limit: 5, patientId });
      alternatives = slots;
    } catch {
      alternatives = [];
    }
    return patientSide
      ? new DomainError("conflict", "You already have an appointment at that time.", {
          reason: "patient_overlap",
          alternatives,
        })
      : new DomainError("slot_taken", "Sorry, that time was just taken. Here are the next available times.", {
          alternatives,
        });
  }

  async book(
    patientId: string,
    input: { visitTypeId: string; providerId: string; start: Date; locationId?: string; reasonForVisit?: string },
  ): Promise<Appointment> {
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "appointment",
      auditAction: "book",
    });
    const vt = await this.#activeVisitType(input.visitTypeId);
    if (!isStaff()) {
      const places = await repo.providersForSpecialty(currentDb(this.#deps.db), vt.specialty, {
        providerId: input.providerId,
      });
      const place = places[0];
      if (!place) throw new DomainError("not_found", "That provider does not offer this type of visit.");
      const blocked = await this.#selfBookingBlock(access, vt, place);
      if (blocked) throw bookingRefused(blocked);
    }
    const { locationId, end } = await this.#assertBookable(
      vt,
      input.providerId,
      input.start,
      input.locationId,
      undefined,
      patientId,
    );
    const range = blockedRange(input.start.getTime(), rulesOf(vt, true));
    const actor = currentContext().actor;
    let appointmentId: string;
    try {
      appointmentId = await inTransaction(this.#deps.db, async (trx) => {
        await this.#holdCalendar(trx, vt.id, input.providerId, input.start, end, patientId);
        const id = await repo.insertAppointment(trx, access, {
          providerId: input.providerId,
          locationId,
          visitTypeId: vt.id,
          start: input.start,
          end,
          blockedStart: new Date(range.start),
          blockedEnd: new Date(range.end),
          reasonForVisit: input.reasonForVisit?.trim() || null,
          bookedBy: actor.userId,
          rescheduledFromId: null,
        });
        if (vt.booking_kind === "referral") {
          await this.#referrals.linkBooking?.(
            { appointmentId: id, patientId, visitTypeId: vt.id, providerId: input.providerId },
            { required: !isStaff() },
          );
        }
        await this.#deps.events?.booked(id);
        return id;
      });
    } catch (error) {
      const which = repo.isExclusionViolation(error);
      if (which) throw await this.#slotTaken(vt.id, input.providerId, input.start, which === "patient", patientId);
      throw error;
    }
    return this.#present(access, appointmentId);
  }

  /** Moves an appointment atomically: the old one is released only if the new time is secured. */
  async reschedule(
    patientId: string,
    appointmentId: string,
    input: { start: Date; providerId?: string; locationId?: string },
  ): Promise<Appointment> {
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "appointment",
      resourceId: appointmentId,
      auditAction: "reschedule",
    });
    const db = currentDb(this.#deps.db);
    const old = await repo.appointmentOfPatient(db, access, appointmentId);
    if (!old) throw notFound("appointment");
    this.#assertChangeable(old);
    const vt = await this.#activeVisitType(old.visitTypeId);
    const providerId = input.providerId ?? old.providerId;
    if (!isStaff() && providerId !== old.providerId) {
      const place = (await repo.providersForSpecialty(db, vt.specialty, { providerId }))[0];
      if (!place) throw new DomainError("not_found", "That provider does not offer this type of visit.");
      const blocked = await this.#selfBookingBlock(access, vt, place);
      if (blocked) throw bookingRefused(blocked);
    }
    const { locationId, end } = await this.#assertBookable(
      vt,
      providerId,
      input.start,
      input.locationId,
      providerId === old.providerId ? old.id : undefined,
      patientId,
    );
    const range = blockedRange(input.start.getTime(), rulesOf(vt, true));
    const actor = currentContext().actor;
    const now = this.#deps.clock.now();
    let newId: string;
    try {
      newId = await inTransaction(this.#deps.db, async (trx) => {
        await this.#holdCalendar(trx, vt.id, providerId, input.start, end, patientId);
        const locked = await repo.appointmentOfPatient(trx, access, appointmentId, { forUpdate: true });
        if (!locked) throw notFound("appointment");
        this.#assertChangeable(locked);
        await repo.setStatus(
          trx,
          appointmentId,
          "cancelled",
          { cancelled_at: now, cancelled_by: actor.userId, cancel_reason: "rescheduled" },
          now,
        );
        const id = await repo.insertAppointment(trx, access, {
          providerId,
          locationId,
          visitTypeId: vt.id,
          start: input.start,
          end,
          blockedStart: new Date(range.start),
          blockedEnd: new Date(range.end),
          reasonForVisit: null,
          bookedBy: actor.userId,
          rescheduledFromId: appointmentId,
        });
        await this.#referrals.moveBooking?.(appointmentId, id);
        await this.#deps.events?.booked(id);
        await this.#deps.events?.cancelled(appointmentId);
        return id;
      });
    } catch (error) {
      const which = repo.isExclusionViolation(error);
      if (which) throw await this.#slotTaken(vt.id, providerId, input.start, which === "patient", patientId);
      throw error;
    }
    return this.#present(access, newId);
  }

  async cancel(patientId: string, appointmentId: string, reason?: string): Promise<Appointment> {
    const access = await this.#deps.access.authorizePatient(patientId, {
      scope: "appointments",
      action: "write",
      resourceType: "appointment",
      resourceId: appointmentId,
      auditAction: "cancel",
    });
    const actor = currentContext().actor;
    const now = this.#deps.clock.now();
    await inTransaction(this.#deps.db, async (trx) => {
      const row = await repo.appointmentOfPatient(trx, access, appointmentId, { forUpdate: true });
      if (!row) throw notFound("appointment");
      this.#assertChangeable(row);
      await repo.setStatus(
        trx,
        appointmentId,
        "cancelled",
        { cancelled_at: now, cancelled_by: actor.userId, cancel_reason: reason?.trim() || null },
        now,
      );
      await this.#referrals.releaseBooking?.(appointmentId);
      await this.#deps.events?.cancelled(appointmentId);
    });
    return this.#present(access, appointmentId);
  }

  /** Patients change appointments online only outside the cancellation notice; staff any time before it starts. */
  #assertChangeable(row: repo.AppointmentRow) {
    if (row.status === "cancelled") throw new DomainError("conflict", "This appointment is already cancelled.");
    if (!["booked", "confirmed", "checked_in"].includes(row.status)) {
      throw new DomainError("conflict", "This appointment can no longer be changed.");
    }
    const now = this.#deps.clock.now().getTime();
    if (row.startsAt.getTime() <= now) throw new DomainError("conflict", "This appointment has already started.");
    if (!isStaff() && now > row.startsAt.getTime() - row.cancellationNoticeMinutes * MINUTE) {
      const hours = Math.round(row.cancellationNoticeMinutes / 60);
      throw new DomainError(
        "unprocessable",
        `Appointments can be changed online up to ${hours} hours before they start. Please call ${row.locationName} at ${row.locationPhone ?? "the clinic"}.`,
        { reason: "late_cancellation", phone: row.locationPhone },
      );
    }
  }
}

function bookingRefused(reason: EligibilityReason): DomainError {
  const messages: Record<EligibilityReason, string> = {
    not_established:
      "This type of visit is for established patients of this provider. Please choose a new-patient visit or send us a message.",
    provider_not_accepting_new_patients:
      "This provider is not taking new patients right now. Please choose another provider.",
    referral_required:
      "This type of visit needs an approved referral. You can request a referral from your primary care physician.",
    pending_verification:
      "Your registration is waiting to be verified by the clinic. Until then you can book new-patient visits.",
    record_merged: "This record has been merged into another. Please sign in again.",
  };
  return new DomainError("forbidden", messages[reason], { reason });
}
