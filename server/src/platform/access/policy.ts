import type { ProxyRelationship, ProxyScope, StaffRole } from "../../db/tables/people.ts";
import type { Actor, ActorGrant } from "../context.ts";

/**
 * Who may read or change which part of a patient's record (SPEC §1, §2.2, §4).
 * Pure functions: the caller gathers the facts (patient, relationship, time); nothing here
 * touches the database, so the whole matrix is unit-tested.
 */

/**
 * The parts of a patient's record. The proxy scopes, plus:
 * - `summary`: name and date of birth only — what anyone acting for the patient needs to
 *   recognise them (a restricted parent of an adolescent reads this instead of `profile`);
 * - `profile`: demographics and contact details, insurance, emergency contact, the patient's
 *   uploaded documents and identity-change requests;
 * - `proxies`: the list of who has proxy access, and granting or revoking it.
 */
export type PatientScope = ProxyScope | "summary" | "profile" | "proxies";
export type AccessAction = "read" | "write";

export const PATIENT_SCOPES: readonly PatientScope[] = [
  "summary",
  "profile",
  "proxies",
  "appointments",
  "messages",
  "medications",
  "referrals",
  "health_updates",
  "records",
];

/** What a parent or guardian of an adolescent keeps, whatever the grant says. */
export const ADOLESCENT_PARENT_SCOPES: readonly ProxyScope[] = ["appointments", "medications"];

/** Ages in whole years. Adolescent confidentiality applies from `adolescentFrom` until `adultAt`. */
export interface AgeBounds {
  adolescentFrom: number;
  adultAt: number;
}
export const DEFAULT_AGE_BOUNDS: AgeBounds = Object.freeze({ adolescentFrom: 12, adultAt: 18 });

export interface PatientFacts {
  id: string;
  /** "YYYY-MM-DD" */
  dateOfBirth: string;
  /** "rejected": a self-registration front desk turned down — like a merged chart, nobody opens it */
  status: "active" | "pending_verification" | "merged" | "rejected";
}

/** Facts about the actor's relation to this patient, gathered by the caller. */
export interface RelationshipFacts {
  /** the actor's provider is the patient's PCP or has/had an appointment with them (or a module's rule says so) */
  isCareTeam: boolean;
  /** the caller is working a queue item for this patient (message pool, refill queue, flagged reading) */
  hasQueueReason?: boolean;
}

export interface AccessRequest {
  scope: PatientScope;
  action: AccessAction;
  /** the record is marked confidential: never shown to proxies */
  confidential?: boolean;
  /** only the patient and their proxies may see this (e.g. who accessed the record), not staff */
  patientFacing?: boolean;
  /**
   * the whole-record download (scope `records`, SPEC §2.9): a parent/guardian of an adolescent
   * whose grant holds `records` may download it, restricted (`restricted: true`): the records
   * service then gives only the parts the restricted scopes cover, never a confidential row.
   * Nothing else reads `records` this way.
   */
  recordDownload?: boolean;
}

/** The capacity in which access is granted; recorded in the audit log as `acting_as`. */
export type AccessBasis = "patient" | "proxy" | "front_desk" | "nurse" | "physician" | "system";

export type DenyReason =
  | "unauthenticated"
  | "merged_record"
  | "no_relationship"
  | "grant_not_in_force"
  | "scope_not_granted"
  | "adolescent_restricted"
  | "confidential"
  | "proxy_cannot_manage_grants"
  | "minor_cannot_manage_grants"
  | "patient_not_active"
  | "role_not_permitted";

export type AccessDecision =
  | {
      allowed: true;
      basis: AccessBasis;
      /** set when access is through a proxy grant */
      grantId: string | null;
      /** a parent/guardian of an adolescent: restricted scopes apply */
      restricted: boolean;
      /** may this actor see records marked confidential? */
      includeConfidential: boolean;
    }
  | { allowed: false; reason: DenyReason };

