import { describe, expect, it } from "vitest";
import type { ProxyRelationship, ProxyScope, StaffRole } from "../../db/tables/people.ts";
import { type Actor, type ActorGrant, ANONYMOUS, systemActor } from "../context.ts";
import {
  type AccessAction,
  ageOn,
  decidePatientAccess,
  effectiveScopes,
  type GrantFacts,
  grantInForce,
  PATIENT_SCOPES,
  type PatientFacts,
  type RelationshipFacts,
} from "./policy.ts";

const NOW = new Date("2026-03-02T14:00:00Z");
const DAY = 86_400_000;
const ALL: ProxyScope[] = ["appointments", "messages", "medications", "referrals", "health_updates", "records"];

const adult: PatientFacts = { id: "p-adult", dateOfBirth: "1980-05-01", status: "active" };
const teen: PatientFacts = { id: "p-teen", dateOfBirth: "2010-06-15", status: "active" }; // 15
const child: PatientFacts = { id: "p-child", dateOfBirth: "2018-04-01", status: "active" }; // 7
const newAdult: PatientFacts = { id: "p-18", dateOfBirth: "2008-01-10", status: "active" }; // 18 since 2026-01-10
const pending: PatientFacts = { id: "p-pending", dateOfBirth: "1990-01-01", status: "pending_verification" };
const merged: PatientFacts = { id: "p-merged", dateOfBirth: "1990-01-01", status: "merged" };

function grant(
  patient: PatientFacts,
  scopes: ProxyScope[],
  options: { relationship?: ProxyRelationship; startsAt?: Date; endsAt?: Date | null } = {},
): ActorGrant {
  return {
    grantId: `g-${patient.id}`,
    patientId: patient.id,
    relationship: options.relationship ?? "caregiver",
    scopes,
    startsAt: options.startsAt ?? new Date(NOW.getTime() - 30 * DAY),
    endsAt: options.endsAt ?? null,
  };
}

function user(options: { roles?: StaffRole[]; patientId?: string; providerId?: string; grants?: ActorGrant[] }): Actor {
  return {
    kind: "user",
    userId: "u-1",
    roles: options.roles ?? [],
    patientId: options.patientId ?? null,
    providerId: options.providerId ?? null,
    grants: options.grants ?? [],
  };
}

const CELLS = PATIENT_SCOPES.flatMap((scope) =>
  (["read", "write"] as AccessAction[]).map((action) => `${scope}:${action}`),
);
const everything = CELLS;
const allBut = (...excluded: string[]) => CELLS.filter((c) => !excluded.some((e) => c.startsWith(e)));
const none: string[] = [];
/** what the front desk may do on an active record, whatever other role it has */
const frontDeskTasks = [
  "summary:read",
  "summary:write",
  "profile:read",
  "profile:write",
  "appointments:read",
  "appointments:write",
  "proxies:read",
  "proxies:write",
];

interface Case {
  name: string;
  actor: Actor;
  patient: PatientFacts;
  relationship?: RelationshipFacts;
  allowed: string[];
}

const noRelation: RelationshipFacts = { isCareTeam: false };
const careTeam: RelationshipFacts = { isCareTeam: true };
const queue: RelationshipFacts = { isCareTeam: false, hasQueueReason: true };

