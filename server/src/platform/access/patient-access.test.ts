import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProxyRelationship, ProxyScope, StaffRole } from "../../db/tables/people.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxyGrant,
  makeStaff,
  makeUser,
  type TestPatient,
  type TestUser,
} from "../../test/factories.ts";
import { type Actor, ANONYMOUS, type RequestContext, runWithContext, systemActor } from "../context.ts";
import { DomainError } from "../errors.ts";
import { inTransaction } from "../transaction.ts";
import { ensurePatientScopedQuery, type PatientAccess } from "./patient-access.ts";

const ALL: ProxyScope[] = ["appointments", "messages", "medications", "referrals", "health_updates", "records"];

function actorFor(
  user: Pick<TestUser, "id" | "roles" | "patientId" | "providerId">,
  grants: {
    grantId: string;
    patientId: string;
    relationship: ProxyRelationship;
    scopes: ProxyScope[];
    startsAt: Date;
  }[] = [],
): Actor {
  return {
    kind: "user",
    userId: user.id,
    roles: user.roles as StaffRole[],
    patientId: user.patientId,
    providerId: user.providerId,
    grants: grants.map((g) => ({ ...g, endsAt: null })),
  };
}

function contextOf(actor: Actor): RequestContext {
  return { requestId: `req-${randomUUID()}`, ip: "198.51.100.4", userAgent: "Vitest", actor };
}

