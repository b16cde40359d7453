import { randomUUID } from "node:crypto";
import type {
  ApproveReferralRequest,
  AskForVisitRequest,
  CreateReferralRequest,
  IncomingReferrals,
  Referral,
  ReferralEvent,
  ReferralEventKind,
  ReferralList,
  ReferralQueue,
  ReferralQueueItem,
  ReferralQueueQuery,
  ReferralStatus,
  StaffCreateReferralRequest,
} from "@portico/contracts";
import { type Expression, type SqlBool, sql } from "kysely";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { ReferralStatusValue } from "../../db/tables/referrals.ts";
import { whoMayBeTold } from "../../platform/access/notice-recipients.ts";
import {
  type AccessService,
  ensurePatientScopedQuery,
  type PatientAccess,
} from "../../platform/access/patient-access.ts";
import { type PatientRows, patientRows } from "../../platform/access/scoped-query.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { type Actor, currentContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { clinicToday } from "../../platform/time-zones.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { visibleTo, type WorkQueueService } from "../../platform/work-queue/work-queue.ts";
import type { ReferralEligibility } from "../scheduling/policy.ts";
import { referralUpdate } from "./mail-templates.ts";
import { referralDenialSeal, referralReasonSeal, referralVisitNoteSeal } from "./seals.ts";
import { OPEN_STATUSES, type ReferralAction, type TransitionFacts, transition } from "./state-machine.ts";

type Db = ReturnType<typeof currentDb>;

export const REFERRAL_QUEUE = "referrals" as const;
export const REFERRAL_SUBJECT = "referral";
export const REFERRAL_EXPIRY_QUEUE = "referrals.expire";
/** the expiry reminder goes this many days before the last day */
export const EXPIRY_REMINDER_DAYS = 3;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const PATIENT_NAME = sql<string>`coalesce(p.preferred_name, p.legal_given_name) || ' ' || p.legal_family_name`;

export interface ReferralServiceDeps {
  db: Database;
  clock: Clock;
  access: AccessService;
  audit: AuditLog;
  jobs: JobQueue;
  mailer: Mailer;
  config: Pick<Config, "publicUrl">;
  workQueue: WorkQueueService;
  cipher: FieldCipher;
}