/** A grant as the policy needs it: an `ActorGrant`, optionally with its revocation time. */
export type GrantFacts = Pick<
  ActorGrant,
  "grantId" | "patientId" | "relationship" | "scopes" | "startsAt" | "endsAt"
> & {
  revokedAt?: Date | null;
};

const PARENTAL: readonly ProxyRelationship[] = ["parent", "guardian"];

/** Whole years of age on the UTC calendar date of `now`. */
export function ageOn(dateOfBirth: string, now: Date): number {
  const [y, m, d] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const ny = now.getUTCFullYear();
  const nm = now.getUTCMonth() + 1;
  const nd = now.getUTCDate();
  return ny - y - (nm < m || (nm === m && nd < d) ? 1 : 0);
}

/**
 * The start (UTC midnight) of the birthday on which the patient turns `years`. A 29 February
 * birthday falls on 1 March in common years, matching `ageOn`.
 */
export function birthdayAt(dateOfBirth: string, years: number): Date {
  const [y, m, d] = dateOfBirth.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d));
}

/**
 * Is the grant in force now? Not revoked, started, not ended, for an active record; and a
 * parent/guardian grant to someone who has since become an adult only if the patient
 * (re)granted it on or after their adult birthday.
 */
export function grantInForce(
  grant: GrantFacts,
  patient: PatientFacts,
  now: Date,
  ages: AgeBounds = DEFAULT_AGE_BOUNDS,
): boolean {
  if (grant.patientId !== patient.id) return false;
  if (patient.status !== "active") return false;
  if (grant.revokedAt && grant.revokedAt.getTime() <= now.getTime()) return false;
  if (grant.startsAt.getTime() > now.getTime()) return false;
  if (grant.endsAt && grant.endsAt.getTime() <= now.getTime()) return false;
  if (PARENTAL.includes(grant.relationship) && ageOn(patient.dateOfBirth, now) >= ages.adultAt) {
    return grant.startsAt.getTime() >= birthdayAt(patient.dateOfBirth, ages.adultAt).getTime();
  }
  return true;
}

/** Is this a parent/guardian grant to an adolescent (restricted whatever its stored scopes)? */
export function isAdolescentParentGrant(
  grant: Pick<GrantFacts, "relationship">,
  patient: PatientFacts,
  now: Date,
  ages: AgeBounds = DEFAULT_AGE_BOUNDS,
): boolean {
  if (!PARENTAL.includes(grant.relationship)) return false;
  const age = ageOn(patient.dateOfBirth, now);
  return age >= ages.adolescentFrom && age < ages.adultAt;
}

/**
 * The scopes a grant gives right now: none when not in force; for a parent/guardian of an
 * adolescent only appointments and medications (and only those the grant holds).
 */
export function effectiveScopes(
  grant: GrantFacts,
  patient: PatientFacts,
  now: Date,
  ages: AgeBounds = DEFAULT_AGE_BOUNDS,
): { inForce: boolean; scopes: ProxyScope[]; restricted: boolean } {
  if (!grantInForce(grant, patient, now, ages)) return { inForce: false, scopes: [], restricted: false };
  if (isAdolescentParentGrant(grant, patient, now, ages)) {
    return {
      inForce: true,
      scopes: grant.scopes.filter((s) => ADOLESCENT_PARENT_SCOPES.includes(s)),
      restricted: true,
    };
  }
  return { inForce: true, scopes: [...grant.scopes], restricted: false };
}

const allow = (
  basis: AccessBasis,
  options: { grantId?: string; restricted?: boolean; includeConfidential?: boolean } = {},
): AccessDecision => ({
  allowed: true,
  basis,
  grantId: options.grantId ?? null,
  restricted: options.restricted ?? false,
  includeConfidential: options.includeConfidential ?? true,
});
const deny = (reason: DenyReason): AccessDecision => ({ allowed: false, reason });