const matrix: Case[] = [
  { name: "adult patient, own record", actor: user({ patientId: adult.id }), patient: adult, allowed: everything },
  {
    name: "adolescent patient, own record (cannot change grants)",
    actor: user({ patientId: teen.id }),
    patient: teen,
    allowed: allBut("proxies:write"),
  },
  { name: "patient, someone else's record", actor: user({ patientId: adult.id }), patient: child, allowed: none },
  {
    name: "patient with a pending record, own record",
    actor: user({ patientId: pending.id }),
    patient: pending,
    allowed: everything,
  },
  { name: "patient, own merged record", actor: user({ patientId: merged.id }), patient: merged, allowed: none },
  {
    name: "proxy in scope (appointments, messages)",
    actor: user({ grants: [grant(adult, ["appointments", "messages"], { relationship: "spouse" })] }),
    patient: adult,
    allowed: [
      "summary:read",
      "profile:read",
      "appointments:read",
      "appointments:write",
      "messages:read",
      "messages:write",
    ],
  },
  {
    name: "proxy with records may also update the profile",
    actor: user({ grants: [grant(adult, ["records"], { relationship: "legal_representative" })] }),
    patient: adult,
    allowed: ["summary:read", "summary:write", "profile:read", "profile:write", "records:read", "records:write"],
  },
  {
    name: "proxy out of scope (medications only) asking for the rest",
    actor: user({ grants: [grant(adult, ["medications"])] }),
    patient: adult,
    allowed: ["summary:read", "profile:read", "medications:read", "medications:write"],
  },
  {
    name: "proxy with an expired grant",
    actor: user({ grants: [grant(adult, ALL, { endsAt: new Date(NOW.getTime() - DAY) })] }),
    patient: adult,
    allowed: none,
  },
  {
    name: "proxy whose grant ends exactly now",
    actor: user({ grants: [grant(adult, ALL, { endsAt: NOW })] }),
    patient: adult,
    allowed: none,
  },
  {
    name: "proxy with a grant not yet started",
    actor: user({ grants: [grant(adult, ALL, { startsAt: new Date(NOW.getTime() + DAY) })] }),
    patient: adult,
    allowed: none,
  },
  {
    name: "proxy of a different patient",
    actor: user({ grants: [grant(child, ALL, { relationship: "parent" })] }),
    patient: adult,
    allowed: none,
  },
  {
    name: "proxy of a pending record",
    actor: user({ grants: [grant(pending, ALL)] }),
    patient: pending,
    allowed: none,
  },
  {
    name: "parent of a 7-year-old with every scope (no onward granting)",
    actor: user({ grants: [grant(child, ALL, { relationship: "parent" })] }),
    patient: child,
    allowed: allBut("proxies"),
  },
  {
    name: "parent of a 15-year-old with every scope: appointments and medications only",
    actor: user({ grants: [grant(teen, ALL, { relationship: "parent" })] }),
    patient: teen,
    allowed: ["summary:read", "appointments:read", "appointments:write", "medications:read", "medications:write"],
  },
  {
    name: "guardian of a 15-year-old with messages only: nothing but name and date of birth",
    actor: user({ grants: [grant(teen, ["messages"], { relationship: "guardian" })] }),
    patient: teen,
    allowed: ["summary:read"],
  },
  {
    name: "caregiver (not parent) of a 15-year-old keeps the granted scopes",
    actor: user({ grants: [grant(teen, ["messages"], { relationship: "caregiver" })] }),
    patient: teen,
    allowed: ["summary:read", "profile:read", "messages:read", "messages:write"],
  },
  {
    name: "parent of an 18-year-old with a grant from before the birthday",
    actor: user({
      grants: [grant(newAdult, ALL, { relationship: "parent", startsAt: new Date("2024-01-01T00:00:00Z") })],
    }),
    patient: newAdult,
    allowed: none,
  },
  {
    name: "parent of an 18-year-old with a grant renewed after the birthday",
    actor: user({
      grants: [
        grant(newAdult, ["appointments"], { relationship: "parent", startsAt: new Date("2026-02-01T00:00:00Z") }),
      ],
    }),
    patient: newAdult,
    allowed: ["summary:read", "profile:read", "appointments:read", "appointments:write"],
  },
  {
    name: "front desk, active patient",
    actor: user({ roles: ["front_desk"] }),
    patient: adult,
    allowed: frontDeskTasks,
  },
  {
    name: "front desk, pending registration: profile (and summary) only",
    actor: user({ roles: ["front_desk"] }),
    patient: pending,
    allowed: ["summary:read", "summary:write", "profile:read", "profile:write"],
  },
  {
    name: "nurse on the care team",
    actor: user({ roles: ["nurse"] }),
    patient: adult,
    relationship: careTeam,
    allowed: allBut("proxies"),
  },
  {
    name: "nurse with a queue reason",
    actor: user({ roles: ["nurse"] }),
    patient: adult,
    relationship: queue,
    allowed: allBut("proxies"),
  },
  {
    name: "nurse with no relation",
    actor: user({ roles: ["nurse"] }),
    patient: adult,
    relationship: noRelation,
    allowed: none,
  },
  {
    name: "nurse on the care team of a pending record",
    actor: user({ roles: ["nurse"] }),
    patient: pending,
    relationship: careTeam,
    allowed: none,
  },
  {
    name: "physician, own patient",
    actor: user({ roles: ["physician"], providerId: "prov-1" }),
    patient: adult,
    relationship: careTeam,
    allowed: allBut("proxies"),
  },
  {
    name: "physician with a queue reason",
    actor: user({ roles: ["physician"], providerId: "prov-1" }),
    patient: adult,
    relationship: queue,
    allowed: allBut("proxies"),
  },
  {
    name: "physician, not their patient",
    actor: user({ roles: ["physician"], providerId: "prov-1" }),
    patient: adult,
    relationship: noRelation,
    allowed: none,
  },
  { name: "admin", actor: user({ roles: ["admin"] }), patient: adult, relationship: careTeam, allowed: none },
  {
    name: "nurse who is the patient, own record",
    actor: user({ roles: ["nurse"], patientId: adult.id }),
    patient: adult,
    allowed: everything,
  },
  {
    name: "admin who is also a proxy: the grant's scopes",
    actor: user({ roles: ["admin"], grants: [grant(adult, ["appointments"])] }),
    patient: adult,
    allowed: ["summary:read", "profile:read", "appointments:read", "appointments:write"],
  },
  {
    name: "front desk who is also a nurse with no relation: front-desk tasks only",
    actor: user({ roles: ["front_desk", "nurse"] }),
    patient: adult,
    allowed: frontDeskTasks,
  },
  { name: "anonymous", actor: ANONYMOUS, patient: adult, relationship: careTeam, allowed: none },
  { name: "system actor", actor: systemActor("reminders"), patient: adult, allowed: everything },
  { name: "system actor, merged record", actor: systemActor("merge"), patient: merged, allowed: everything },
];

