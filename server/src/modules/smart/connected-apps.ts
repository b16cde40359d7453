import type { ConnectedApp } from "@portico/contracts";
import type { Actor } from "../../platform/context.ts";
import { DomainError } from "../../platform/errors.ts";
import { connectionBases, connectionKey, revokeGrants } from "./connection-basis.ts";
import { chartName, signedIn } from "./consent.ts";
import { typesAllowed } from "./scopes.ts";
import type { SmartContext } from "./smart-context.ts";

/** Apps with access to the signed-in user's record or to records they allowed. */
export async function connectedApps(c: SmartContext): Promise<ConnectedApp[]> {
  const actor = signedIn();
  const all = await visibleGrants(c, actor).execute();
  // a caregiver's connections end with their access to the patient (revoked, expired, or a
  // parent's grant at the patient's 18th birthday): no longer listed; they are revoked when
  // the app next calls, and by the daily job (`endCaregiverConnections`), not by this read
  const bases = await connectionBases(c, all);
  const rows = all.filter((r) => bases.has(connectionKey(r)));
  return rows.map((r) => {
    const allowed = typesAllowed(r.scopes);
    return {
      grantId: r.grant_id,
      app: { clientId: r.client_id, name: r.app_name },
      patient: { id: r.patient_id, name: chartName(r) },
      grantedBy: r.granted_by,
      types: allowed.all ? ["*"] : [...allowed.types],
      offline: r.scopes.includes("offline_access"),
      grantedAt: r.created_at.toISOString(),
    };
  });
}

/** the unrevoked grants the user made, and those on their own record */
function visibleGrants(c: SmartContext, actor: Actor & { userId: string }) {
  return c.db
    .selectFrom("smart_grants as g")
    .innerJoin("smart_clients as c", "c.client_id", "g.client_id")
    .innerJoin("patients as p", "p.id", "g.patient_id")
    .innerJoin("users as u", "u.id", "g.user_id")
    .select([
      "g.grant_id",
      "g.client_id",
      "g.patient_id",
      "g.user_id",
      "g.scopes",
      "g.created_at",
      "c.name as app_name",
      "p.legal_given_name",
      "p.legal_family_name",
      "p.preferred_name",
      "u.display_name as granted_by",
    ])
    .where("g.revoked_at", "is", null)
    .where((eb) =>
      actor.patientId
        ? eb.or([eb("g.user_id", "=", actor.userId), eb("g.patient_id", "=", actor.patientId)])
        : eb("g.user_id", "=", actor.userId),
    )
    .orderBy("g.created_at", "desc")
    .orderBy("g.grant_id");
}

/** ends an app's access: the grant and every token issued under it */
export async function revokeConnectedApp(c: SmartContext, grantId: string): Promise<void> {
  const actor = signedIn();
  const row = await visibleGrants(c, actor).where("g.grant_id", "=", grantId).executeTakeFirst();
  if (!row) throw new DomainError("not_found", "No such connected app.");
  await revokeGrants(c, [grantId]);
  await c.audit.record({
    action: "revoke",
    resourceType: "smart_app",
    resourceId: grantId,
    patientId: row.patient_id,
    actingAs: row.patient_id === actor.patientId ? "patient" : "proxy",
    details: { clientId: row.client_id },
  });
}