function decideAsPatient(patient: PatientFacts, request: AccessRequest, now: Date, ages: AgeBounds): AccessDecision {
  // a minor may see who has access to their record, but grants for minors are made by staff
  if (request.scope === "proxies" && request.action === "write" && ageOn(patient.dateOfBirth, now) < ages.adultAt) {
    return deny("minor_cannot_manage_grants");
  }
  return allow("patient");
}

function decideAsProxy(
  grants: readonly GrantFacts[],
  patient: PatientFacts,
  request: AccessRequest,
  now: Date,
  ages: AgeBounds,
): AccessDecision | null {
  const held = grants.filter((g) => g.patientId === patient.id);
  if (held.length === 0) return null;
  if (request.scope === "proxies") return deny("proxy_cannot_manage_grants");
  let reason: DenyReason = "grant_not_in_force";
  for (const grant of held) {
    const effective = effectiveScopes(grant, patient, now, ages);
    if (!effective.inForce) continue;
    if (request.confidential) {
      reason = "confidential";
      continue;
    }
    // every in-force proxy may read the summary (name, date of birth); the full profile is for
    // unrestricted grants (a parent of an adolescent acts on appointments and medications,
    // nothing more); changing either needs `records`
    const mayWrite = !effective.restricted && effective.scopes.includes("records");
    const ok =
      request.scope === "summary"
        ? request.action === "read" || mayWrite
        : request.scope === "profile"
          ? !effective.restricted && (request.action === "read" || mayWrite)
          : effective.scopes.includes(request.scope) ||
            (request.recordDownload === true &&
              request.scope === "records" &&
              effective.restricted &&
              grant.scopes.includes("records"));
    if (ok) {
      return allow("proxy", { grantId: grant.grantId, restricted: effective.restricted, includeConfidential: false });
    }
    if (reason !== "confidential") {
      reason =
        effective.restricted && (request.scope === "profile" || grant.scopes.includes(request.scope as ProxyScope))
          ? "adolescent_restricted"
          : "scope_not_granted";
    }
  }
  return deny(reason);
}

const FRONT_DESK_SCOPES: readonly PatientScope[] = ["summary", "profile", "appointments", "proxies"];

function decideAsStaff(
  actor: Actor,
  patient: PatientFacts,
  relationship: RelationshipFacts,
  request: AccessRequest,
): AccessDecision | null {
  const roles = actor.roles;
  let reason: DenyReason | null = null;
  if (roles.includes("physician") || roles.includes("nurse")) {
    const role = roles.includes("physician") ? "physician" : "nurse";
    if (request.scope !== "proxies") {
      if (patient.status !== "active") reason = "patient_not_active";
      else if (relationship.isCareTeam || relationship.hasQueueReason) return allow(role);
      else reason = "no_relationship";
    } else reason = "role_not_permitted";
  }
  if (roles.includes("front_desk")) {
    if (!FRONT_DESK_SCOPES.includes(request.scope)) return deny(reason ?? "role_not_permitted");
    // registration verifies pending records; scheduling and proxy grants need an active one
    if (patient.status === "active" || request.scope === "profile" || request.scope === "summary") {
      return allow("front_desk");
    }
    return deny("patient_not_active");
  }
  if (reason) return deny(reason);
  // admin: no patient data (administration works on staff, clinic set-up and the audit log)
  if (roles.length > 0) return deny("role_not_permitted");
  return null;
}

/**
 * The one decision for patient data. A user holding several capacities (a nurse who is also
 * a patient, a parent who is also staff) is allowed when any of them allows.
 */
