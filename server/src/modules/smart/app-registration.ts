import { randomBytes } from "node:crypto";
import type { SmartClient, SmartClientCreated, SmartClientInput } from "@portico/contracts";
import { currentContext } from "../../platform/context.ts";
import { DomainError } from "../../platform/errors.ts";
import { clientSecretSeal } from "./adapter.ts";
import type { SmartContext } from "./smart-context.ts";

/** Registered apps (administrators). */
export async function listClients(c: SmartContext): Promise<SmartClient[]> {
  await c.access.authorizeStaff(["admin"], { resourceType: "smart_client", action: "read" });
  const rows = await c.db.selectFrom("smart_clients").selectAll().orderBy("created_at", "desc").execute();
  return rows.map(clientView);
}

/** Registers an app; a confidential app's secret is answered once and kept sealed. */
export async function createClient(c: SmartContext, input: SmartClientInput): Promise<SmartClientCreated> {
  await c.access.authorizeStaff(["admin"], { resourceType: "smart_client", action: "create" });
  const redirectUris = [...new Set(input.redirectUris.map((u) => u.trim()))];
  for (const uri of redirectUris) {
    if (!validRedirectUri(uri))
      throw new DomainError(
        "validation_failed",
        "Each redirect URI must be a full https address (http only for localhost), without a #fragment.",
        {
          fields: { redirectUris: uri },
        },
      );
  }
  const clientId = `app-${randomBytes(12).toString("base64url")}`;
  const secret = input.confidential ? randomBytes(32).toString("base64url") : null;
  const row = await c.db
    .insertInto("smart_clients")
    .values({
      client_id: clientId,
      name: input.name.trim(),
      confidential: input.confidential,
      secret_sealed: secret ? c.cipher.seal(secret, clientSecretSeal(clientId)) : null,
      redirect_uris: redirectUris,
      created_by: currentContext().actor.userId,
      created_at: c.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await c.audit.record({
    action: "create",
    resourceType: "smart_client",
    resourceId: clientId,
    actingAs: "admin",
    details: { confidential: input.confidential },
  });
  return { client: clientView(row), clientSecret: secret };
}

/** Disables an app: unknown to the authorization server from now on, so its tokens stop working. */
export async function disableClient(c: SmartContext, clientId: string): Promise<SmartClient> {
  await c.access.authorizeStaff(["admin"], { resourceType: "smart_client", action: "update" });
  const row = await c.db
    .updateTable("smart_clients")
    .set({ disabled_at: c.clock.now() })
    .where("client_id", "=", clientId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new DomainError("not_found", "No such app.");
  await c.audit.record({
    action: "disable",
    resourceType: "smart_client",
    resourceId: clientId,
    actingAs: "admin",
  });
  return clientView(row);
}

function clientView(row: {
  client_id: string;
  name: string;
  confidential: boolean;
  redirect_uris: string[];
  created_at: Date;
  disabled_at: Date | null;
}): SmartClient {
  return {
    clientId: row.client_id,
    name: row.name,
    confidential: row.confidential,
    redirectUris: row.redirect_uris,
    createdAt: row.created_at.toISOString(),
    disabled: row.disabled_at !== null,
  };
}

/** a full https address (http only for localhost), without a fragment or credentials */
function validRedirectUri(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.hash || uri.includes("#") || url.username || url.password) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}