describe("patient access policy matrix (role × relationship × scope × action)", () => {
  for (const c of matrix) {
    it(`${c.name}`, () => {
      const got = CELLS.filter((cell) => {
        const [scope, action] = cell.split(":") as [(typeof PATIENT_SCOPES)[number], AccessAction];
        return decidePatientAccess(c.actor, c.patient, c.relationship ?? noRelation, { scope, action }, NOW).allowed;
      });
      expect(got).toEqual(CELLS.filter((cell) => c.allowed.includes(cell)));
    });
  }
});

describe("confidential records and patient-facing views", () => {
  const proxy = user({ grants: [grant(adult, ALL)] });
  const physician = user({ roles: ["physician"], providerId: "prov-1" });

  it("never shows a confidential record to a proxy, even with the scope", () => {
    const d = decidePatientAccess(
      proxy,
      adult,
      noRelation,
      { scope: "records", action: "read", confidential: true },
      NOW,
    );
    expect(d).toEqual({ allowed: false, reason: "confidential" });
  });

  it("shows a confidential record to the patient and the care team", () => {
    const req = { scope: "records" as const, action: "read" as const, confidential: true };
    expect(decidePatientAccess(user({ patientId: adult.id }), adult, noRelation, req, NOW).allowed).toBe(true);
    expect(decidePatientAccess(physician, adult, careTeam, req, NOW).allowed).toBe(true);
  });

  it("tells list queries to leave confidential rows out for proxies only", () => {
    const asProxy = decidePatientAccess(proxy, adult, noRelation, { scope: "records", action: "read" }, NOW);
    const asSelf = decidePatientAccess(
      user({ patientId: adult.id }),
      adult,
      noRelation,
      { scope: "records", action: "read" },
      NOW,
    );
    expect(asProxy.allowed && asProxy.includeConfidential).toBe(false);
    expect(asSelf.allowed && asSelf.includeConfidential).toBe(true);
  });

  it("keeps patient-facing views (the access log) from staff but not from the patient or a proxy", () => {
    const req = { scope: "records" as const, action: "read" as const, patientFacing: true };
    expect(decidePatientAccess(physician, adult, careTeam, req, NOW)).toEqual({
      allowed: false,
      reason: "role_not_permitted",
    });
    expect(decidePatientAccess(user({ patientId: adult.id }), adult, noRelation, req, NOW).allowed).toBe(true);
    expect(decidePatientAccess(proxy, adult, noRelation, req, NOW).allowed).toBe(true);
  });

  it("says why a parent of an adolescent is refused messages", () => {
    const parent = user({ grants: [grant(teen, ALL, { relationship: "parent" })] });
    expect(decidePatientAccess(parent, teen, noRelation, { scope: "messages", action: "read" }, NOW)).toEqual({
      allowed: false,
      reason: "adolescent_restricted",
    });
    expect(decidePatientAccess(parent, teen, noRelation, { scope: "proxies", action: "read" }, NOW)).toEqual({
      allowed: false,
      reason: "proxy_cannot_manage_grants",
    });
  });

  it("lets a teen's parent whose grant holds `records` download the record restricted, and nothing else by `records`", () => {
    const download = { scope: "records" as const, action: "read" as const, recordDownload: true };
    const withRecords = user({
      grants: [grant(teen, ["appointments", "medications", "records"], { relationship: "parent" })],
    });
    expect(decidePatientAccess(withRecords, teen, noRelation, download, NOW)).toMatchObject({
      allowed: true,
      basis: "proxy",
      restricted: true,
      includeConfidential: false,
    });
    // the same grant reads `records` nowhere else (the access log)
    expect(decidePatientAccess(withRecords, teen, noRelation, { scope: "records", action: "read" }, NOW)).toEqual({
      allowed: false,
      reason: "adolescent_restricted",
    });
    const without = user({ grants: [grant(teen, ["appointments", "medications"], { relationship: "parent" })] });
    expect(decidePatientAccess(without, teen, noRelation, download, NOW).allowed).toBe(false);
    // a caregiver without `records` and an adult's parent without it stay refused too
    const caregiver = user({ grants: [grant(adult, ["medications"])] });
    expect(decidePatientAccess(caregiver, adult, noRelation, download, NOW).allowed).toBe(false);
    // an unrestricted grant with `records` downloads unrestricted
    const full = user({ grants: [grant(adult, ["records"])] });
    expect(decidePatientAccess(full, adult, noRelation, download, NOW)).toMatchObject({
      allowed: true,
      restricted: false,
    });
  });

  it("records which grant and basis allowed the access", () => {
    const d = decidePatientAccess(proxy, adult, noRelation, { scope: "messages", action: "write" }, NOW);
    expect(d).toMatchObject({ allowed: true, basis: "proxy", grantId: `g-${adult.id}`, restricted: false });
    const n = decidePatientAccess(
      user({ roles: ["nurse"] }),
      adult,
      queue,
      { scope: "medications", action: "write" },
      NOW,
    );
    expect(n).toMatchObject({ allowed: true, basis: "nurse", grantId: null });
  });
});