describe("services.access: the enforcement point for patient data", () => {
  const t = useTestApp();
  let physician: TestUser;
  let otherPhysician: TestUser;
  let nurse: TestUser;
  let frontDesk: TestUser;
  let admin: TestUser;
  let adult: TestPatient;
  let teen: TestPatient;
  let stranger: TestPatient;
  let parent: TestUser;
  let parentGrantId: string;

  beforeAll(async () => {
    physician = await makeStaff(t, "physician", { displayName: "Dr. Chidi Okafor" });
    otherPhysician = await makeStaff(t, "physician");
    nurse = await makeStaff(t, "nurse");
    frontDesk = await makeStaff(t, "front_desk");
    admin = await makeStaff(t, "admin");
    adult = await makePatient(t, { withLogin: true, pcpProviderId: physician.providerId });
    stranger = await makePatient(t, { withLogin: true });
    const now = t.clock.now();
    const fifteen = `${now.getUTCFullYear() - 15}-01-15`;
    teen = await makePatient(t, { dateOfBirth: fifteen, pcpProviderId: physician.providerId });
    parent = await makeUser(t, { displayName: "Sam Rivera" });
    parentGrantId = await makeProxyGrant(t, {
      patientId: teen.id,
      proxyUserId: parent.id,
      relationship: "parent",
      scopes: ALL,
    });
  });

  const auditRows = (requestId: string) =>
    t.database.db.selectFrom("audit_log").selectAll().where("request_id", "=", requestId).orderBy("id").execute();

  async function attempt(actor: Actor, patientId: string, scope: ProxyScope | "profile" | "proxies", extra = {}) {
    const ctx = contextOf(actor);
    const outcome = await runWithContext(ctx, () =>
      t.app.services.access
        .authorizePatient(patientId, { scope, action: "read", resourceType: "test_record", ...extra })
        .then((access) => ({ access, error: null as DomainError | null }))
        .catch((error: DomainError) => ({ access: null as PatientAccess | null, error })),
    );
    return { ...outcome, ctx, rows: await auditRows(ctx.requestId) };
  }

  it("lets a patient read their own record, audits it and marks the request as acting for them", async () => {
    const { access, error, ctx, rows } = await attempt(actorFor(adult.user!), adult.id, "records", {
      resourceId: "r-1",
    });
    expect(error).toBeNull();
    expect(access).toMatchObject({ patientId: adult.id, scope: "records", basis: "patient", viaProxyGrantId: null });
    expect(ctx.actingForPatientId).toBe(adult.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: "success",
      action: "read",
      resource_type: "test_record",
      resource_id: "r-1",
      patient_id: adult.id,
      actor_user_id: adult.user!.id,
      acting_as: "patient",
    });
    expect(ensurePatientScopedQuery(access!, "records")).toBe(adult.id);
  });

  it("answers another patient's record with not_found and audits the denial", async () => {
    const { error, ctx, rows } = await attempt(actorFor(stranger.user!), adult.id, "appointments");
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.code).toBe("not_found");
    expect(error?.message).toBe("That patient was not found.");
    expect(ctx.actingForPatientId).toBeUndefined();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: "denied",
      patient_id: adult.id,
      actor_user_id: stranger.user!.id,
      details: { reason: "no_relationship", scope: "appointments" },
    });
  });

  it("answers a record that does not exist exactly like one the user may not see", async () => {
    const missing = randomUUID();
    const denied = await attempt(actorFor(stranger.user!), adult.id, "profile");
    const absent = await attempt(actorFor(stranger.user!), missing, "profile");
    expect(absent.error?.code).toBe(denied.error?.code);
    expect(absent.error?.message).toBe(denied.error?.message);
    expect(absent.rows[0]).toMatchObject({
      outcome: "denied",
      patient_id: missing,
      details: { reason: "no_such_patient" },
    });
    const malformed = await attempt(actorFor(stranger.user!), "not-a-uuid'; drop table patients;--", "profile");
    expect(malformed.error?.code).toBe("not_found");
    expect(malformed.rows[0]).toMatchObject({ outcome: "denied", patient_id: null });
  });

  it("keeps the denial in the audit log when the service's transaction rolls back", async () => {
    const ctx = contextOf(actorFor(stranger.user!));
    await expect(
      runWithContext(ctx, () =>
        inTransaction(t.database.db, () =>
          t.app.services.access.authorizePatient(adult.id, {
            scope: "messages",
            action: "write",
            resourceType: "message",
          }),
        ),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    await t.app.services.audit.flushPending(ctx);
    expect((await auditRows(ctx.requestId)).map((r) => r.outcome)).toEqual(["denied"]);
  });

  it("asks an anonymous caller to sign in, and audits the attempt", async () => {
    const { error, rows } = await attempt(ANONYMOUS, adult.id, "profile");
    expect(error?.code).toBe("unauthenticated");
    expect(rows[0]).toMatchObject({
      outcome: "denied",
      actor_kind: "anonymous",
      details: { reason: "unauthenticated" },
    });
  });

  it("lets the PCP in through the care-team query and keeps other physicians out", async () => {
    const own = await attempt(actorFor(physician), adult.id, "medications");
    expect(own.access).toMatchObject({ basis: "physician" });
    expect(own.rows[0]).toMatchObject({ outcome: "success", acting_as: "physician" });
    const other = await attempt(actorFor(otherPhysician), adult.id, "medications");
    expect(other.error?.code).toBe("not_found");
  });

  it("lets a nurse in only with a queue reason, and records the queue item", async () => {
    const without = await attempt(actorFor(nurse), adult.id, "medications");
    expect(without.error?.code).toBe("not_found");
    const withReason = await attempt(actorFor(nurse), adult.id, "medications", {
      reason: { queue: "refill_queue", itemId: "rr-42" },
    });
    expect(withReason.access).toMatchObject({ basis: "nurse" });
    expect(withReason.rows[0]).toMatchObject({
      outcome: "success",
      details: { scope: "medications", queue: "refill_queue", queueItemId: "rr-42" },
    });
  });

  it("lets front desk schedule but not read messages; keeps admins out of patient data", async () => {
    expect((await attempt(actorFor(frontDesk), adult.id, "appointments")).access).toMatchObject({
      basis: "front_desk",
    });
    expect((await attempt(actorFor(frontDesk), adult.id, "messages")).error?.code).toBe("not_found");
    expect((await attempt(actorFor(admin), adult.id, "profile")).error?.code).toBe("not_found");
  });

  it("limits a parent of a 15-year-old to appointments and medications and records the proxy grant", async () => {
    const actor = actorFor(parent, [
      { grantId: parentGrantId, patientId: teen.id, relationship: "parent", scopes: ALL, startsAt: new Date(0) },
    ]);
    const ok = await attempt(actor, teen.id, "appointments");
    expect(ok.access).toMatchObject({
      basis: "proxy",
      viaProxyGrantId: parentGrantId,
      restricted: true,
      includeConfidential: false,
    });
    expect(ok.rows[0]).toMatchObject({ outcome: "success", proxy_grant_id: parentGrantId, acting_as: "proxy" });
    const messages = await attempt(actor, teen.id, "messages");
    expect(messages.error?.code).toBe("not_found");
    expect(messages.rows[0]).toMatchObject({ outcome: "denied", details: { reason: "adolescent_restricted" } });
  });

  it("lets the named system actor through", async () => {
    const { access, rows } = await attempt(systemActor("reminders"), adult.id, "appointments");
    expect(access).toMatchObject({ basis: "system" });
    expect(rows[0]).toMatchObject({ actor_kind: "system", actor_system_name: "reminders", acting_as: "system" });
  });

  it("accepts care-team rules from other modules in the same query", async () => {
    const access = t.app.services.access;
    const marker = adult.mrn;
    access.addCareTeamRule((eb, actor) =>
      actor.userId === otherPhysician.id ? eb("patients.mrn", "=", marker) : null,
    );
    expect((await attempt(actorFor(otherPhysician), adult.id, "records")).access).toMatchObject({ basis: "physician" });
    expect((await attempt(actorFor(otherPhysician), teen.id, "records")).error?.code).toBe("not_found");
  });

  it("refuses a forged, mis-scoped or read-only PatientAccess in repository queries", async () => {
    const forged = { patientId: adult.id, scope: "records", action: "read" } as unknown as PatientAccess;
    expect(() => ensurePatientScopedQuery(forged, "records")).toThrow(/without a PatientAccess/);
    const { access } = await attempt(actorFor(adult.user!), adult.id, "appointments");
    expect(() => ensurePatientScopedQuery(access!, "messages")).toThrow(/was used for messages/);
    expect(() => ensurePatientScopedQuery(access!, "appointments", "write")).toThrow(/read-only/);
    expect(ensurePatientScopedQuery(access!, ["appointments", "records"])).toBe(adult.id);
  });

  describe("authorizeStaff", () => {
    const asActor = (actor: Actor) => {
      const ctx = contextOf(actor);
      return runWithContext(ctx, () =>
        t.app.services.access
          .authorizeStaff(["admin"], { resourceType: "audit_log", action: "search" })
          .then(() => ({ ok: true, code: null as string | null, ctx }))
          .catch((error: DomainError) => ({ ok: false, code: error.code as string | null, ctx })),
      );
    };

    it("passes a holder of the role and the system actor", async () => {
      expect((await asActor(actorFor(admin))).ok).toBe(true);
      expect((await asActor(systemActor("housekeeping"))).ok).toBe(true);
    });

    it("answers 403 forbidden to a signed-in user without the role, and audits it", async () => {
      const result = await asActor(actorFor(nurse));
      expect(result).toMatchObject({ ok: false, code: "forbidden" });
      expect(await auditRows(result.ctx.requestId)).toMatchObject([
        { outcome: "denied", action: "search", resource_type: "audit_log", details: { reason: "role_not_permitted" } },
      ]);
    });

    it("answers 401 to an anonymous caller", async () => {
      expect(await asActor(ANONYMOUS)).toMatchObject({ ok: false, code: "unauthenticated" });
    });
  });

  it("decides once per request: the service call reuses the facts the route guard loaded", async () => {
    const ctx = contextOf(actorFor(physician));
    try {
      await runWithContext(ctx, async () => {
        await t.app.services.access.gate(adult.id, { scope: "records", action: "read", resourceType: "record" });
        // the PCP changes after the guard ran: the same request keeps the decision already made
        await t.database.db.updateTable("patients").set({ pcp_provider_id: null }).where("id", "=", adult.id).execute();
        await t.app.services.access.authorizePatient(adult.id, {
          scope: "records",
          action: "read",
          resourceType: "record",
        });
      });
      expect((await auditRows(ctx.requestId)).map((r) => r.outcome)).toEqual(["success"]);
      // a new request sees the change
      expect((await attempt(actorFor(physician), adult.id, "records")).error?.code).toBe("not_found");
    } finally {
      await t.database.db
        .updateTable("patients")
        .set({ pcp_provider_id: physician.providerId })
        .where("id", "=", adult.id)
        .execute();
    }
  });
});
