import { grantInForce } from "../../platform/access/policy.ts";
import { runWithContext, systemContext } from "../../platform/context.ts";
import type { SmartContext } from "./smart-context.ts";

/** whom a connection acts as: the patient themselves, or a caregiver through a proxy grant in force */
export type ConnectionBasis = { self: true } | { self: false; proxyGrantId: string };

/** a connection's key in `connectionBases`' answer: (granting user, patient) */
export const connectionKey = (c: { user_id: string; patient_id: string }) => `${c.user_id}:${c.patient_id}`;

/** `fhirUser`: the patient's own Patient, or a caregiver's RelatedPerson (one per proxy grant: its id) */
export function fhirUser(fhirBase: string, patientId: string, basis: ConnectionBasis): string {
  return basis.self ? `${fhirBase}/Patient/${patientId}` : `${fhirBase}/RelatedPerson/${basis.proxyGrantId}`;
}

/** whom an app's grant acts as now, as `fhirUser`; undefined for an unknown grant or one whose caregiver access has ended */
export async function fhirUserOfGrant(c: SmartContext, grantId: string): Promise<string | undefined> {
  const grant = await c.db
    .selectFrom("smart_grants")
    .select(["user_id", "patient_id"])
    .where("grant_id", "=", grantId)
    .executeTakeFirst();
  const basis = grant && (await connectionBases(c, [grant])).get(connectionKey(grant));
  return grant && basis ? fhirUser(c.fhirBase, grant.patient_id, basis) : undefined;
}

/**
 * Whom each connection (granting user, patient) acts as now: the patient themselves, or a
 * caregiver through a proxy grant in force (the access policy's `grantInForce`: not revoked,
 * not expired, and a parent's grant not outlived by the patient's 18th birthday). Missing
 * from the answer: a caregiver whose access to the patient has ended.
 */
export async function connectionBases(
  c: SmartContext,
  connections: readonly { user_id: string; patient_id: string }[],
): Promise<Map<string, ConnectionBasis>> {
  const out = new Map<string, ConnectionBasis>();
  if (connections.length === 0) return out;
  const { db, clock, access } = c;
  const patientIds = [...new Set(connections.map((x) => x.patient_id))];
  const userIds = [...new Set(connections.map((x) => x.user_id))];
  const [patients, grants] = await Promise.all([
    db
      .selectFrom("patients")
      .select(["id", "user_id", "status", "date_of_birth"])
      .where("id", "in", patientIds)
      .execute(),
    db
      .selectFrom("proxy_grants")
      // as the access policy takes them (`GrantFacts`)
      .select([
        "id as grantId",
        "proxy_user_id",
        "patient_id as patientId",
        "relationship",
        "scopes",
        "starts_at as startsAt",
        "ends_at as endsAt",
        "revoked_at as revokedAt",
      ])
      .where("proxy_user_id", "in", userIds)
      .where("patient_id", "in", patientIds)
      .orderBy("starts_at", "desc")
      .execute(),
  ]);
  const now = clock.now();
  for (const x of connections) {
    const patient = patients.find((p) => p.id === x.patient_id);
    if (!patient) continue;
    if (patient.user_id === x.user_id) {
      out.set(connectionKey(x), { self: true });
      continue;
    }
    const facts = { id: patient.id, status: patient.status, dateOfBirth: patient.date_of_birth };
    const inForce = grants.find((g) => g.proxy_user_id === x.user_id && grantInForce(g, facts, now, access.ageBounds));
    if (inForce) out.set(connectionKey(x), { self: false, proxyGrantId: inForce.grantId });
  }
  return out;
}

/** ends connections: their grants, and every token issued under them */
export async function revokeGrants(c: SmartContext, ids: readonly string[]): Promise<void> {
  const { db, clock } = c;
  await db
    .updateTable("smart_grants")
    .set({ revoked_at: clock.now() })
    .where("grant_id", "in", ids)
    .where("revoked_at", "is", null)
    .execute();
  await db
    .deleteFrom("oauth_payloads")
    .where((eb) => eb.or([eb("grant_id", "in", ids), eb.and([eb("model", "=", "Grant"), eb("id", "in", ids)])]))
    .execute();
}

/**
 * Ends connections whose caregiver access has ended: the grant and every token issued under
 * it, each in the access log as a disconnection by the portal.
 */
export async function endConnections(
  c: SmartContext,
  grants: readonly { grant_id: string; client_id: string; patient_id: string }[],
): Promise<void> {
  if (grants.length === 0) return;
  await revokeGrants(
    c,
    grants.map((g) => g.grant_id),
  );
  await runWithContext(systemContext("smart.end-caregiver-connections"), async () => {
    for (const g of grants)
      await c.audit.recordIndependent({
        action: "revoke",
        resourceType: "smart_app",
        resourceId: g.grant_id,
        patientId: g.patient_id,
        details: { clientId: g.client_id, reason: "caregiver_access_ended" },
      });
  });
}
