import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffRole } from "../db/tables/people.ts";
import { encodePastCursor } from "../modules/scheduling/past-cursor.ts";
import { makeTestClinic, type TestClinic } from "../modules/scheduling/test-clinic.ts";
import { useTestApp } from "../test/app.ts";
import {
  makePatient,
  makeProxy,
  makeProxyGrant,
  makeStaff,
  makeUser,
  type SignedInClient,
  signIn,
  type TestPatient,
  type TestUser,
} from "../test/factories.ts";

/**
 * The access matrix over EVERY route of the OpenAPI document: each route has a row saying who
 * is refused and how (401 signed out; 403 for a role that may not use a staff endpoint; 404,
 * exactly as for a missing record, for patient data someone may not see). A route without a
 * row fails the first test, so a new route cannot ship without deciding its access.
 *
 * Every refusal of a signed-in user is checked to be the access check's own (an audited
 * `denied` row for that request), not a lookup that happened to find nothing.
 */

type Who =
  | "anonymous"
  | "otherPatient"
  /** a caregiver of the patient whose grant holds only `medications` */
  | "proxyWithoutScope"
  /** a parent of a 15-year-old (restricted grant: appointments and medications), against the teen */
  | "teenParent"
  | "admin"
  /** a physician with no relation to the patient and no location */
  | "unrelatedPhysician"
  /** a nurse with no queue item for the patient and no location */
  | "unrelatedNurse"
  /** front desk assigned to another location */
  | "deskElsewhere";

const EVERYONE: readonly Who[] = [
  "anonymous",
  "otherPatient",
  "proxyWithoutScope",
  "teenParent",
  "admin",
  "unrelatedPhysician",
  "unrelatedNurse",
  "deskElsewhere",
];
const ROLE_OF: Partial<Record<Who, StaffRole>> = {
  admin: "admin",
  unrelatedPhysician: "physician",
  unrelatedNurse: "nurse",
  deskElsewhere: "front_desk",
};

/** The patient a request is aimed at, with records of theirs. */
interface Target {
  patientId: string;
  appointmentId: string;
  fileId: string;
  grantId: string;
}

interface Fixtures {
  adult: Target;
  teen: Target;
  clinic: TestClinic;
  otherLocationId: string;
  identityRequestId: string;
  pendingPatientId: string;
}

