import type { SmartAuthorization, SmartConsentInput } from "@portico/contracts";
import type { Interaction, InteractionResults } from "oidc-provider";
import { type Actor, currentContext } from "../../platform/context.ts";
import { DomainError } from "../../platform/errors.ts";
import { OIDC_SCOPES, smartTypes, typeScopes, typesAllowed } from "./scopes.ts";
import type { SmartContext } from "./smart-context.ts";

/** the user signed in to the portal (the consent step and connected apps run over their session) */
export function signedIn(): Actor & { userId: string } {
  const actor = currentContext().actor;
  if (actor.kind !== "user" || !actor.userId) throw new DomainError("unauthenticated", "Please sign in to continue.");
  return actor as Actor & { userId: string };
}

/** a chart's name as the consent page and connected apps show it */
export const chartName = (p: { preferred_name: string | null; legal_given_name: string; legal_family_name: string }) =>
  `${p.preferred_name ?? p.legal_given_name} ${p.legal_family_name}`;

/** the pending request to connect an app: its interaction, the registered app, and what it asks for */
async function pendingRequest(c: SmartContext, uid: string) {
  const provider = await c.provider();
  const interaction = await provider.Interaction.find(uid);
  if (!interaction || interaction.prompt === undefined)
    throw new DomainError("not_found", "This request to connect an app has ended. Start again from the app.");
  const clientId = String(interaction.params.client_id ?? "");
  const client = await c.db
    .selectFrom("smart_clients")
    .select(["client_id", "name"])
    .where("client_id", "=", clientId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!client) throw new DomainError("not_found", "This app is not registered with the clinic.");
  const scopes = String(interaction.params.scope ?? "")
    .split(" ")
    .filter(Boolean);
  const asked = typesAllowed(scopes);
  const requestedTypes = smartTypes().filter((t) => asked.all || asked.types.has(t));
  return { provider, interaction, client, scopes, requestedTypes, wildcard: asked.all };
}

/** the patients the signed-in user may connect, each with the types offered (the gate's answer for a caregiver) */
async function offered(c: SmartContext, actor: Actor, requestedTypes: readonly string[]) {
  const { db, access } = c;
  const ids = [...new Set([...(actor.patientId ? [actor.patientId] : []), ...actor.grants.map((g) => g.patientId)])];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("patients")
    .select(["id", "legal_given_name", "legal_family_name", "preferred_name"])
    .where("id", "in", ids)
    .where("status", "=", "active")
    .execute();
  const out: { id: string; name: string; self: boolean; types: string[] }[] = [];
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row) continue;
    const self = id === actor.patientId;
    const types: string[] = [];
    for (const type of requestedTypes) {
      const scopes = typeScopes(type);
      if (self || scopes.length === 0) {
        types.push(type);
        continue;
      }
      for (const scope of scopes) {
        if (await access.can(id, { scope, action: "read" })) {
          types.push(type);
          break;
        }
      }
    }
    if (types.length === 0) continue;
    out.push({ id, name: chartName(row), self, types });
  }
  return out;
}

/** the interaction answered: oidc-provider resumes it at `returnTo` */
async function answer(interaction: Interaction, result: InteractionResults): Promise<{ redirectTo: string }> {
  interaction.result = result;
  await interaction.save(Math.max(1, interaction.exp - Math.floor(Date.now() / 1000)));
  return { redirectTo: interaction.returnTo };
}

/** An app's request to connect: the app, what it asks for, and the patients the user may connect. */
export async function authorization(c: SmartContext, uid: string): Promise<SmartAuthorization> {
  const actor = signedIn();
  const { client, scopes, requestedTypes } = await pendingRequest(c, uid);
  return {
    uid,
    app: { clientId: client.client_id, name: client.name },
    requestedTypes,
    offline: scopes.includes("offline_access"),
    patients: await offered(c, actor, requestedTypes),
  };
}

/** Allows the app to read the chosen records of one patient: the oidc-provider grant, its `smart_grants` row, the audit row. */
export async function consent(c: SmartContext, uid: string, input: SmartConsentInput): Promise<{ redirectTo: string }> {
  const actor = signedIn();
  const { provider, interaction, client, scopes, requestedTypes, wildcard } = await pendingRequest(c, uid);
  const patient = (await offered(c, actor, requestedTypes)).find((p) => p.id === input.patientId);
  if (!patient) throw new DomainError("not_found", "That patient is not one you can connect an app for.");
  const chosen = [...new Set(input.types)];
  const beyond = chosen.filter((t) => !patient.types.includes(t));
  if (beyond.length > 0)
    throw new DomainError("validation_failed", "Some of those records cannot be shared with this app.", {
      fields: { types: `not offered: ${beyond.join(", ")}` },
    });
  if (chosen.length === 0)
    throw new DomainError("validation_failed", "Choose at least one kind of record, or deny.", {
      fields: { types: "required" },
    });

  const granted =
    wildcard && patient.self && chosen.length === smartTypes().length
      ? ["patient/*.rs"]
      : chosen.map((t) => `patient/${t}.rs`);
  const resourceRequested = scopes.filter((s) => s.startsWith("patient/"));
  const oidcRequested = scopes.filter((s) => (OIDC_SCOPES as readonly string[]).includes(s));

  const grant = new provider.Grant({ accountId: actor.userId, clientId: client.client_id });
  if (oidcRequested.length) grant.addOIDCScope(oidcRequested.join(" "));
  grant.addResourceScope(c.fhirBase, granted.join(" "));
  const rejected = resourceRequested.filter((s) => !granted.includes(s));
  if (rejected.length) grant.rejectResourceScope(c.fhirBase, rejected.join(" "));
  const grantId = await grant.save();

  await c.db
    .insertInto("smart_grants")
    .values({
      grant_id: grantId,
      client_id: client.client_id,
      user_id: actor.userId,
      patient_id: patient.id,
      scopes: [...oidcRequested, ...granted],
      created_at: c.clock.now(),
    })
    .execute();
  await c.audit.record({
    action: "grant",
    resourceType: "smart_app",
    resourceId: grantId,
    patientId: patient.id,
    proxyGrantId: patient.self ? null : (actor.grants.find((g) => g.patientId === patient.id)?.grantId ?? null),
    actingAs: patient.self ? "patient" : "proxy",
    details: { clientId: client.client_id, scopes: granted },
  });

  return answer(interaction, { login: { accountId: actor.userId }, consent: { grantId } });
}

/** Refuses the app's request: it gets `access_denied`. */
export async function deny(c: SmartContext, uid: string): Promise<{ redirectTo: string }> {
  signedIn();
  const { interaction } = await pendingRequest(c, uid);
  return answer(interaction, { error: "access_denied", error_description: "The user did not allow access." });
}
