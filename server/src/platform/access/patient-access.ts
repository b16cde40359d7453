import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { compiledQuery } from "../../db/compiled-query.ts";
import type { Database } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import type { StaffRole } from "../../db/tables/people.ts";
import type { AuditDetails, AuditLog } from "../audit/audit-log.ts";
import type { Clock } from "../clock.ts";
import { type Actor, currentContext, type RequestContext } from "../context.ts";
import { DomainError, notFound } from "../errors.ts";
import { currentDb } from "../transaction.ts";
import {
  type AccessAction,
  type AccessBasis,
  type AccessDecision,
  type AgeBounds,
  type BoardView,
  boardViews,
  DEFAULT_AGE_BOUNDS,
  decidePatientAccess,
  mayWorkVisit,
  type PatientFacts,
  type PatientScope,
  scheduleView,
  type WorkplaceFacts,
} from "./policy.ts";

declare const patientAccessBrand: unique symbol;

/**
 * Proof that the current actor passed the access check for one patient and one scope, and
 * that the access was audited. Only `AccessService.authorizePatient` makes one; repository
 * functions for patient data take it (see `ensurePatientScopedQuery`), so patient rows
 * cannot be read without passing the gate.
 */
export interface PatientAccess {
  readonly patientId: string;
  readonly scope: PatientScope;
  readonly action: AccessAction;
  readonly actor: Actor;
  readonly basis: AccessBasis;
  /** set when a proxy acts for the patient */
  readonly viaProxyGrantId: string | null;
  /** a parent/guardian of an adolescent: the restricted default applies */
  readonly restricted: boolean;
  /** false for proxies: leave out records marked confidential */
  readonly includeConfidential: boolean;
  readonly [patientAccessBrand]: true;
}

const issued = new WeakSet<object>();

/**
 * The patient id a repository query must filter on, after checking that `access` was really
 * issued by the gate, for this scope, and allows this action. A mismatch is a programming
 * error, not a user error: it throws a plain Error (a test will catch it).
 *
 *   const patientId = ensurePatientScopedQuery(access, "appointments");
 *   db.selectFrom("appointments").where("patient_id", "=", patientId)…
 */
export function ensurePatientScopedQuery(
  access: PatientAccess,
  scope: PatientScope | readonly PatientScope[],
  action: AccessAction = "read",
): string {
  if (!issued.has(access)) throw new Error("patient data queried without a PatientAccess from authorizePatient");
  const scopes: readonly PatientScope[] = typeof scope === "string" ? [scope] : scope;
  if (!scopes.includes(access.scope)) {
    throw new Error(`a PatientAccess for "${access.scope}" was used for ${scopes.join("/")}`);
  }
  if (action === "write" && access.action !== "write") throw new Error("a read-only PatientAccess was used to write");
  return access.patientId;
}

/** Why staff are looking at this patient, when it is queue work (recorded in the audit log). */
export interface QueueReason {
  /** e.g. message_pool, refill_queue, flagged_updates, referral_queue */
  queue: string;
  itemId: string;
}

export interface PatientAccessCheck {
  scope: PatientScope;
  action: AccessAction;
  /** the kind of record, for the audit log: profile, appointment, message_thread, … */
  resourceType: string;
  resourceId?: string | null;
  /** the audit verb when more precise than read/write: create, update, cancel, … */
  auditAction?: string;
  reason?: QueueReason;
  /** the record is marked confidential (never shown to proxies) */
  confidential?: boolean;
  /** only the patient and their proxies (e.g. the access log), not staff */
  patientFacing?: boolean;
  /** the whole-record download: a teen's parent whose grant holds `records` gets it restricted (policy `AccessRequest`) */
  recordDownload?: boolean;
  /** more identifiers for the success row (never PHI), e.g. a registration's duplicate override */
  details?: AuditDetails;
}

/**
 * A care-team rule: an SQL condition on `patients` that is true when the actor is on the
 * patient's care team. Rules are OR-ed into the one query that loads the patient's facts.
 * Modules add theirs with `access.addCareTeamRule(...)` (e.g. "has or had an appointment with
 * the actor's provider").
 */
export type CareTeamRule = (eb: ExpressionBuilder<DB, "patients">, actor: Actor) => Expression<SqlBool> | null;

/**
 * A care-team rule on the actor's own provider (staff with no provider record are on no care team
 * by it): true when a row that `ties` selects links that provider to the patient.
 */