describe("grantInForce and effectiveScopes", () => {
  const base = (patient: PatientFacts, overrides: Partial<GrantFacts> = {}): GrantFacts => ({
    ...grant(patient, ALL, { relationship: "parent" }),
    ...overrides,
  });

  it("computes age by calendar date, including 29 February birthdays", () => {
    expect(ageOn("2008-03-02", NOW)).toBe(18);
    expect(ageOn("2008-03-03", NOW)).toBe(17);
    expect(ageOn("2008-02-29", new Date("2026-02-28T23:59:59Z"))).toBe(17);
    expect(ageOn("2008-02-29", new Date("2026-03-01T00:00:00Z"))).toBe(18);
  });

  it("restricts a parent grant from the 12th birthday until the 18th", () => {
    const turns12Today: PatientFacts = { id: "p", dateOfBirth: "2014-03-02", status: "active" };
    const turns12Tomorrow: PatientFacts = { id: "p", dateOfBirth: "2014-03-03", status: "active" };
    expect(effectiveScopes(base(turns12Today), turns12Today, NOW)).toEqual({
      inForce: true,
      scopes: ["appointments", "medications"],
      restricted: true,
    });
    expect(effectiveScopes(base(turns12Tomorrow), turns12Tomorrow, NOW)).toEqual({
      inForce: true,
      scopes: ALL,
      restricted: false,
    });
  });

  it("ends a parent grant on the 18th birthday unless the patient renewed it on or after that day", () => {
    const turns18Today: PatientFacts = { id: "p", dateOfBirth: "2008-03-02", status: "active" };
    const old = base(turns18Today, { startsAt: new Date("2025-01-01T00:00:00Z") });
    expect(grantInForce(old, turns18Today, new Date("2026-03-01T23:59:59Z"))).toBe(true);
    expect(grantInForce(old, turns18Today, NOW)).toBe(false);
    const renewed = base(turns18Today, { startsAt: new Date("2026-03-02T00:00:00Z") });
    expect(grantInForce(renewed, turns18Today, NOW)).toBe(true);
    expect(effectiveScopes(renewed, turns18Today, NOW)).toEqual({ inForce: true, scopes: ALL, restricted: false });
  });

  it("honours configurable age bounds", () => {
    const ages = { adolescentFrom: 13, adultAt: 19 };
    const twelve: PatientFacts = { id: "p", dateOfBirth: "2013-06-01", status: "active" };
    const eighteen: PatientFacts = { id: "p", dateOfBirth: "2007-06-01", status: "active" };
    expect(effectiveScopes(base(twelve), twelve, NOW, ages).restricted).toBe(false);
    expect(effectiveScopes(base(eighteen), eighteen, NOW, ages)).toMatchObject({ inForce: true, restricted: true });
  });

  it("is not in force when revoked, for another patient, or for an inactive record", () => {
    expect(grantInForce(base(child, { revokedAt: new Date(NOW.getTime() - 1) }), child, NOW)).toBe(false);
    expect(grantInForce(base(child, { revokedAt: new Date(NOW.getTime() + DAY) }), child, NOW)).toBe(true);
    expect(grantInForce(base(child), adult, NOW)).toBe(false);
    expect(grantInForce(base(merged), merged, NOW)).toBe(false);
    expect(effectiveScopes(base(merged), merged, NOW)).toEqual({ inForce: false, scopes: [], restricted: false });
  });
});