export function decidePatientAccess(
  actor: Actor,
  patient: PatientFacts,
  relationship: RelationshipFacts,
  request: AccessRequest,
  now: Date,
  ages: AgeBounds = DEFAULT_AGE_BOUNDS,
): AccessDecision {
  if (actor.kind === "system") return allow("system");
  if (actor.kind !== "user" || !actor.userId) return deny("unauthenticated");
  if (patient.status === "merged" || patient.status === "rejected") return deny("merged_record");

  const denials: DenyReason[] = [];
  if (actor.patientId === patient.id) {
    const decision = decideAsPatient(patient, request, now, ages);
    if (decision.allowed) return decision;
    denials.push(decision.reason);
  }
  const asProxy = decideAsProxy(actor.grants, patient, request, now, ages);
  if (asProxy?.allowed) return asProxy;
  if (asProxy) denials.push(asProxy.reason);
  const asStaff = request.patientFacing
    ? actor.roles.length > 0
      ? deny("role_not_permitted")
      : null
    : decideAsStaff(actor, patient, relationship, request);
  if (asStaff?.allowed) return asStaff;
  if (asStaff) denials.push(asStaff.reason);
  return deny(denials[0] ?? "no_relationship");
}

// ---- where staff work: arrivals boards, visit statuses, provider schedules ----

/** The roles that work the arrivals boards of the locations they are assigned to. */
export const LOCATION_ROLES: readonly StaffRole[] = ["front_desk", "nurse"];

/** Facts about where the actor works, gathered by the caller. */
export interface WorkplaceFacts {
  /** locations the staff member is assigned to (`staff_locations`) */
  assignedLocationIds: readonly string[];
  /** locations where the actor's provider practises (`provider_locations`), for physicians */
  providerLocationIds: readonly string[];
}

/** One arrivals board the actor may open: the whole location, or only their provider's visits there. */
export interface BoardView {
  locationId: string;
  /** null: every visit at the location; otherwise only this provider's */
  providerId: string | null;
}

const worksLocations = (actor: Actor) => actor.roles.some((r) => LOCATION_ROLES.includes(r));

/**
 * The arrivals boards the actor may open. Front desk and nurses: the whole board of each
 * location they are assigned to. Physicians: their own provider's visits at the locations
 * where that provider practises. Nobody else (admins, patients) sees a board.
 */
export function boardViews(actor: Actor, facts: WorkplaceFacts): BoardView[] {
  if (actor.kind !== "user" || !actor.userId) return [];
  const views = new Map<string, BoardView>();
  if (worksLocations(actor)) {
    for (const locationId of facts.assignedLocationIds) views.set(locationId, { locationId, providerId: null });
  }
  if (actor.roles.includes("physician") && actor.providerId) {
    for (const locationId of facts.providerLocationIds) {
      if (!views.has(locationId)) views.set(locationId, { locationId, providerId: actor.providerId });
    }
  }
  return [...views.values()];
}

/**
 * May the actor move this visit along (arrived, roomed, …)? Only when it is on a board they
 * work: a location they are assigned to (front desk, nurses) or their own provider's visit
 * (physicians). Anyone else is answered exactly as for an appointment that does not exist.
 */
export function mayWorkVisit(
  actor: Actor,
  facts: WorkplaceFacts,
  visit: { locationId: string; providerId: string },
): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind !== "user" || !actor.userId) return false;
  if (worksLocations(actor) && facts.assignedLocationIds.includes(visit.locationId)) return true;
  return actor.roles.includes("physician") && actor.providerId !== null && actor.providerId === visit.providerId;
}

/**
 * Whose schedule the actor may read, and which of its visits: a physician their own (every
 * location); front desk and nurses a provider who practises at one of their locations, with
 * the visits at those locations only. `null`: not this provider's schedule.
 */
export function scheduleView(
  actor: Actor,
  facts: WorkplaceFacts,
  provider: { id: string; locationIds: readonly string[] },
): { locationIds: readonly string[] | "all" } | null {
  if (actor.kind === "system") return { locationIds: "all" };
  if (actor.kind !== "user" || !actor.userId) return null;
  if (actor.roles.includes("physician") && actor.providerId === provider.id) return { locationIds: "all" };
  if (!worksLocations(actor)) return null;
  const shared = provider.locationIds.filter((l) => facts.assignedLocationIds.includes(l));
  return shared.length > 0 ? { locationIds: shared } : null;
}