/** Referrals with what the pages show of them: all of them, or (given its scoped rows) one patient's. */
function selectReferrals(db: Db, of?: PatientRows) {
  return (of ? of.selectFrom(db, "referrals", "r") : db.selectFrom("referrals as r"))
    .innerJoin("patients as p", "p.id", "r.patient_id")
    .leftJoin("providers as pp", "pp.id", "r.preferred_provider_id")
    .leftJoin("locations as pl", "pl.id", "r.preferred_location_id")
    .leftJoin("providers as pcp", "pcp.id", "r.pcp_provider_id")
    .leftJoin("providers as ap", "ap.id", "r.approved_provider_id")
    .leftJoin("users as ru", "ru.id", "r.requested_by")
    .leftJoin("users as du", "du.id", "r.decided_by")
    .leftJoin("visit_types as vt", "vt.id", "r.visit_type_id")
    .select([
      "r.id",
      "r.patient_id",
      PATIENT_NAME.as("patient_name"),
      "p.date_of_birth",
      "r.status",
      "r.specialty",
      "r.reason_sealed",
      "r.urgency",
      "pp.id as preferred_provider_id",
      "pp.display_name as preferred_provider_name",
      "pp.specialty as preferred_provider_specialty",
      "pl.id as preferred_location_id",
      "pl.name as preferred_location_name",
      "pcp.id as pcp_id",
      "pcp.display_name as pcp_name",
      "ru.display_name as requested_by_name",
      "r.requested_by_kind",
      "ap.id as approved_provider_id",
      "ap.display_name as approved_provider_name",
      "ap.specialty as approved_provider_specialty",
      "r.approved_specialty",
      "r.visits_allowed",
      "r.visits_used",
      "r.expires_on",
      "du.display_name as decided_by_name",
      "r.decided_at",
      "r.denial_reason_sealed",
      "vt.id as visit_type_id",
      "vt.name as visit_type_name",
      "r.visit_note_sealed",
      "r.created_at",
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof selectReferrals>["execute"]>>[number];

const dateText = (d: unknown): string =>
  d instanceof Date ? d.toISOString().slice(0, 10) : String(d ?? "").slice(0, 10);

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The SQL condition "the actor works this referral's primary care practice" on alias `r`. */
function inPractice(actor: Actor): Expression<SqlBool> {
  if (actor.kind === "system") return sql<SqlBool>`true`;
  if (actor.kind !== "user" || !actor.userId) return sql<SqlBool>`false`;
  const isClinician = actor.roles.includes("physician") || actor.roles.includes("nurse");
  if (!isClinician) return sql<SqlBool>`false`;
  const conditions = [
    // a patient without a primary care physician: any physician or nurse may take it
    sql<SqlBool>`r.pcp_provider_id is null`,
    sql<SqlBool>`exists (select 1 from work_items rw where rw.queue = ${REFERRAL_QUEUE} and rw.subject_type = ${REFERRAL_SUBJECT} and rw.subject_id = r.id and ${visibleTo(actor, "rw")})`,
  ];
  if (actor.roles.includes("physician") && actor.providerId) {
    conditions.push(sql<SqlBool>`r.pcp_provider_id = ${actor.providerId}`);
  }
  if (actor.roles.includes("nurse")) {
    conditions.push(
      sql<SqlBool>`r.pcp_provider_id in (select rpl.provider_id from provider_locations rpl join staff_locations rsl on rsl.location_id = rpl.location_id where rsl.user_id = ${actor.userId})`,
    );
  }
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}

/**
 * Referrals: requests from patients and caregivers, the primary care practice's queue
 * (approve, deny, ask for a visit), staff creation, a specialist's incoming list, and the
 * ticket that lets a patient book a specialist's `referral` visit types (`eligibility`).
 */
export class ReferralService {
  readonly #d: ReferralServiceDeps;

  constructor(deps: ReferralServiceDeps) {
    this.#d = deps;
    deps.workQueue.define({
      name: REFERRAL_QUEUE,
      roles: ["nurse", "physician"],
      responseBusinessDays: 3,
      // a patient without a primary care physician: any physician or nurse may take it (as `inPractice`)
      unownedForEveryClinician: true,
    });
    deps.jobs.register(REFERRAL_EXPIRY_QUEUE, async () => {
      await this.settleVisits();
      await this.expireAndRemind();
      await this.scheduleExpiry(new Date(this.#d.clock.now().getTime() + DAY_MS));
    });
  }

  // ---- reading ----

  async list(patientId: string): Promise<ReferralList> {
    // the primary care practice reads a patient's referrals as its queue's work (as staffCreate writes)
    const practice = await this.#practiceOf(patientId);
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "referrals",
      action: "read",
      resourceType: "referral",
      ...(practice ? { reason: { queue: "referral_queue", itemId: patientId } } : {}),
    });
    const db = currentDb(this.#d.db);
    const own = patientRows(access, "referrals");
    const rows = await selectReferrals(db, own).orderBy("r.created_at", "desc").execute();
    const patient = await own
      .chart(db)
      .select(["p.id", PATIENT_NAME.as("name")])
      .executeTakeFirstOrThrow();
    const specialties = await db
      .selectFrom("providers")
      .select("specialty")
      .distinct()
      .where("active", "=", true)
      .orderBy("specialty")
      .execute();
    return {
      patient: { id: patient.id, displayName: patient.name },
      referrals: await this.#present(rows),
      abilities: {
        canRequest: this.#asPatientSide(access) && (await this.#mayWrite(patientId)),
        canCreateOnBehalf: !this.#asPatientSide(access) && (practice || (await this.#mayWrite(patientId))),
      },
      specialties: specialties.map((s) => s.specialty),
    };
  }

  async get(patientId: string, referralId: string): Promise<Referral> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "referrals",
      action: "read",
      resourceType: "referral",
      resourceId: referralId,
    });
    return this.#one(access, referralId);
  }

  async #one(access: PatientAccess, referralId: string): Promise<Referral> {
    const row = await selectReferrals(currentDb(this.#d.db), patientRows(access, "referrals", access.action))
      .where("r.id", "=", referralId)
      .executeTakeFirst();
    if (!row) throw notFound("referral");
    return (await this.#present([row]))[0] as Referral;
  }

  #asPatientSide(access: PatientAccess): boolean {
    return access.basis === "patient" || access.basis === "proxy";
  }

  async #mayWrite(patientId: string): Promise<boolean> {
    return this.#d.access.can(patientId, { scope: "referrals", action: "write" });
  }

  /** Referrals as the API shows them, with history, linked visits and what the caller may do. */
  async #present(rows: readonly Row[]): Promise<Referral[]> {
    if (rows.length === 0) return [];
    const db = currentDb(this.#d.db);
    const actor = currentContext().actor;
    const ids = rows.map((r) => r.id);
    const [events, visits, decidable, today] = await Promise.all([
      db
        .selectFrom("referral_events as e")
        .leftJoin("users as u", "u.id", "e.by_user_id")
        .select(["e.referral_id", "e.event", "e.status", "e.at", "u.display_name as by_name"])
        .where("e.referral_id", "in", ids)
        .orderBy("e.seq")
        .execute(),
      db
        .selectFrom("referral_appointments as ra")
        .innerJoin("appointments as a", "a.id", "ra.appointment_id")
        .innerJoin("providers as pr", "pr.id", "a.provider_id")
        .innerJoin("visit_types as vt", "vt.id", "a.visit_type_id")
        .select([
          "ra.referral_id",
          "ra.released_at",
          "a.id",
          "a.starts_at",
          "a.status",
          "pr.id as provider_id",
          "pr.display_name as provider_name",
          "vt.id as visit_type_id",
          "vt.name as visit_type_name",
        ])
        .where("ra.referral_id", "in", ids)
        .orderBy("a.starts_at")
        .execute(),
      this.#decidable(ids),
      clinicToday(db, this.#d.clock.now()),
    ]);
    const tickets = rows.filter((r) => r.status === "approved" || r.status === "scheduled");
    const bookable = new Map<string, { id: string; name: string; providerId: string }[]>();
    for (const t of tickets) {
      const specialty = t.approved_provider_specialty ?? t.approved_specialty ?? t.specialty;
      let q = db
        .selectFrom("visit_types as vt")
        .innerJoin("providers as pr", "pr.specialty", "vt.specialty")
        .select(["vt.id", "vt.name", "pr.id as provider_id"])
        .where("vt.booking_kind", "=", "referral")
        .where("vt.active", "=", true)
        .where("pr.active", "=", true)
        .where("vt.specialty", "=", specialty);
      if (t.approved_provider_id) q = q.where("pr.id", "=", t.approved_provider_id);
      const found = await q.orderBy("vt.name").orderBy("pr.display_name").execute();
      bookable.set(
        t.id,
        found.map((f) => ({ id: f.id, name: f.name, providerId: f.provider_id })),
      );
    }
    const patientSide = new Map<string, boolean>();
    for (const row of rows) {
      if (!patientSide.has(row.patient_id)) {
        const self = actor.patientId === row.patient_id;
        const proxy = actor.grants.some((g) => g.patientId === row.patient_id);
        patientSide.set(
          row.patient_id,
          (self || proxy) && (await this.#d.access.can(row.patient_id, { scope: "referrals", action: "write" })),
        );
      }
    }
    const cipher = this.#d.cipher;
    const open = (value: string | null, seal: (id: string) => string, id: string) =>
      value === null ? null : cipher.open(value, seal(id));
    return rows.map((row) => {
      const status = row.status as ReferralStatus;
      const visitNote = open(row.visit_note_sealed, referralVisitNoteSeal, row.id);
      const rowVisits = visits.filter((v) => v.referral_id === row.id);
      const booked = rowVisits.some((v) => !v.released_at);
      const mine = patientSide.get(row.patient_id) ?? false;
      const decider = decidable.has(row.id);
      const expiresOn = row.expires_on ? dateText(row.expires_on) : null;
      const history: ReferralEvent[] = events
        .filter((e) => e.referral_id === row.id)
        .map((e) => ({
          at: e.at.toISOString(),
          event: e.event as ReferralEventKind,
          by: e.by_name ?? null,
          status: e.status as ReferralStatus,
        }));
      return {
        id: row.id,
        patient: { id: row.patient_id, displayName: row.patient_name },
        status,
        specialty: row.specialty,
        reason: open(row.reason_sealed, referralReasonSeal, row.id) ?? "",
        urgency: row.urgency,
        preferredProvider: row.preferred_provider_id
          ? {
              id: row.preferred_provider_id,
              displayName: row.preferred_provider_name ?? "",
              specialty: row.preferred_provider_specialty ?? "",
            }
          : null,
        preferredLocation: row.preferred_location_id
          ? { id: row.preferred_location_id, name: row.preferred_location_name ?? "" }
          : null,
        pcp: row.pcp_id ? { id: row.pcp_id, displayName: row.pcp_name ?? "" } : null,
        requestedBy: { displayName: row.requested_by_name ?? "", kind: row.requested_by_kind },
        createdAt: row.created_at.toISOString(),
        decision:
          row.visits_allowed !== null && expiresOn && row.decided_at
            ? {
                provider: row.approved_provider_id
                  ? {
                      id: row.approved_provider_id,
                      displayName: row.approved_provider_name ?? "",
                      specialty: row.approved_provider_specialty ?? "",
                    }
                  : null,
                specialty: row.approved_specialty ?? row.specialty,
                visitsAllowed: row.visits_allowed,
                visitsUsed: row.visits_used,
                expiresOn,
                decidedBy: row.decided_by_name ?? "",
                decidedAt: row.decided_at.toISOString(),
              }
            : null,
        denialReason: status === "denied" ? open(row.denial_reason_sealed, referralDenialSeal, row.id) : null,
        visitRequest:
          status === "visit_requested" || row.visit_type_id || visitNote
            ? {
                visitType: row.visit_type_id ? { id: row.visit_type_id, name: row.visit_type_name ?? "" } : null,
                note: visitNote,
              }
            : null,
        bookableVisitTypes: bookable.get(row.id) ?? [],
        appointments: rowVisits
          .filter((v) => !v.released_at)
          .map((v) => ({
            id: v.id,
            startsAt: v.starts_at.toISOString(),
            status: v.status,
            provider: { id: v.provider_id, displayName: v.provider_name },
            visitType: { id: v.visit_type_id, name: v.visit_type_name },
          })),
        history,
        abilities: {
          canApprove: decider && transition(status, "approve").ok,
          canDeny: decider && transition(status, "deny").ok,
          canAskForVisit: decider && transition(status, "ask_for_visit").ok,
          canCancel: (mine || decider) && transition(status, "cancel", { hasBookedVisits: booked }).ok,
          canBook:
            mine &&
            status === "approved" &&
            expiresOn !== null &&
            expiresOn >= today &&
            row.visits_used < (row.visits_allowed ?? 0),
        },
      };
    });
  }

  /** Which of these referrals the caller may decide (their practice's). */
  async #decidable(ids: readonly string[]): Promise<Set<string>> {
    const actor = currentContext().actor;
    if (actor.kind !== "user" || !(actor.roles.includes("physician") || actor.roles.includes("nurse"))) {
      return new Set();
    }
    const rows = await currentDb(this.#d.db)
      .selectFrom("referrals as r")
      .select("r.id")
      .where("r.id", "in", ids)
      .where(inPractice(actor))
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  // ---- asking ----

  /** A patient or caregiver asks the primary care practice for a referral. */
  async create(patientId: string, input: CreateReferralRequest): Promise<Referral> {
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "referrals",
      action: "write",
      resourceType: "referral",
      auditAction: "create",
    });
    if (!this.#asPatientSide(access)) {
      throw new DomainError(
        "forbidden",
        "Staff create referrals on a patient's behalf with POST /api/patients/:patientId/referrals/staff.",
      );
    }
    const id = await inTransaction(this.#d.db, (trx) =>
      this.#insert(trx, access, input, access.basis === "proxy" ? "proxy" : "patient"),
    );
    return this.#one(access, id);
  }

  /** A physician or nurse of the patient's primary care practice creates one (and may approve it at once). */
  /** Whether the caller works the patient's primary care practice (a nurse or physician who may decide its referrals). */
  async #practiceOf(patientId: string): Promise<boolean> {
    const actor = currentContext().actor;
    if (actor.kind !== "user" || !(actor.roles.includes("physician") || actor.roles.includes("nurse"))) return false;
    const pcp = await currentDb(this.#d.db)
      .selectFrom("patients")
      .select("pcp_provider_id")
      .where("id", "=", patientId)
      .executeTakeFirst();
    return pcp ? this.#worksPractice(actor, pcp.pcp_provider_id) : false;
  }

  async staffCreate(patientId: string, input: StaffCreateReferralRequest): Promise<Referral> {
    const practice = await this.#practiceOf(patientId);
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "referrals",
      action: "write",
      resourceType: "referral",
      auditAction: "create",
      ...(practice ? { reason: { queue: "referral_queue", itemId: patientId } } : {}),
    });
    const { approve, ...request } = input;
    const id = await inTransaction(this.#d.db, async (trx) => {
      const referralId = await this.#insert(trx, access, request, "staff", approve === undefined);
      if (approve) {
        await this.#approveInto(trx, referralId, {
          providerId: approve.providerId ?? null,
          specialty: request.specialty,
          visits: approve.visits,
          expiresOn: approve.expiresOn,
        });
      }
      return referralId;
    });
    return this.#one(access, id);
  }

  async #worksPractice(actor: Actor, pcpProviderId: string | null): Promise<boolean> {
    if (actor.kind !== "user" || !actor.userId) return false;
    if (!(actor.roles.includes("physician") || actor.roles.includes("nurse"))) return false;
    if (pcpProviderId === null) return true;
    if (actor.roles.includes("physician") && actor.providerId === pcpProviderId) return true;
    if (!actor.roles.includes("nurse")) return false;
    const row = await currentDb(this.#d.db)
      .selectFrom("provider_locations as pl")
      .innerJoin("staff_locations as sl", "sl.location_id", "pl.location_id")
      .select("pl.provider_id")
      .where("pl.provider_id", "=", pcpProviderId)
      .where("sl.user_id", "=", actor.userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async #insert(
    trx: Db,
    access: PatientAccess,
    input: CreateReferralRequest,
    kind: "patient" | "proxy" | "staff",
    queue = true,
  ): Promise<string> {
    const patientId = ensurePatientScopedQuery(access, "referrals", "write");
    await this.#assertSpecialty(trx, input.specialty, "specialty");
    if (input.preferredProviderId) {
      const provider = await trx
        .selectFrom("providers")
        .select(["id", "specialty"])
        .where("id", "=", input.preferredProviderId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (provider?.specialty !== input.specialty) {
        throw new DomainError("unprocessable", "That specialist was not found for this specialty.", [
          { field: "preferredProviderId", problem: "unknown_provider" },
        ]);
      }
    }
    if (input.preferredLocationId) {
      const location = await trx
        .selectFrom("locations")
        .select("id")
        .where("id", "=", input.preferredLocationId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!location) {
        throw new DomainError("unprocessable", "That location was not found.", [
          { field: "preferredLocationId", problem: "unknown_location" },
        ]);
      }
    }
    const patient = await patientRows(access, "referrals", "write")
      .chart(trx)
      .select("p.pcp_provider_id")
      .executeTakeFirstOrThrow();
    const now = this.#d.clock.now();
    const actor = currentContext().actor;
    const id = randomUUID();
    const row = await trx
      .insertInto("referrals")
      .values({
        id,
        patient_id: patientId,
        specialty: input.specialty,
        reason_sealed: this.#d.cipher.seal(input.reason.trim(), referralReasonSeal(id)),
        urgency: input.urgency,
        preferred_provider_id: input.preferredProviderId ?? null,
        preferred_location_id: input.preferredLocationId ?? null,
        pcp_provider_id: patient.pcp_provider_id,
        requested_by: actor.userId,
        requested_by_kind: kind,
        via_proxy_grant_id: access.viaProxyGrantId,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await this.#event(trx, row.id, patientId, kind === "staff" ? "created_by_staff" : "requested", "requested");
    if (queue) {
      await this.#d.workQueue.add({
        queue: REFERRAL_QUEUE,
        patientId,
        subject: { type: REFERRAL_SUBJECT, id: row.id },
        providerId: patient.pcp_provider_id,
      });
    }
    return row.id;
  }

  async #assertSpecialty(trx: Db, specialty: string, field: string): Promise<void> {
    const provider = await trx
      .selectFrom("providers")
      .select("id")
      .where("specialty", "=", specialty)
      .where("active", "=", true)
      .executeTakeFirst();
    if (!provider) {
      throw new DomainError("unprocessable", "No specialist of that kind works at the clinic.", [
        { field, problem: "unknown_specialty" },
      ]);
    }
  }

  async #event(
    trx: Db,
    referralId: string,
    patientId: string,
    event: ReferralEventKind,
    status: ReferralStatus,
    byUserId: string | null = currentContext().actor.userId,
  ): Promise<void> {
    await trx
      .insertInto("referral_events")
      .values({
        referral_id: referralId,
        patient_id: patientId,
        event,
        status,
        by_user_id: byUserId,
        at: this.#d.clock.now(),
      })
      .execute();
  }

  /** Locks the referral and checks the move; a refused move is a 409 and changes nothing. */
  async #move(
    trx: Db,
    referralId: string,
    action: ReferralAction,
    facts: TransitionFacts = {},
  ): Promise<{ id: string; patient_id: string; status: ReferralStatusValue; to: ReferralStatusValue }> {
    const row = await trx
      .selectFrom("referrals")
      .select(["id", "patient_id", "status"])
      .where("id", "=", referralId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound("referral");
    const result = transition(row.status, action, facts);
    if (!result.ok) {
      throw new DomainError(
        "conflict",
        `This referral is ${row.status.replace("_", " ")}: it cannot be changed that way.`,
        {
          reason: "referral_status",
          status: row.status,
        },
      );
    }
    return { ...row, to: result.to };
  }

  // ---- the primary care practice's queue ----

  async queue(query: ReferralQueueQuery): Promise<ReferralQueue> {
    const actor = currentContext().actor;
    const db = currentDb(this.#d.db);
    const statuses = query.status ? [query.status] : OPEN_STATUSES;
    const rows = await selectReferrals(db)
      .where("r.status", "in", statuses as ReferralStatusValue[])
      .where(inPractice(actor))
      .where("p.status", "=", "active")
      .orderBy("r.created_at")
      .limit(query.limit ?? 100)
      .execute();
    return { items: await this.#queueItems(rows) };
  }

  async #queueItems(rows: readonly Row[]): Promise<ReferralQueueItem[]> {
    const referrals = await this.#present(rows);
    const items = await this.#d.workQueue.forSubjects(
      REFERRAL_QUEUE,
      REFERRAL_SUBJECT,
      rows.map((r) => r.id),
    );
    const now = this.#d.clock.now().getTime();
    return rows.map((row, i) => {
      const w = items.get(row.id);
      return {
        referral: referrals[i] as Referral,
        patient: { id: row.patient_id, displayName: row.patient_name, dateOfBirth: dateText(row.date_of_birth) },
        ageHours: Math.max(0, Math.floor((now - row.created_at.getTime()) / HOUR_MS)),
        workItem: w ?? null,
      };
    });
  }

  /** The practice's decision on one referral: load it (404 when not the caller's practice's), authorize, act. */
  async #decide<T>(
    referralId: string,
    auditAction: string,
    act: (trx: Db, row: { patient_id: string }) => Promise<T>,
  ): Promise<Referral> {
    const actor = currentContext().actor;
    const row = await currentDb(this.#d.db)
      .selectFrom("referrals as r")
      .select(["r.id", "r.patient_id"])
      .where("r.id", "=", referralId)
      .where(inPractice(actor))
      .executeTakeFirst();
    if (!row) throw notFound("referral");
    const access = await this.#d.access.authorizePatient(row.patient_id, {
      scope: "referrals",
      action: "write",
      resourceType: "referral",
      resourceId: referralId,
      auditAction,
      reason: { queue: "referral_queue", itemId: referralId },
    });
    await inTransaction(this.#d.db, (trx) => act(trx, row));
    return this.#one(access, referralId);
  }

  async approve(referralId: string, input: ApproveReferralRequest): Promise<Referral> {
    return this.#decide(referralId, "approve", async (trx) => {
      await this.#approveInto(trx, referralId, {
        providerId: input.providerId ?? null,
        specialty: input.specialty,
        visits: input.visits,
        expiresOn: input.expiresOn,
      });
    });
  }

  async #approveInto(
    trx: Db,
    referralId: string,
    input: { providerId: string | null; specialty: string; visits: number; expiresOn: string },
  ): Promise<void> {
    const moved = await this.#move(trx, referralId, "approve");
    await this.#assertSpecialty(trx, input.specialty, "specialty");
    if (input.providerId) {
      const provider = await trx
        .selectFrom("providers")
        .select(["id", "specialty"])
        .where("id", "=", input.providerId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (provider?.specialty !== input.specialty) {
        throw new DomainError("unprocessable", "That specialist was not found for this specialty.", [
          { field: "providerId", problem: "unknown_provider" },
        ]);
      }
    }
    const now = this.#d.clock.now();
    const today = await clinicToday(trx, now);
    if (input.expiresOn < today || input.expiresOn > addDays(today, 366)) {
      throw new DomainError("unprocessable", "The referral must expire between today and a year from now.", [
        { field: "expiresOn", problem: "invalid_expiry" },
      ]);
    }
    await trx
      .updateTable("referrals")
      .set({
        status: moved.to,
        approved_provider_id: input.providerId,
        approved_specialty: input.specialty,
        visits_allowed: input.visits,
        visits_used: 0,
        expires_on: input.expiresOn,
        decided_by: currentContext().actor.userId,
        decided_at: now,
        updated_at: now,
      })
      .where("id", "=", referralId)
      .execute();
    await this.#event(trx, referralId, moved.patient_id, "approved", moved.to);
    await this.#d.workQueue.complete(REFERRAL_QUEUE, { type: REFERRAL_SUBJECT, id: referralId });
    await this.#notify(trx, moved.patient_id, "approved");
  }

  async deny(referralId: string, reason: string): Promise<Referral> {
    return this.#decide(referralId, "deny", async (trx) => {
      const moved = await this.#move(trx, referralId, "deny");
      const now = this.#d.clock.now();
      await trx
        .updateTable("referrals")
        .set({
          status: moved.to,
          denial_reason_sealed: this.#d.cipher.seal(reason.trim(), referralDenialSeal(referralId)),
          decided_by: currentContext().actor.userId,
          decided_at: now,
          updated_at: now,
        })
        .where("id", "=", referralId)
        .execute();
      await this.#event(trx, referralId, moved.patient_id, "denied", moved.to);
      await this.#d.workQueue.complete(REFERRAL_QUEUE, { type: REFERRAL_SUBJECT, id: referralId });
      await this.#notify(trx, moved.patient_id, "denied");
    });
  }

  async askForVisit(referralId: string, input: AskForVisitRequest): Promise<Referral> {
    return this.#decide(referralId, "ask_for_visit", async (trx) => {
      const moved = await this.#move(trx, referralId, "ask_for_visit");
      if (input.visitTypeId) {
        const vt = await trx
          .selectFrom("visit_types")
          .select("id")
          .where("id", "=", input.visitTypeId)
          .where("active", "=", true)
          .where("booking_kind", "<>", "referral")
          .executeTakeFirst();
        if (!vt) {
          throw new DomainError("unprocessable", "That type of visit was not found.", [
            { field: "visitTypeId", problem: "unknown_visit_type" },
          ]);
        }
      }
      const now = this.#d.clock.now();
      await trx
        .updateTable("referrals")
        .set({
          status: moved.to,
          visit_type_id: input.visitTypeId ?? null,
          visit_note_sealed: input.note?.trim()
            ? this.#d.cipher.seal(input.note.trim(), referralVisitNoteSeal(referralId))
            : null,
          updated_at: now,
        })
        .where("id", "=", referralId)
        .execute();
      await this.#event(trx, referralId, moved.patient_id, "visit_requested", moved.to);
      await this.#notify(trx, moved.patient_id, "visit_requested");
    });
  }

  /** The patient, a caregiver with the scope, or the practice withdraws a referral nothing is booked with. */
  async cancel(patientId: string, referralId: string): Promise<Referral> {
    const actor = currentContext().actor;
    const practice =
      (await currentDb(this.#d.db)
        .selectFrom("referrals as r")
        .select("r.id")
        .where("r.id", "=", referralId)
        .where("r.patient_id", "=", patientId)
        .where(inPractice(actor))
        .executeTakeFirst()) !== undefined;
    const access = await this.#d.access.authorizePatient(patientId, {
      scope: "referrals",
      action: "write",
      resourceType: "referral",
      resourceId: referralId,
      auditAction: "cancel",
      ...(practice ? { reason: { queue: "referral_queue", itemId: referralId } } : {}),
    });
    if (!this.#asPatientSide(access) && !practice) throw notFound("referral");
    const own = patientRows(access, "referrals", "write");
    await inTransaction(this.#d.db, async (trx) => {
      const owned = await own.selectFrom(trx, "referrals").select("id").where("id", "=", referralId).executeTakeFirst();
      if (!owned) throw notFound("referral");
      const booked = await trx
        .selectFrom("referral_appointments")
        .select("appointment_id")
        .where("referral_id", "=", referralId)
        .where("released_at", "is", null)
        .executeTakeFirst();
      const moved = await this.#move(trx, referralId, "cancel", { hasBookedVisits: booked !== undefined });
      await trx
        .updateTable("referrals")
        .set({ status: moved.to, updated_at: this.#d.clock.now() })
        .where("id", "=", referralId)
        .execute();
      await this.#event(trx, referralId, own.patientId, "cancelled", moved.to);
      await this.#d.workQueue.cancel(REFERRAL_QUEUE, { type: REFERRAL_SUBJECT, id: referralId });
    });
    return this.#one(access, referralId);
  }

  // ---- the specialist ----

  /** Referrals approved to the caller's provider, or to their specialty with no provider named. */
  async incoming(): Promise<IncomingReferrals> {
    const actor = currentContext().actor;
    if (!actor.providerId) return { items: [] };
    const db = currentDb(this.#d.db);
    const me = await db
      .selectFrom("providers")
      .select("specialty")
      .where("id", "=", actor.providerId)
      .executeTakeFirst();
    if (!me) return { items: [] };
    const providerId = actor.providerId;
    const rows = await selectReferrals(db)
      .where("r.status", "in", ["approved", "scheduled", "completed", "expired"])
      .where("p.status", "=", "active")
      .where((eb) =>
        eb.or([
          eb("r.approved_provider_id", "=", providerId),
          eb.and([eb("r.approved_provider_id", "is", null), eb("r.approved_specialty", "=", me.specialty)]),
        ]),
      )
      .orderBy("r.decided_at", "desc")
      .limit(200)
      .execute();
    return { items: await this.#queueItems(rows) };
  }

  // ---- the ticket (the scheduling seam) ----

  /** The usable tickets of a patient for a provider's referral visit type (approved, unexpired, visits left). */
  #tickets(db: Db, patientId: string, visitTypeId: string, providerId: string, today: string) {
    return db
      .selectFrom("referrals as r")
      .select(["r.id", "r.status", "r.visits_used", "r.visits_allowed"])
      .where("r.patient_id", "=", patientId)
      .where("r.status", "=", "approved")
      .where("r.expires_on", ">=", today)
      .where(sql<SqlBool>`r.visits_used < r.visits_allowed`)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("visit_types as tvt")
            .innerJoin("providers as tpr", (j) => j.on("tpr.id", "=", providerId))
            .select("tvt.id")
            .where("tvt.id", "=", visitTypeId)
            .where("tvt.booking_kind", "=", "referral")
            .whereRef("tvt.specialty", "=", "tpr.specialty")
            .whereRef("tvt.specialty", "=", "r.approved_specialty")
            .where((e) =>
              e.or([e("r.approved_provider_id", "=", providerId), e("r.approved_provider_id", "is", null)]),
            ),
        ),
      )
      .orderBy("r.expires_on")
      .orderBy("r.created_at");
  }

  readonly eligibility: ReferralEligibility = {
    hasUsableReferral: async (patientId, visitTypeId, providerId) => {
      const db = currentDb(this.#d.db);
      const today = await clinicToday(db, this.#d.clock.now());
      return (await this.#tickets(db, patientId, visitTypeId, providerId, today).executeTakeFirst()) !== undefined;
    },
    linkBooking: async (visit, options) => {
      const db = currentDb(this.#d.db);
      const today = await clinicToday(db, this.#d.clock.now());
      // locked: of two bookings racing for a ticket's last visit, the second waits, re-reads and finds none left
      const ticket = await this.#tickets(db, visit.patientId, visit.visitTypeId, visit.providerId, today)
        .forUpdate()
        .executeTakeFirst();
      if (!ticket) {
        if (!options.required) return;
        throw new DomainError(
          "conflict",
          "This type of visit needs an approved referral, and yours has no visits left or has expired. You can request a referral from your primary care physician.",
          { reason: "referral_required" },
        );
      }
      const used = ticket.visits_used + 1;
      const moved = transition("approved", "book", { lastVisit: used >= (ticket.visits_allowed ?? 0) });
      if (!moved.ok) return;
      await db
        .updateTable("referrals")
        .set({ visits_used: used, status: moved.to, updated_at: this.#d.clock.now() })
        .where("id", "=", ticket.id)
        .execute();
      await db
        .insertInto("referral_appointments")
        .values({ appointment_id: visit.appointmentId, referral_id: ticket.id, patient_id: visit.patientId })
        .execute();
      await this.#event(db, ticket.id, visit.patientId, "visit_booked", moved.to);
    },
    releaseBooking: async (appointmentId) => {
      const db = currentDb(this.#d.db);
      const link = await db
        .selectFrom("referral_appointments")
        .select(["referral_id", "patient_id"])
        .where("appointment_id", "=", appointmentId)
        .where("released_at", "is", null)
        .executeTakeFirst();
      if (!link) return;
      const now = this.#d.clock.now();
      const referral = await db
        .selectFrom("referrals")
        .select(["status", "visits_used", "expires_on"])
        .where("id", "=", link.referral_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const today = await clinicToday(db, now);
      const expired = referral.expires_on !== null && dateText(referral.expires_on) < today;
      const moved = transition(referral.status, "release", { expired });
      await db
        .updateTable("referral_appointments")
        .set({ released_at: now })
        .where("appointment_id", "=", appointmentId)
        .execute();
      await db
        .updateTable("referrals")
        .set({
          visits_used: Math.max(0, referral.visits_used - 1),
          ...(moved.ok ? { status: moved.to } : {}),
          updated_at: now,
        })
        .where("id", "=", link.referral_id)
        .execute();
      await this.#event(
        db,
        link.referral_id,
        link.patient_id,
        "visit_cancelled",
        moved.ok ? moved.to : referral.status,
      );
    },
    moveBooking: async (fromAppointmentId, toAppointmentId) => {
      const db = currentDb(this.#d.db);
      const link = await db
        .selectFrom("referral_appointments")
        .select(["referral_id", "patient_id"])
        .where("appointment_id", "=", fromAppointmentId)
        .where("released_at", "is", null)
        .executeTakeFirst();
      if (!link) return;
      await db
        .updateTable("referral_appointments")
        .set({ released_at: this.#d.clock.now() })
        .where("appointment_id", "=", fromAppointmentId)
        .execute();
      await db
        .insertInto("referral_appointments")
        .values({ appointment_id: toAppointmentId, referral_id: link.referral_id, patient_id: link.patient_id })
        .execute();
    },
  };

  // ---- expiry (daily job) ----

  async scheduleExpiry(at: Date = this.#d.clock.now()): Promise<void> {
    const day = Math.floor(at.getTime() / DAY_MS);
    await this.#d.jobs.enqueue(
      REFERRAL_EXPIRY_QUEUE,
      {},
      { runAt: at, dedupeKey: `${REFERRAL_EXPIRY_QUEUE}:${day}`, maxAttempts: 3 },
    );
  }

  /**
   * The daily sweep's first part: a referral-linked visit cancelled some other way than the
   * patient's or desk's cancel (a provider's day off) gives its visit back; a referral whose
   * allowed visits have all taken place is completed. Returns what it did.
   */
  async settleVisits(): Promise<{ released: number; completed: number }> {
    const db = this.#d.db;
    const cancelled = await db
      .selectFrom("referral_appointments as ra")
      .innerJoin("appointments as a", "a.id", "ra.appointment_id")
      .select("ra.appointment_id")
      .where("ra.released_at", "is", null)
      .where("a.status", "=", "cancelled")
      .execute();
    for (const c of cancelled) {
      await inTransaction(db, () => this.eligibility.releaseBooking?.(c.appointment_id) ?? Promise.resolve());
    }
    const done = await db
      .selectFrom("referrals as r")
      .select(["r.id", "r.patient_id"])
      .where("r.status", "in", ["approved", "scheduled"])
      .where(
        sql<SqlBool>`(select count(*) from referral_appointments ra join appointments a on a.id = ra.appointment_id where ra.referral_id = r.id and ra.released_at is null and a.status = 'completed') >= r.visits_allowed`,
      )
      .execute();
    let completed = 0;
    for (const r of done) {
      const moved = await inTransaction(db, (trx) => this.#completeWhenAllVisitsTookPlace(trx, r.id));
      if (moved) completed += 1;
    }
    return { released: cancelled.length, completed };
  }

  /**
   * A visit was marked completed (scheduling's `whenVisitCompleted`, inside the transaction
   * that marks it): the referral it was booked with completes at once when all its allowed
   * visits have now taken place — not up to a day later with the daily sweep.
   */
  async visitCompleted(visit: { appointmentId: string }): Promise<void> {
    const trx = currentDb(this.#d.db);
    const link = await trx
      .selectFrom("referral_appointments")
      .select("referral_id")
      .where("appointment_id", "=", visit.appointmentId)
      .where("released_at", "is", null)
      .executeTakeFirst();
    if (link) await this.#completeWhenAllVisitsTookPlace(trx, link.referral_id);
  }

  /** Under the referral's row lock: approved/scheduled with every allowed visit completed → completed (history row). */
  async #completeWhenAllVisitsTookPlace(trx: Db, referralId: string): Promise<boolean> {
    const row = await trx
      .selectFrom("referrals")
      .select(["status", "patient_id", "visits_allowed"])
      .where("id", "=", referralId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || !(row.status === "approved" || row.status === "scheduled")) return false;
    const { n } = await trx
      .selectFrom("referral_appointments as ra")
      .innerJoin("appointments as a", "a.id", "ra.appointment_id")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("ra.referral_id", "=", referralId)
      .where("ra.released_at", "is", null)
      .where("a.status", "=", "completed")
      .executeTakeFirstOrThrow();
    if (Number(n) < (row.visits_allowed ?? 1)) return false;
    const result = transition(row.status, "complete", { lastVisit: true });
    if (!result.ok) return false;
    await trx
      .updateTable("referrals")
      .set({ status: result.to, updated_at: this.#d.clock.now() })
      .where("id", "=", referralId)
      .execute();
    await this.#event(trx, referralId, row.patient_id, "visit_completed", result.to, null);
    return true;
  }

  /**
   * The daily sweep: an approved ticket past its last day expires (the patient is told); one
   * lapsing within EXPIRY_REMINDER_DAYS gets one reminder. Returns what it did.
   */
  async expireAndRemind(): Promise<{ expired: number; reminded: number }> {
    const now = this.#d.clock.now();
    const today = await clinicToday(this.#d.db, now);
    const lapsed = await this.#d.db
      .selectFrom("referrals")
      .select(["id", "patient_id"])
      .where("status", "=", "approved")
      .where("expires_on", "<", today)
      .execute();
    let expired = 0;
    for (const r of lapsed) {
      const done = await inTransaction(this.#d.db, async (trx) => {
        const row = await trx
          .selectFrom("referrals")
          .select(["status", "expires_on"])
          .where("id", "=", r.id)
          .forUpdate()
          .executeTakeFirst();
        if (row?.status !== "approved" || dateText(row.expires_on) >= today) return false;
        const moved = transition(row.status, "expire");
        if (!moved.ok) return false;
        await trx.updateTable("referrals").set({ status: moved.to, updated_at: now }).where("id", "=", r.id).execute();
        await this.#event(trx, r.id, r.patient_id, "expired", moved.to, null);
        await this.#d.audit.record({
          action: "expire",
          resourceType: "referral",
          resourceId: r.id,
          patientId: r.patient_id,
          actingAs: "system",
        });
        await this.#notify(trx, r.patient_id, "expired");
        return true;
      });
      if (done) expired += 1;
    }
    const soon = await this.#d.db
      .selectFrom("referrals")
      .select(["id", "patient_id"])
      .where("status", "=", "approved")
      .where("expires_on", ">=", today)
      .where("expires_on", "<=", addDays(today, EXPIRY_REMINDER_DAYS))
      .where("expiry_reminded_at", "is", null)
      .execute();
    let reminded = 0;
    for (const r of soon) {
      await inTransaction(this.#d.db, async (trx) => {
        const updated = await trx
          .updateTable("referrals")
          .set({ expiry_reminded_at: now })
          .where("id", "=", r.id)
          .where("expiry_reminded_at", "is", null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return;
        await this.#event(trx, r.id, r.patient_id, "expiry_reminder_sent", "approved", null);
        await this.#notify(trx, r.patient_id, "expiring");
        reminded += 1;
      });
    }
    return { expired, reminded };
  }

  // ---- email ----

  async #notify(
    trx: Db,
    patientId: string,
    kind: "approved" | "denied" | "visit_requested" | "expiring" | "expired",
  ): Promise<void> {
    const recipients = await whoMayBeTold(trx, patientId, {
      scope: "referrals",
      now: this.#d.clock.now(),
      ages: this.#d.access.ageBounds,
      caregivers: "when_patient_has_no_address",
      alsoCaregiverUserId: null,
    });
    for (const to of recipients) {
      await this.#d.mailer.send({
        to: to.email,
        locale: to.locale,
        template: referralUpdate,
        params: { kind, forName: to.forName ?? "", referralsUrl: `/referrals?patient=${patientId}` },
      });
    }
  }
}