interface Req {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

/** `number`: the refusal expected; `"allowed"`: may use it (not exercised); `"n/a"`: the case does not apply. */
type Outcome = number | "allowed" | "n/a";

interface Row {
  request: (target: Target, f: Fixtures) => Req;
  expect: Record<Who, Outcome>;
  /** why a route refuses nobody (public routes) */
  note?: string;
  /** patient data: the patient themself is allowed (checked for reads, so the refusals are not malformed requests) */
  patientData?: true;
}

const soon = () => new Date(Date.now() + 3 * 86_400_000).toISOString();
const address = { line1: "1 Main St", city: "Brooklyn", region: "NY", postalCode: "11201", country: "US" };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

// ---- how each kind of route refuses ----

const all = (outcome: Outcome): Record<Who, Outcome> =>
  Object.fromEntries(EVERYONE.map((w) => [w, outcome])) as Record<Who, Outcome>;

/** No sign-in needed (login, activation, public links): nothing to refuse here. */
const publicRoute = (request: Row["request"], note: string): Row => ({ request, expect: all("n/a"), note });

/** Any signed-in user, about their own account or the clinic's catalogue. */
const signedIn = (request: Row["request"]): Row => ({ request, expect: { ...all("allowed"), anonymous: 401 } });

/** Staff endpoints: 403 for every other role, patients and proxies included. */
const staff = (
  roles: readonly StaffRole[],
  request: Row["request"],
  overrides: Partial<Record<Who, Outcome>> = {},
): Row => {
  const expect = all(403);
  expect.anonymous = 401;
  for (const who of EVERYONE) {
    const role = ROLE_OF[who];
    if (role && roles.includes(role)) expect[who] = "allowed";
  }
  return { request, expect: { ...expect, ...overrides } };
};

/**
 * A module's patient data (refills, referrals, health updates, messages): 404 for everyone the
 * policy does not allow, exactly as for a missing record; `patientData` false for a route that
 * names a record the patient has not got (the patient's own answer is not checked).
 */
const moduleData = (
  request: Row["request"],
  patientData = true,
  overrides: Partial<Record<Who, Outcome>> = {},
): Row => ({
  request,
  ...(patientData ? { patientData: true as const } : {}),
  expect: {
    anonymous: 401,
    otherPatient: 404,
    proxyWithoutScope: 404,
    teenParent: 404,
    admin: 404,
    unrelatedPhysician: 404,
    unrelatedNurse: 404,
    deskElsewhere: 404,
    ...overrides,
  },
});

/** Clinicians' work on a patient's record: 403 for every other role, 404 for a clinician off the care team. */
const careTeamWork = (request: Row["request"]): Row =>
  staff(["nurse", "physician"], request, { unrelatedPhysician: 404, unrelatedNurse: 404 });

type Scope = "summary" | "profile" | "appointments" | "proxies" | "records";
const FRONT_DESK_SCOPES: readonly Scope[] = ["summary", "profile", "appointments", "proxies"];
const TEEN_PARENT_SCOPES: readonly Scope[] = ["summary", "appointments"];

/** Patient data: 404 for anyone the policy does not allow, exactly as for a missing record. */
const patientData = (
  scope: Scope,
  action: "read" | "write",
  request: Row["request"],
  overrides: Partial<Record<Who, Outcome>> = {},
): Row => ({
  request,
  patientData: true,
  expect: {
    anonymous: 401,
    otherPatient: 404,
    proxyWithoutScope: (scope === "profile" || scope === "summary") && action === "read" ? "allowed" : 404,
    teenParent: TEEN_PARENT_SCOPES.includes(scope) ? "allowed" : 404,
    admin: 404,
    unrelatedPhysician: 404,
    unrelatedNurse: 404,
    deskElsewhere: FRONT_DESK_SCOPES.includes(scope) ? "allowed" : 404,
    ...overrides,
  },
});

const get = (url: string): Req => ({ method: "GET", url });
const post = (url: string, payload: unknown = {}): Req => ({ method: "POST", url, payload });
const patch = (url: string, payload: unknown): Req => ({ method: "PATCH", url, payload });
const del = (url: string): Req => ({ method: "DELETE", url });
const P = (x: Target) => `/api/patients/${x.patientId}`;
const A = (x: Target) => `${P(x)}/appointments/${x.appointmentId}`;

const MATRIX: Record<string, Row> = {
  // ---- platform ----
  "GET /api/health": publicRoute(() => get("/api/health"), "liveness probe"),
  "GET /api/clinic": publicRoute(() => get("/api/clinic"), "the clinic's name and phone"),
  "GET /api/ready": publicRoute(() => get("/api/ready"), "readiness probe"),

  // ---- identity: the caller's own account ----
  "POST /api/auth/login": publicRoute(() => post("/api/auth/login"), "sign-in"),
  "POST /api/auth/mfa": signedIn(() => post("/api/auth/mfa", { code: "000000" })),
  "DELETE /api/auth/mfa": signedIn(() => del("/api/auth/mfa")),
  "POST /api/auth/mfa/enrolment/start": signedIn(() => post("/api/auth/mfa/enrolment/start")),
  "POST /api/auth/mfa/enrolment/confirm": signedIn(() => post("/api/auth/mfa/enrolment/confirm", { code: "000000" })),
  "POST /api/auth/mfa/recovery-codes": signedIn(() => post("/api/auth/mfa/recovery-codes")),
  "POST /api/auth/reauthenticate": signedIn(() => post("/api/auth/reauthenticate", { password: "x" })),
  "POST /api/auth/logout": signedIn(() => post("/api/auth/logout")),
  "POST /api/auth/password": signedIn(() => post("/api/auth/password", {})),
  "POST /api/auth/email": signedIn(() => post("/api/auth/email", {})),
  "GET /api/auth/sessions": signedIn(() => get("/api/auth/sessions")),
  "DELETE /api/auth/sessions/{id}": signedIn(() => del(`/api/auth/sessions/${randomUUID()}`)),
  "POST /api/auth/session/refresh": signedIn(() => post("/api/auth/session/refresh")),
  "POST /api/auth/password-reset/request": publicRoute(() => post("/api/auth/password-reset/request"), "by email"),
  "POST /api/auth/password-reset/complete": publicRoute(() => post("/api/auth/password-reset/complete"), "by token"),
  "POST /api/auth/activate": publicRoute(() => post("/api/auth/activate"), "by activation code"),
  "GET /api/session": publicRoute(() => get("/api/session"), "who is signed in, or null"),
  "GET /api/me": signedIn(() => get("/api/me")),
  "PATCH /api/me": signedIn(() => patch("/api/me", { locale: "en" })),

  // ---- catalogue ----
  "GET /api/visit-types": signedIn(() => get("/api/visit-types")),
  "GET /api/locations": signedIn(() => get("/api/locations")),
  "GET /api/providers": signedIn(() => get("/api/providers")),
  "GET /api/pharmacies": signedIn(() => get("/api/pharmacies")),
  // slots for a patient tell whether they may self-book: the patient's appointments scope
  "GET /api/slots": patientData("appointments", "read", (x, f) =>
    get(`/api/slots?visitTypeId=${f.clinic.visitTypes.established}&patientId=${x.patientId}`),
  ),

  // ---- a patient's appointments ----
  // with a page of past visits older than one of theirs: the parameters change nothing of who may read
  "GET /api/patients/{patientId}/appointments": patientData("appointments", "read", (x) =>
    get(
      `${P(x)}/appointments?pastLimit=5&pastCursor=${encodePastCursor({ startsAt: new Date("2026-06-01T00:00:00Z"), id: x.appointmentId })}`,
    ),
  ),
  "POST /api/patients/{patientId}/appointments": patientData("appointments", "write", (x, f) =>
    post(`${P(x)}/appointments`, {
      visitTypeId: f.clinic.visitTypes.established,
      providerId: f.clinic.providerId,
      start: soon(),
    }),
  ),
  "GET /api/patients/{patientId}/appointments/{appointmentId}": patientData("appointments", "read", (x) => get(A(x))),
  "POST /api/patients/{patientId}/appointments/{appointmentId}/reschedule": patientData("appointments", "write", (x) =>
    post(`${A(x)}/reschedule`, { start: soon() }),
  ),
  "POST /api/patients/{patientId}/appointments/{appointmentId}/cancel": patientData("appointments", "write", (x) =>
    post(`${A(x)}/cancel`, {}),
  ),
  "POST /api/patients/{patientId}/appointments/{appointmentId}/arrive": patientData("appointments", "write", (x) =>
    post(`${A(x)}/arrive`),
  ),
  "GET /api/patients/{patientId}/appointments/{appointmentId}/check-in": patientData("appointments", "read", (x) =>
    get(`${A(x)}/check-in`),
  ),
  "POST /api/patients/{patientId}/appointments/{appointmentId}/check-in": patientData("appointments", "write", (x) =>
    post(`${A(x)}/check-in`, {
      confirmedDemographics: true,
      confirmedInsurance: true,
      confirmedMedications: true,
      confirmedAllergies: true,
      answers: {},
    }),
  ),
  "POST /api/patients/{patientId}/appointments/{appointmentId}/waitlist": patientData("appointments", "write", (x) =>
    post(`${A(x)}/waitlist`),
  ),
  "DELETE /api/patients/{patientId}/appointments/{appointmentId}/waitlist": patientData("appointments", "write", (x) =>
    del(`${A(x)}/waitlist`),
  ),
  "GET /api/patients/{patientId}/waitlist-offers": patientData("appointments", "read", (x) =>
    get(`${P(x)}/waitlist-offers`),
  ),
  "POST /api/patients/{patientId}/waitlist-offers/{offerId}/accept": patientData("appointments", "write", (x) =>
    post(`${P(x)}/waitlist-offers/${randomUUID()}/accept`),
  ),
  "POST /api/patients/{patientId}/waitlist-offers/{offerId}/decline": patientData("appointments", "write", (x) =>
    post(`${P(x)}/waitlist-offers/${randomUUID()}/decline`),
  ),
  "POST /api/appointments/confirm": publicRoute(() => post("/api/appointments/confirm"), "by emailed single-use token"),
  // ---- post-visit surveys and the record download ----
  ...surveyAndRecordRows(),

  // ---- staff: boards, schedules, visit statuses ----
  "GET /api/workplace": staff(["front_desk", "nurse", "physician"], () => get("/api/workplace")),
  "GET /api/arrivals": staff(
    ["front_desk", "nurse", "physician"],
    (_x, f) => get(`/api/arrivals?locationId=${f.clinic.locationId}`),
    // not a board they work: exactly as for a location that does not exist
    { unrelatedPhysician: 404, unrelatedNurse: 404, deskElsewhere: 404 },
  ),
  "GET /api/schedule": staff(
    ["front_desk", "nurse", "physician"],
    (_x, f) => get(`/api/schedule?providerId=${f.clinic.providerId}`),
    { unrelatedPhysician: 403, unrelatedNurse: 403, deskElsewhere: 403 },
  ),
  "POST /api/appointments/{appointmentId}/status": staff(
    ["front_desk", "nurse", "physician"],
    (x) => post(`/api/appointments/${x.appointmentId}/status`, { status: "arrived" }),
    // a visit they do not work: exactly as for an unknown id
    { unrelatedPhysician: 404, unrelatedNurse: 404, deskElsewhere: 404 },
  ),
  "GET /api/appointments/{appointmentId}/intake": staff(
    ["nurse", "physician"],
    (x) => get(`/api/appointments/${x.appointmentId}/intake`),
    // a visit they do not work: exactly as for an unknown id
    { unrelatedPhysician: 404, unrelatedNurse: 404 },
  ),
  "POST /api/appointments/{appointmentId}/status/undo": staff(
    ["front_desk", "nurse", "physician"],
    (x) => post(`/api/appointments/${x.appointmentId}/status/undo`),
    // a visit they do not work: exactly as for an unknown id
    { unrelatedPhysician: 404, unrelatedNurse: 404, deskElsewhere: 404 },
  ),

  // ---- administration: visit types and availability ----
  "GET /api/admin/visit-types": staff(["admin"], () => get("/api/admin/visit-types")),
  "POST /api/admin/visit-types": staff(["admin"], () =>
    post("/api/admin/visit-types", {
      name: "Matrix visit",
      nameEs: null,
      description: null,
      durationMinutes: 30,
      modality: "in_person",
      specialty: "family_medicine",
      bookingKind: "new",
      minimumNoticeMinutes: 0,
      horizonDays: 30,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      cancellationNoticeMinutes: 0,
      questionnaire: [],
      active: true,
    }),
  ),
  "PATCH /api/admin/visit-types/{id}": staff(["admin"], (_x, f) =>
    patch(`/api/admin/visit-types/${f.clinic.visitTypes.established}`, { name: "Renamed" }),
  ),
  "GET /api/providers/{id}/availability": staff(["admin", "front_desk", "nurse", "physician"], (_x, f) =>
    get(`/api/providers/${f.clinic.providerId}/availability`),
  ),
  "POST /api/providers/{id}/availability/templates": staff(["admin"], (_x, f) =>
    post(`/api/providers/${f.clinic.providerId}/availability/templates`, {
      locationId: f.clinic.locationId,
      weekday: 6,
      startTime: "09:00",
      endTime: "10:00",
    }),
  ),
  "DELETE /api/providers/{id}/availability/templates/{itemId}": staff(["admin"], (_x, f) =>
    del(`/api/providers/${f.clinic.providerId}/availability/templates/${randomUUID()}`),
  ),
  // physicians manage their own time off; another provider's is refused
  "POST /api/providers/{id}/availability/exceptions": staff(["admin", "physician"], (_x, f) =>
    post(`/api/providers/${f.clinic.providerId}/availability/exceptions`, {
      kind: "time_off",
      start: soon(),
      end: new Date(Date.now() + 4 * 86_400_000).toISOString(),
    }),
  ),
  "POST /api/providers/{id}/availability/exceptions/preview": staff(["admin", "physician"], (_x, f) =>
    post(`/api/providers/${f.clinic.providerId}/availability/exceptions/preview`, {
      kind: "time_off",
      start: soon(),
      end: new Date(Date.now() + 4 * 86_400_000).toISOString(),
    }),
  ),
  "DELETE /api/providers/{id}/availability/exceptions/{itemId}": staff(["admin", "physician"], (_x, f) =>
    del(`/api/providers/${f.clinic.providerId}/availability/exceptions/${randomUUID()}`),
  ),

  // ---- patients: search, registration, profile ----
  "GET /api/patients": staff(["front_desk", "nurse", "physician"], () => get("/api/patients?q=Jordan")),
  "POST /api/patients": staff(["front_desk"], () =>
    post("/api/patients", {
      legalGivenName: "Jordan",
      legalFamilyName: "Matrix",
      dateOfBirth: "1985-06-15",
      sex: "unknown",
    }),
  ),
  "GET /api/patients/{patientId}": patientData("summary", "read", (x) => get(P(x))),
  "PATCH /api/patients/{patientId}": patientData("profile", "write", (x) => patch(P(x), { preferredName: "Jo" })),
  "POST /api/patients/{patientId}/activation-codes": staff(["front_desk"], (x) => post(`${P(x)}/activation-codes`)),
  "GET /api/patients/{patientId}/activation-letter": staff(["front_desk"], (x) =>
    get(`${P(x)}/activation-letter?code=AAAA-BBBB-CCCC`),
  ),
  "POST /api/patients/{patientId}/merge": staff(["front_desk"], (x, f) =>
    post(`${P(x)}/merge`, { intoPatientId: f.pendingPatientId, reason: "Same person" }),
  ),
  "POST /api/registrations": publicRoute(() => post("/api/registrations"), "self-registration, same answer always"),
  "GET /api/registrations/pending": staff(["front_desk"], () => get("/api/registrations/pending")),
  "POST /api/registrations/{id}/verify": staff(["front_desk"], (_x, f) =>
    post(`/api/registrations/${f.pendingPatientId}/verify`, {}),
  ),
  "POST /api/registrations/{id}/reject": staff(["front_desk"], (_x, f) =>
    post(`/api/registrations/${f.pendingPatientId}/reject`, { reason: "other" }),
  ),
  "POST /api/patients/{patientId}/identity-change-requests": patientData("profile", "write", (x) =>
    post(`${P(x)}/identity-change-requests`, { changes: { legalGivenName: "Jo" }, reason: "Legal change" }),
  ),
  "GET /api/patients/{patientId}/identity-change-requests": patientData("profile", "read", (x) =>
    get(`${P(x)}/identity-change-requests`),
  ),
  "GET /api/identity-change-requests": staff(["front_desk"], () => get("/api/identity-change-requests")),
  "POST /api/identity-change-requests/{id}/decision": staff(["front_desk"], (_x, f) =>
    post(`/api/identity-change-requests/${f.identityRequestId}/decision`, { decision: "deny" }),
  ),
  "POST /api/patients/{patientId}/files": patientData("profile", "write", (x) => ({
    method: "POST",
    url: `${P(x)}/files?kind=other`,
    payload: PNG,
    headers: { "content-type": "image/png" },
  })),
  "GET /api/patients/{patientId}/files/{fileId}": patientData("profile", "read", (x) =>
    get(`${P(x)}/files/${x.fileId}`),
  ),

  // ---- proxies ----
  "GET /api/patients/{patientId}/proxies": patientData("proxies", "read", (x) => get(`${P(x)}/proxies`)),
  // staff grants are the front desk's
  "POST /api/patients/{patientId}/proxies": staff(["front_desk"], (x) =>
    post(`${P(x)}/proxies`, {
      proxyEmail: "matrix-proxy@example.test",
      relationship: "caregiver",
      scopes: ["appointments"],
      reason: "Asked at the desk",
    }),
  ),
  "DELETE /api/patients/{patientId}/proxies/{grantId}": patientData("proxies", "write", (x) =>
    del(`${P(x)}/proxies/${x.grantId}`),
  ),
  "POST /api/patients/{patientId}/proxies/invitations": patientData(
    "proxies",
    "write",
    (x) =>
      post(`${P(x)}/proxies/invitations`, {
        email: "matrix-invite@example.test",
        relationship: "caregiver",
        scopes: ["appointments"],
      }),
    // the front desk holds the proxies scope (policy): it may invite on the patient's behalf
  ),
  "DELETE /api/patients/{patientId}/proxies/invitations/{invitationId}": patientData("proxies", "write", (x) =>
    del(`${P(x)}/proxies/invitations/${randomUUID()}`),
  ),
  "POST /api/invitations/preview": publicRoute(() => post("/api/invitations/preview"), "by emailed token"),
  "POST /api/invitations/accept": signedIn(() => post("/api/invitations/accept", { token: "x".repeat(30) })),
  "POST /api/invitations/register": publicRoute(() => post("/api/invitations/register"), "by emailed token"),

  // ---- audit ----
  "GET /api/patients/{patientId}/access-log": patientData("records", "read", (x) => get(`${P(x)}/access-log`), {
    // who looked at the record is for the patient and their proxies, not staff
    deskElsewhere: 404,
  }),
  "GET /api/admin/audit": staff(["admin"], () => get("/api/admin/audit")),

  // ---- clinic administration ----
  "POST /api/locations": staff(["admin"], () =>
    post("/api/locations", { name: "Matrix", address, timeZone: "America/Chicago", hours: [] }),
  ),
  "PATCH /api/locations/{id}": staff(["admin"], (_x, f) => patch(`/api/locations/${f.otherLocationId}`, { name: "M" })),
  "POST /api/providers": staff(["admin"], (_x, f) =>
    post("/api/providers", { displayName: "Dr Matrix", specialty: "cardiology", locationIds: [f.otherLocationId] }),
  ),
  "PATCH /api/providers/{id}": staff(["admin"], (_x, f) =>
    patch(`/api/providers/${f.clinic.providerId}`, { acceptingNewPatients: true }),
  ),
  "POST /api/pharmacies": staff(["admin"], () => post("/api/pharmacies", { name: "Matrix Pharmacy", address })),
  "PATCH /api/pharmacies/{id}": staff(["admin"], () => patch(`/api/pharmacies/${randomUUID()}`, { name: "M" })),
  "GET /api/admin/staff": staff(["admin"], () => get("/api/admin/staff")),
  "POST /api/admin/staff": staff(["admin"], () =>
    post("/api/admin/staff", { email: "matrix-staff@example.test", displayName: "Matrix Staff", roles: ["nurse"] }),
  ),
  "PATCH /api/admin/staff/{id}": staff(["admin"], (_x, f) =>
    patch(`/api/admin/staff/${f.clinic.frontDesk.id}`, { displayName: "Renamed Desk" }),
  ),
  "POST /api/staff-invitations/accept": publicRoute(() => post("/api/staff-invitations/accept"), "by emailed token"),

  // ---- refills (the caregiver here holds `medications`, the teen's parent keeps it too) ----
  ...refillRows(),

  // ---- secure messaging (the caregiver here holds only `medications`; the teen's parent never has messages) ----
  ...messagingRows(),

  // ---- referrals (the caregiver here holds only `medications`; a teen's parent never has referrals) ----
  ...referralRows(),

  // ---- health updates (the caregiver here holds only `medications`; a teen's parent never has health_updates) ----
  ...healthUpdateRows(),

  // ---- the operations dashboard (administrators only: aggregates, no patient data) ----
  "GET /api/operations": staff(["admin"], () => get("/api/operations")),
  "GET /api/operations/figures/{figure}": staff(["admin"], () => get("/api/operations/figures/attendance")),

  // ---- SMART App Launch: the consent page and connected apps (the user's own), app registration ----
  "GET /api/smart/authorizations/{uid}": signedIn(() => get("/api/smart/authorizations/no-such-request")),
  "POST /api/smart/authorizations/{uid}/allow": signedIn(() =>
    post("/api/smart/authorizations/no-such-request/allow", { patientId: randomUUID(), types: ["Patient"] }),
  ),
  "POST /api/smart/authorizations/{uid}/deny": signedIn(() => post("/api/smart/authorizations/no-such-request/deny")),
  "GET /api/smart/connected-apps": signedIn(() => get("/api/smart/connected-apps")),
  "POST /api/smart/connected-apps/{grantId}/revoke": signedIn(() =>
    post("/api/smart/connected-apps/no-such-grant/revoke"),
  ),
  "GET /api/smart/clients": staff(["admin"], () => get("/api/smart/clients")),
  "POST /api/smart/clients": staff(["admin"], () =>
    post("/api/smart/clients", { name: "Matrix app", confidential: false, redirectUris: ["https://app.example/cb"] }),
  ),
  "POST /api/smart/clients/{clientId}/disable": staff(["admin"], () => post("/api/smart/clients/app-nope/disable")),

  // ---- the staff work queue ----
  "GET /api/work-queue/counts": signedIn(() => get("/api/work-queue/counts")),
  "POST /api/work-queue/items/{id}/claim": staff(["nurse", "physician"], () =>
    post(`/api/work-queue/items/${randomUUID()}/claim`),
  ),
  "POST /api/work-queue/items/{id}/release": staff(["nurse", "physician"], () =>
    post(`/api/work-queue/items/${randomUUID()}/release`),
  ),
  "GET /api/work-queue/items/{id}/assignees": staff(["nurse", "physician"], () =>
    get(`/api/work-queue/items/${randomUUID()}/assignees`),
  ),
  "POST /api/work-queue/items/{id}/assign": staff(["nurse", "physician"], (_x, f) =>
    post(`/api/work-queue/items/${randomUUID()}/assign`, { userId: f.clinic.physician.id }),
  ),
};

/** Refills: the medication list and requests are `medications` data; the queue and protocol are staff endpoints. */
function refillRows(): Record<string, Row> {
  // the matrix's proxy without a scope and teen parent both hold `medications`
  const medications = (request: Row["request"], patientData = true): Row =>
    moduleData(request, patientData, { proxyWithoutScope: "allowed", teenParent: "allowed" });
  const M = (x: Target) => `${P(x)}/medications/${randomUUID()}`;
  const medication = {
    name: "Matrix 1 mg tablet",
    dose: "1 mg",
    directions: "Take 1 tablet",
    quantity: 30,
    daysSupply: 30,
    refillsRemaining: 1,
    controlledSchedule: "none",
  };
  const put = (url: string, payload: unknown) => ({ method: "PUT", url, payload }) as unknown as Req;
  return {
    "GET /api/patients/{patientId}/medications": medications((x) => get(`${P(x)}/medications`)),
    "GET /api/patients/{patientId}/medications/{medicationId}": medications((x) => get(M(x)), false),
    "POST /api/patients/{patientId}/medications": careTeamWork((x, f) =>
      post(`${P(x)}/medications`, { ...medication, prescriberId: f.clinic.providerId }),
    ),
    "PATCH /api/patients/{patientId}/medications/{medicationId}": careTeamWork((x) => patch(M(x), { dose: "2 mg" })),
    "POST /api/patients/{patientId}/medications/{medicationId}/stop": careTeamWork((x) =>
      post(`${M(x)}/stop`, { reason: "Matrix" }),
    ),
    "GET /api/patients/{patientId}/lab-results": careTeamWork((x) => get(`${P(x)}/lab-results`)),
    "POST /api/patients/{patientId}/lab-results": careTeamWork((x) =>
      post(`${P(x)}/lab-results`, { labCode: "tsh", resultedOn: "2026-01-02" }),
    ),
    "POST /api/patients/{patientId}/refill-requests": medications((x) =>
      post(`${P(x)}/refill-requests`, { medicationIds: [randomUUID()] }),
    ),
    "GET /api/patients/{patientId}/refill-requests": medications((x) => get(`${P(x)}/refill-requests`)),
    "GET /api/patients/{patientId}/refill-requests/{requestId}": medications(
      (x) => get(`${P(x)}/refill-requests/${randomUUID()}`),
      false,
    ),
    "GET /api/refill-queue": staff(["nurse", "physician"], () => get("/api/refill-queue")),
    "POST /api/refill-queue/{itemId}/approve": staff(["nurse", "physician"], () =>
      post(`/api/refill-queue/${randomUUID()}/approve`, { quantity: 30, refills: 0 }),
    ),
    "POST /api/refill-queue/{itemId}/deny": staff(["nurse", "physician"], () =>
      post(`/api/refill-queue/${randomUUID()}/deny`, { reason: "Matrix" }),
    ),
    "POST /api/refill-queue/bulk-approve": staff(["nurse", "physician"], () =>
      post("/api/refill-queue/bulk-approve", { itemIds: [randomUUID()] }),
    ),
    "GET /api/refill-protocol": staff(["admin", "nurse", "physician"], () => get("/api/refill-protocol")),
    "GET /api/refill-protocol/versions/{version}": staff(["admin", "nurse", "physician"], () =>
      get("/api/refill-protocol/versions/1"),
    ),
    "PUT /api/refill-protocol": staff(["admin"], () =>
      put("/api/refill-protocol", { classes: [], visitWindowDays: 365, labRequirements: [], earlyRefillFraction: 0.5 }),
    ),
  };
}

/** Referrals: a patient's referrals are `referrals` data; the practice's queue and a specialist's list are staff endpoints. */
function referralRows(): Record<string, Row> {
  const R = (x: Target) => `${P(x)}/referrals/${randomUUID()}`;
  const request = { specialty: "cardiology", reason: "Matrix reason", urgency: "routine" };
  const queue = (r: Row["request"]): Row => staff(["nurse", "physician"], r);
  return {
    "GET /api/patients/{patientId}/referrals": moduleData((x) => get(`${P(x)}/referrals`)),
    "GET /api/patients/{patientId}/referrals/{referralId}": moduleData((x) => get(R(x)), false),
    "POST /api/patients/{patientId}/referrals": moduleData((x) => post(`${P(x)}/referrals`, request)),
    "POST /api/patients/{patientId}/referrals/{referralId}/cancel": moduleData((x) => post(`${R(x)}/cancel`)),
    "POST /api/patients/{patientId}/referrals/staff": careTeamWork((x) => post(`${P(x)}/referrals/staff`, request)),
    "GET /api/referral-queue": queue(() => get("/api/referral-queue")),
    "POST /api/referral-queue/{referralId}/approve": queue(() =>
      post(`/api/referral-queue/${randomUUID()}/approve`, {
        specialty: "cardiology",
        visits: 1,
        expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      }),
    ),
    "POST /api/referral-queue/{referralId}/deny": queue(() =>
      post(`/api/referral-queue/${randomUUID()}/deny`, { reason: "Matrix" }),
    ),
    "POST /api/referral-queue/{referralId}/ask-for-visit": queue(() =>
      post(`/api/referral-queue/${randomUUID()}/ask-for-visit`, {}),
    ),
    "GET /api/referrals/incoming": staff(["physician"], () => get("/api/referrals/incoming")),
  };
}

/** Health updates: a patient's readings are `health_updates` data; the flag queue and ranges are staff endpoints. */
function healthUpdateRows(): Record<string, Row> {
  const put = (url: string, payload: unknown) => ({ method: "PUT", url, payload }) as unknown as Req;
  const F = () => `/api/health-flags/${randomUUID()}`;
  return {
    "GET /api/patients/{patientId}/health-updates": moduleData((x) => get(`${P(x)}/health-updates`)),
    "POST /api/patients/{patientId}/health-updates/readings": moduleData((x) =>
      post(`${P(x)}/health-updates/readings`, { measure: "heart_rate", unit: "bpm", value: 70 }),
    ),
    "POST /api/patients/{patientId}/health-updates/questionnaires": moduleData((x) =>
      post(`${P(x)}/health-updates/questionnaires`, { kind: "gad7", answers: [0, 0, 0, 0, 0, 0, 0] }),
    ),
    "GET /api/health-flags": staff(["nurse", "physician"], () => get("/api/health-flags")),
    "POST /api/health-flags/{flagId}/acknowledge": staff(["nurse", "physician"], () => post(`${F()}/acknowledge`)),
    "POST /api/health-flags/{flagId}/resolve": staff(["nurse", "physician"], () => post(`${F()}/resolve`)),
    "GET /api/health-flag-ranges": staff(["admin", "nurse", "physician"], () => get("/api/health-flag-ranges")),
    "PUT /api/health-flag-ranges": staff(["admin"], () =>
      put("/api/health-flag-ranges", {
        ranges: [
          { key: "weight", urgentBelow: null, attentionBelow: null, attentionAtOrAbove: null, urgentAtOrAbove: null },
        ],
      }),
    ),
  };
}

/** Messaging: conversations are `messages` data; the inbox, thread work and settings are staff endpoints. */
function messagingRows(): Record<string, Row> {
  const put = (url: string, payload: unknown) => ({ method: "PUT", url, payload }) as unknown as Req;
  const T = (x: Target) => `${P(x)}/messages/threads/${randomUUID()}`;
  const S = () => `/api/messages/threads/${randomUUID()}`;
  const pool = (f: Fixtures) => ({
    name: `Matrix pool ${randomUUID()}`,
    readersDescription: "Matrix",
    readersDescriptionEs: "Matrix",
    locationId: f.clinic.locationId,
    responseTargetBusinessHours: 4,
    memberUserIds: [],
    topics: [],
  });
  return {
    "GET /api/patients/{patientId}/messages/topics": moduleData((x) => get(`${P(x)}/messages/topics`)),
    "GET /api/patients/{patientId}/messages/routing": moduleData(
      (x) => get(`${P(x)}/messages/routing?topic=billing`),
      false,
    ),
    "GET /api/patients/{patientId}/messages/threads": moduleData((x) => get(`${P(x)}/messages/threads`)),
    "POST /api/patients/{patientId}/messages/threads": moduleData((x) =>
      post(`${P(x)}/messages/threads`, { topic: "other", subject: "Matrix", body: "Matrix" }),
    ),
    "GET /api/patients/{patientId}/messages/threads/{threadId}": moduleData((x) => get(T(x)), false),
    "POST /api/patients/{patientId}/messages/threads/{threadId}/messages": moduleData((x) =>
      post(`${T(x)}/messages`, { body: "Matrix" }),
    ),
    "GET /api/patients/{patientId}/messages/threads/{threadId}/attachments/{attachmentId}": moduleData(
      (x) => get(`${T(x)}/attachments/${randomUUID()}`),
      false,
    ),
    "POST /api/patients/{patientId}/messages/attachments": moduleData((x) => ({
      method: "POST",
      url: `${P(x)}/messages/attachments`,
      payload: PNG,
      headers: { "content-type": "image/png" },
    })),
    "GET /api/messages/inbox": staff(["nurse", "physician"], () => get("/api/messages/inbox")),
    "GET /api/messages/threads/{id}": careTeamWork(() => get(S())),
    "POST /api/messages/threads/{id}/messages": careTeamWork(() => post(`${S()}/messages`, { body: "Matrix" })),
    "POST /api/messages/threads/{id}/notes": careTeamWork(() => post(`${S()}/notes`, { body: "Matrix" })),
    "POST /api/messages/threads/{id}/close": careTeamWork(() => post(`${S()}/close`, {})),
    "POST /api/messages/threads/{id}/reopen": careTeamWork(() => post(`${S()}/reopen`)),
    "GET /api/messages/threads/{id}/attachments/{attachmentId}": careTeamWork(() =>
      get(`${S()}/attachments/${randomUUID()}`),
    ),
    "POST /api/messages/threads/{id}/attachments": careTeamWork(() => ({
      method: "POST",
      url: `${S()}/attachments`,
      payload: PNG,
      headers: { "content-type": "image/png" },
    })),
    // pool members and admins; a clinician in no pool gets 404 for the pool
    "GET /api/messages/pools/{poolId}/quick-replies": staff(
      ["admin", "nurse", "physician"],
      () => get(`/api/messages/pools/${randomUUID()}/quick-replies`),
      { unrelatedPhysician: 404, unrelatedNurse: 404, admin: 404 },
    ),
    "POST /api/messages/pools/{poolId}/quick-replies": staff(
      ["admin", "nurse", "physician"],
      () => post(`/api/messages/pools/${randomUUID()}/quick-replies`, { title: "Matrix", body: "Matrix" }),
      { unrelatedPhysician: 404, unrelatedNurse: 404, admin: 404 },
    ),
    "PUT /api/messages/pools/{poolId}/quick-replies/{id}": staff(
      ["admin", "nurse", "physician"],
      () => put(`/api/messages/pools/${randomUUID()}/quick-replies/${randomUUID()}`, { title: "M", body: "M" }),
      { unrelatedPhysician: 404, unrelatedNurse: 404, admin: 404 },
    ),
    "DELETE /api/messages/pools/{poolId}/quick-replies/{id}": staff(
      ["admin", "nurse", "physician"],
      () => del(`/api/messages/pools/${randomUUID()}/quick-replies/${randomUUID()}`),
      { unrelatedPhysician: 404, unrelatedNurse: 404, admin: 404 },
    ),
    "GET /api/messages/office-hours": staff(["physician"], () => get("/api/messages/office-hours")),
    "PUT /api/messages/office-hours": staff(["physician"], () =>
      put("/api/messages/office-hours", { timeZone: "UTC", hours: [], coveringPoolId: null, outOfOffice: null }),
    ),
    "GET /api/messages/digest-preferences": staff(["nurse", "physician"], () =>
      get("/api/messages/digest-preferences"),
    ),
    "PUT /api/messages/digest-preferences": staff(["nurse", "physician"], () =>
      put("/api/messages/digest-preferences", { enabled: false, times: [], timeZone: "UTC" }),
    ),
    "GET /api/admin/message-pools": staff(["admin"], () => get("/api/admin/message-pools")),
    "POST /api/admin/message-pools": staff(["admin"], (_x, f) => post("/api/admin/message-pools", pool(f))),
    "PUT /api/admin/message-pools/{id}": staff(["admin"], (_x, f) =>
      put(`/api/admin/message-pools/${randomUUID()}`, pool(f)),
    ),
    "GET /api/admin/locations/{id}/holidays": staff(["admin"], (_x, f) =>
      get(`/api/admin/locations/${f.clinic.locationId}/holidays`),
    ),
    "PUT /api/admin/locations/{id}/holidays": staff(["admin"], (_x, f) =>
      put(`/api/admin/locations/${f.clinic.locationId}/holidays`, { holidays: [] }),
    ),
  };
}

describe("access matrix: every route in the OpenAPI document", () => {
  const t = useTestApp();
  let routes: string[];
  let f: Fixtures;
  const clients = {} as Record<Exclude<Who, "anonymous">, SignedInClient>;
  let owner: SignedInClient;

  const insertVisit = async (patientId: string, hoursAhead: number) => {
    const start = new Date(t.clock.now().getTime() + hoursAhead * 3_600_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    return (
      await t.database.db
        .insertInto("appointments")
        .values({
          patient_id: patientId,
          provider_id: f.clinic.providerId,
          location_id: f.clinic.locationId,
          visit_type_id: f.clinic.visitTypes.established,
          starts_at: start,
          ends_at: end,
          blocked: sql<string>`tstzrange(${start}, ${end})`,
          status: "booked",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  };

  const targetOf = async (patient: TestPatient, hoursAhead: number, proxy: TestUser): Promise<Target> => {
    const appointmentId = await insertVisit(patient.id, hoursAhead);
    const owner = await signIn(t, patient.user as TestUser);
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/patients/${patient.id}/files?kind=identity_document`,
      headers: { ...owner.headers, "content-type": "image/png" },
      payload: PNG,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const grantId = await makeProxyGrant(t, {
      patientId: patient.id,
      proxyUserId: proxy.id,
      relationship: "caregiver",
      scopes: ["appointments"],
    });
    return { patientId: patient.id, appointmentId, fileId: upload.json().id, grantId };
  };

  beforeAll(async () => {
    await t.app.ready();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );

    const clinic = await makeTestClinic(t);
    const otherLocationId = (
      await t.database.db
        .insertInto("locations")
        .values({ name: "Elsewhere", time_zone: "America/Chicago" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    f = { clinic, otherLocationId } as Fixtures;
    const year = t.clock.now().getUTCFullYear();
    const adult = await makePatient(t, { withLogin: true, pcpProviderId: clinic.providerId });
    const teen = await makePatient(t, { withLogin: true, dateOfBirth: `${year - 15}-01-01` });
    const other = await makePatient(t, { withLogin: true });
    const helper = await makeUser(t);
    f.adult = await targetOf(adult, 30, helper);
    f.teen = await targetOf(teen, 40, helper);
    const pending = await makePatient(t, { status: "pending_verification" });
    f.pendingPatientId = pending.id;
    f.identityRequestId = (
      await t.database.db
        .insertInto("identity_change_requests")
        .values({
          patient_id: adult.id,
          requested_by: (adult.user as TestUser).id,
          changes: JSON.stringify({ legalGivenName: "Jo" }),
          reason: "Legal change",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;

    const proxy = await makeProxy(t, { patientId: adult.id, scopes: ["medications"] });
    const parent = await makeProxy(t, {
      patientId: teen.id,
      relationship: "parent",
      scopes: ["appointments", "medications"],
    });
    const desk = await makeStaff(t, "front_desk");
    await t.database.db
      .insertInto("staff_locations")
      .values({ user_id: desk.id, location_id: otherLocationId })
      .execute();
    const users: Record<Exclude<Who, "anonymous">, TestUser> = {
      otherPatient: other.user as TestUser,
      proxyWithoutScope: proxy,
      teenParent: parent,
      admin: await makeStaff(t, "admin"),
      unrelatedPhysician: await makeStaff(t, "physician"),
      unrelatedNurse: await makeStaff(t, "nurse"),
      deskElsewhere: desk,
    };
    owner = await signIn(t, adult.user as TestUser);
    for (const [who, user] of Object.entries(users)) {
      clients[who as Exclude<Who, "anonymous">] = await signIn(t, user);
    }
  });

  it("has a row for every route, and no row for a route that is gone", () => {
    const missing = routes.filter((r) => !(r in MATRIX));
    expect(missing, "routes without an access-matrix row").toEqual([]);
    const stale = Object.keys(MATRIX).filter((r) => !routes.includes(r));
    expect(stale, "rows for routes that no longer exist").toEqual([]);
  });

  it("says for every row what each kind of user gets (or why nobody is refused)", () => {
    for (const [route, row] of Object.entries(MATRIX)) {
      expect(Object.keys(row.expect).sort(), route).toEqual([...EVERYONE].sort());
      if (Object.values(row.expect).every((o) => o === "n/a")) expect(row.note, route).toBeTruthy();
    }
  });

  const send = async (who: Who, request: Req) => {
    const auth = who === "anonymous" ? {} : clients[who].headers;
    return t.app.inject({
      method: request.method,
      url: request.url,
      payload: request.payload as never,
      headers: { ...auth, ...(request.headers ?? {}) },
    });
  };

  it.each(Object.keys(MATRIX))("%s refuses whom it must", async (route) => {
    const row = MATRIX[route] as Row;
    const problems: string[] = [];
    for (const who of EVERYONE) {
      const expected = row.expect[who];
      if (typeof expected !== "number") continue;
      // the parent of an adolescent is tried against the teen; everyone else against the adult
      const target = who === "teenParent" ? f.teen : f.adult;
      const res = await send(who, row.request(target, f));
      if (res.statusCode !== expected) {
        problems.push(`${who}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
        continue;
      }
      if (expected === 404 || expected === 403) {
        const requestId = String(res.headers["x-request-id"] ?? "");
        const denied = await t.database.db
          .selectFrom("audit_log")
          .select("id")
          .where("request_id", "=", requestId)
          .where("outcome", "=", "denied")
          .executeTakeFirst();
        if (!denied) problems.push(`${who}: ${expected} without an audited denial (not the access check?)`);
      }
    }
    // the same request by the patient themself is answered: the refusals above are the access check's
    const own = row.request(f.adult, f);
    if (row.patientData && own.method === "GET") {
      const res = await t.app.inject({ method: "GET", url: own.url, headers: owner.headers });
      if (res.statusCode >= 400) problems.push(`the patient themself: got ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
  });
});

/** Post-visit surveys (public single-use link; results for admins) and the whole-record download (`records`, patient-facing). */
function surveyAndRecordRows(): Record<string, Row> {
  return {
    "POST /api/surveys/open": publicRoute(() => post("/api/surveys/open"), "by emailed single-use token"),
    "POST /api/surveys/answer": publicRoute(() => post("/api/surveys/answer"), "by emailed single-use token"),
    "GET /api/surveys/results": staff(["admin"], () => get("/api/surveys/results")),
    "GET /api/patients/{patientId}/record": patientData("records", "read", (x) => get(`${P(x)}/record?format=json`), {
      // the download is for the patient and their proxies with `records`, not staff (the matrix's
      // teen parent holds no `records`; one who does gets it restricted: records.test.ts)
      deskElsewhere: 404,
    }),
    "GET /api/patients/{patientId}/record/contents": patientData(
      "records",
      "read",
      (x) => get(`${P(x)}/record/contents`),
      { deskElsewhere: 404 },
    ),
  };
}