export const providerCareTeamRule =
  (ties: (eb: ExpressionBuilder<DB, "patients">, providerId: string) => Expression<unknown>): CareTeamRule =>
  (eb, actor) =>
    actor.providerId ? eb.exists(ties(eb, actor.providerId)) : null;

/** Care team from the record itself: the actor's provider is the patient's PCP. */
export const primaryCarePhysicianRule: CareTeamRule = (eb, actor) =>
  actor.providerId ? eb("patients.pcp_provider_id", "=", actor.providerId) : null;

interface Facts {
  patient: PatientFacts;
  isCareTeam: boolean;
}

/** The patient facts for an actor who is never on a care team (`is_care_team` false). */
const patientFactsQuery = compiledQuery("portico_patient_facts", (db, { patientId }: { patientId: string }) =>
  db
    .selectFrom("patients")
    .where("patients.id", "=", patientId)
    .select(["patients.id", "patients.date_of_birth", "patients.status", sql<SqlBool>`false`.as("is_care_team")]),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The single enforcement point for patient data (SPEC §4) and for staff-only endpoints. */
export class AccessService {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #audit: AuditLog;
  readonly #ages: AgeBounds;
  readonly #careTeamRules: CareTeamRule[] = [primaryCarePhysicianRule];
  readonly #factsCache = new WeakMap<RequestContext, Map<string, Facts | null>>();
  readonly #workplaceCache = new WeakMap<RequestContext, Promise<WorkplaceFacts>>();

  constructor(deps: { db: Database; clock: Clock; audit: AuditLog; ages?: AgeBounds }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
    this.#ages = deps.ages ?? DEFAULT_AGE_BOUNDS;
  }

  get ageBounds(): AgeBounds {
    return this.#ages;
  }

  addCareTeamRule(rule: CareTeamRule): void {
    this.#careTeamRules.push(rule);
  }

  /**
   * The check a service makes on its first line before touching a patient's data. Denied:
   * an audit row with outcome "denied", then 404 exactly as for a record that does not exist
   * (401 when nobody is signed in). Allowed: an audit row for the access, `actingForPatientId`
   * set in the request context, and the `PatientAccess` the repository functions require.
   */
  async authorizePatient(patientId: string, check: PatientAccessCheck): Promise<PatientAccess> {
    const context = currentContext();
    const actor = context.actor;
    const { decision, facts } = await this.#decide(context, patientId, check);
    const auditBase = {
      action: check.auditAction ?? check.action,
      resourceType: check.resourceType,
      resourceId: check.resourceId ?? null,
      patientId: UUID.test(patientId) ? patientId : null,
    };
    if (!decision.allowed) {
      await this.#audit.recordIndependent({
        ...auditBase,
        outcome: "denied",
        details: { reason: facts ? decision.reason : "no_such_patient", scope: check.scope },
      });
      throw this.#denial(actor);
    }
    const details: AuditDetails = { ...check.details, scope: check.scope };
    if (check.reason) {
      details.queue = check.reason.queue;
      details.queueItemId = check.reason.itemId;
    }
    if (decision.restricted) details.restricted = true;
    await this.#audit.record({
      ...auditBase,
      outcome: "success",
      proxyGrantId: decision.grantId,
      actingAs: decision.basis,
      details,
    });
    context.actingForPatientId = patientId;
    const access = Object.freeze({
      patientId,
      scope: check.scope,
      action: check.action,
      actor,
      basis: decision.basis,
      viaProxyGrantId: decision.grantId,
      restricted: decision.restricted,
      includeConfidential: decision.includeConfidential,
    }) as PatientAccess;
    issued.add(access);
    return access;
  }

  /**
   * The route-level gate (`patientRouteGuard`): the same decision as `authorizePatient`, run
   * before the handler, so a request with no possible access is refused — and the refusal
   * audited — before any work starts. An allowed request is audited by the service's own
   * `authorizePatient` call, which reuses the facts loaded here.
   */
  async gate(patientId: string, check: Omit<PatientAccessCheck, "reason">): Promise<void> {
    const context = currentContext();
    const { decision, facts } = await this.#decide(context, patientId, check);
    if (decision.allowed) {
      context.actingForPatientId = patientId;
      return;
    }
    // the same denial row as the service's own `authorizePatient` would write
    await this.#audit.recordIndependent({
      action: check.auditAction ?? check.action,
      resourceType: check.resourceType,
      resourceId: check.resourceId ?? null,
      patientId: UUID.test(patientId) ? patientId : null,
      outcome: "denied",
      details: { reason: facts ? decision.reason : "no_such_patient", scope: check.scope },
    });
    throw this.#denial(context.actor);
  }

  /**
   * The decision without auditing or throwing: for showing what a user may do (abilities), or
   * whether to show something at all before `authorizePatient` audits the look (with the same
   * queue `reason` a caller would give it, e.g. the arrivals board's intake results).
   */
  async can(
    patientId: string,
    check: Pick<PatientAccessCheck, "scope" | "action" | "confidential" | "recordDownload" | "reason">,
  ): Promise<boolean> {
    const { decision } = await this.#decide(currentContext(), patientId, check);
    return decision.allowed;
  }

  /**
   * For staff-only endpoints: the signed-in actor must hold one of `roles` (the named system
   * actor always passes). 401 when nobody is signed in; 403 `forbidden`, audited, otherwise.
   */
  async authorizeStaff(
    roles: StaffRole | readonly StaffRole[],
    what: { resourceType: string; action?: string } = { resourceType: "staff_endpoint" },
  ): Promise<Actor> {
    const actor = currentContext().actor;
    if (actor.kind === "system") return actor;
    const wanted: readonly StaffRole[] = typeof roles === "string" ? [roles] : roles;
    if (actor.kind === "user" && actor.userId && actor.roles.some((r) => wanted.includes(r))) return actor;
    await this.#audit.recordIndependent({
      action: what.action ?? "access",
      resourceType: what.resourceType,
      outcome: "denied",
      details: { reason: actor.kind === "user" ? "role_not_permitted" : "unauthenticated", requiredRoles: [...wanted] },
    });
    throw actor.kind === "user"
      ? new DomainError("forbidden", "You do not have permission to do that.")
      : new DomainError("unauthenticated", "Please sign in to continue.");
  }

  // ---- where staff work (arrivals boards, visit statuses, schedules) ----

  /** The locations the actor is assigned to and where their provider practises (one query each, per request). */
  workplace(): Promise<WorkplaceFacts> {
    const context = currentContext();
    let facts = this.#workplaceCache.get(context);
    if (!facts) {
      facts = this.#loadWorkplace(context.actor);
      this.#workplaceCache.set(context, facts);
    }
    return facts;
  }

  /** The arrivals boards the actor may open (policy `boardViews`). */
  async boards(): Promise<BoardView[]> {
    return boardViews(currentContext().actor, await this.workplace());
  }

  /**
   * One arrivals board: the view the actor has of it, or 404 (audited) exactly as for a
   * location that does not exist.
   */
  async authorizeBoard(locationId: string): Promise<BoardView> {
    const view = (await this.boards()).find((b) => b.locationId === locationId);
    if (view) return view;
    await this.#audit.recordIndependent({
      action: "read",
      resourceType: "arrivals_board",
      resourceId: UUID.test(locationId) ? locationId : null,
      outcome: "denied",
      details: { reason: "not_a_board_they_work" },
    });
    throw notFound("location");
  }

  /**
   * Staff moving a visit along (arrived, roomed, …): the visit must be on a board the actor
   * works (policy `mayWorkVisit`), and then the patient check runs with the arrivals queue as
   * the reason. Either refusal answers exactly as for an appointment that does not exist.
   */
  async authorizeVisit(
    visit: { id: string; patientId: string; locationId: string; providerId: string },
    check: { auditAction: string },
  ): Promise<PatientAccess> {
    const context = currentContext();
    if (!mayWorkVisit(context.actor, await this.workplace(), visit)) {
      await this.#audit.recordIndependent({
        action: check.auditAction,
        resourceType: "appointment",
        resourceId: visit.id,
        patientId: visit.patientId,
        outcome: "denied",
        details: { reason: "not_a_board_they_work", scope: "appointments" },
      });
      throw notFound("appointment");
    }
    try {
      return await this.authorizePatient(visit.patientId, {
        scope: "appointments",
        action: "write",
        resourceType: "appointment",
        resourceId: visit.id,
        auditAction: check.auditAction,
        reason: { queue: "arrivals", itemId: visit.id },
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === "not_found") throw notFound("appointment");
      throw error;
    }
  }

  /**
   * A provider's schedule: which of its visits the actor may read (policy `scheduleView`), or
   * 403 (audited) when it is not a schedule they work.
   */
  async authorizeSchedule(provider: {
    id: string;
    locationIds: readonly string[];
  }): Promise<{ locationIds: readonly string[] | "all" }> {
    const view = scheduleView(currentContext().actor, await this.workplace(), provider);
    if (view) return view;
    await this.#audit.recordIndependent({
      action: "read",
      resourceType: "provider_schedule",
      resourceId: provider.id,
      outcome: "denied",
      details: { reason: "not_a_schedule_they_work" },
    });
    throw new DomainError("forbidden", "This schedule is not one you work. Choose a provider from the list.");
  }

  /** Whether the actor may read this provider's schedule (for listing the choices; not audited). */
  async canReadSchedule(provider: { id: string; locationIds: readonly string[] }): Promise<boolean> {
    return scheduleView(currentContext().actor, await this.workplace(), provider) !== null;
  }

  async #loadWorkplace(actor: Actor): Promise<WorkplaceFacts> {
    const db = currentDb(this.#db);
    const assigned = actor.userId
      ? await db.selectFrom("staff_locations").select("location_id").where("user_id", "=", actor.userId).execute()
      : [];
    const practised = actor.providerId
      ? await db
          .selectFrom("provider_locations")
          .select("location_id")
          .where("provider_id", "=", actor.providerId)
          .execute()
      : [];
    return {
      assignedLocationIds: assigned.map((r) => r.location_id),
      providerLocationIds: practised.map((r) => r.location_id),
    };
  }

  #denial(actor: Actor): DomainError {
    return actor.kind === "user" || actor.kind === "system"
      ? notFound("patient")
      : new DomainError("unauthenticated", "Please sign in to continue.");
  }

  async #decide(
    context: RequestContext,
    patientId: string,
    check: Pick<
      PatientAccessCheck,
      "scope" | "action" | "confidential" | "reason" | "patientFacing" | "recordDownload"
    >,
  ): Promise<{ decision: AccessDecision; facts: Facts | null }> {
    const facts = await this.#facts(context, patientId);
    if (!facts) return { decision: { allowed: false, reason: "no_relationship" }, facts };
    const decision = decidePatientAccess(
      context.actor,
      facts.patient,
      { isCareTeam: facts.isCareTeam, hasQueueReason: check.reason !== undefined },
      {
        scope: check.scope,
        action: check.action,
        confidential: check.confidential,
        patientFacing: check.patientFacing,
        recordDownload: check.recordDownload,
      },
      this.#clock.now(),
      this.#ages,
    );
    return { decision, facts };
  }

  /** One query: the patient's status and birth date, and whether the actor is on the care team. */
  async #facts(context: RequestContext, patientId: string): Promise<Facts | null> {
    if (!UUID.test(patientId)) return null;
    const actor = context.actor;
    const key = `${actor.userId ?? actor.kind}:${patientId}`;
    let cache = this.#factsCache.get(context);
    if (cache?.has(key)) return cache.get(key) ?? null;
    const clinical = actor.roles.includes("physician") || actor.roles.includes("nurse");
    // a patient's own record: its facts came with the session (never on a care team but as a clinician)
    if (!clinical && actor.ownPatient?.id === patientId) {
      const facts: Facts = { patient: actor.ownPatient, isCareTeam: false };
      if (!cache) this.#factsCache.set(context, new Map([[key, facts]]));
      else cache.set(key, facts);
      return facts;
    }
    const db = currentDb(this.#db);
    // patients, caregivers, front desk and admins are never on a care team: one prepared query for them all
    const row = clinical
      ? await db
          .selectFrom("patients")
          .where("patients.id", "=", patientId)
          .select((eb) => {
            const conditions = this.#careTeamRules
              .map((rule) => rule(eb, actor))
              .filter((c): c is Expression<SqlBool> => c !== null);
            const careTeam = eb.or([sql<SqlBool>`false`, ...conditions]);
            return ["patients.id", "patients.date_of_birth", "patients.status", careTeam.as("is_care_team")];
          })
          .executeTakeFirst()
      : (await patientFactsQuery(db, { patientId }))[0];
    const facts: Facts | null = row
      ? {
          patient: { id: row.id, dateOfBirth: row.date_of_birth, status: row.status },
          isCareTeam: Boolean(row.is_care_team),
        }
      : null;
    if (!cache) {
      cache = new Map();
      this.#factsCache.set(context, cache);
    }
    cache.set(key, facts);
    return facts;
  }
}
