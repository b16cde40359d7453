import { generateKeyPairSync, randomBytes } from "node:crypto";
import Provider, { errors, type KoaContextWithOIDC } from "oidc-provider";
import { kyselyAdapter, smartKeySeal } from "./adapter.ts";
import { connectionBases, connectionKey, endConnections, fhirUser, fhirUserOfGrant } from "./connection-basis.ts";
import { OIDC_SCOPES, resourceScopes } from "./scopes.ts";
import { OAUTH_PATH, type SmartContext } from "./smart-context.ts";

/** SMART's `.well-known/smart-configuration` */
export function smartConfiguration(c: Pick<SmartContext, "issuer" | "config">) {
  return {
    issuer: c.issuer,
    jwks_uri: `${c.issuer}/jwks`,
    authorization_endpoint: `${c.issuer}/auth`,
    token_endpoint: `${c.issuer}/token`,
    revocation_endpoint: `${c.issuer}/token/revocation`,
    introspection_endpoint: `${c.issuer}/token/introspection`,
    management_endpoint: `${c.config.publicUrl}/connected-apps`,
    grant_types_supported: ["authorization_code", "refresh_token"],
    token_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
    scopes_supported: [...OIDC_SCOPES, ...resourceScopes()],
    response_types_supported: ["code"],
    code_challenge_methods_supported: ["S256"],
    capabilities: [
      "launch-standalone",
      "client-public",
      "client-confidential-symmetric",
      "context-standalone-patient",
      "permission-patient",
      "permission-offline",
      "permission-v2",
      "sso-openid-connect",
    ],
  };
}

/** a key kept sealed in `smart_keys`, made by the first app server that needs it */
async function storedKey(c: SmartContext, kid: string, make: () => string): Promise<string> {
  const { db, cipher } = c;
  const seal = smartKeySeal(kid);
  await db
    .insertInto("smart_keys")
    .values({ kid, jwk_sealed: cipher.seal(make(), seal) })
    .onConflict((oc) => oc.column("kid").doNothing())
    .execute();
  const row = await db.selectFrom("smart_keys").select("jwk_sealed").where("kid", "=", kid).executeTakeFirstOrThrow();
  return cipher.open(row.jwk_sealed, seal);
}

/**
 * The authorization server (`oidc-provider`) at `/oauth`: its keys from the database, storage
 * on Kysely (adapter.ts), the FHIR base as the one resource, and the token endpoint's answer
 * given SMART's `patient` and `fhirUser` (or refused once a caregiver's access has ended).
 */
export async function buildProvider(c: SmartContext): Promise<Provider> {
  const { db, cipher, config, fhirBase } = c;
  const signingKey = JSON.parse(
    await storedKey(c, "id-token-rs256", () => {
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      return JSON.stringify({
        ...privateKey.export({ format: "jwk" }),
        kid: randomBytes(8).toString("hex"),
        use: "sig",
        alg: "RS256",
      });
    }),
  );
  const cookieKey = await storedKey(c, "cookies", () => randomBytes(32).toString("base64url"));

  const provider = new Provider(c.issuer, {
    adapter: kyselyAdapter(db, cipher),
    jwks: { keys: [signingKey] },
    cookies: { keys: [cookieKey] },
    scopes: [...OIDC_SCOPES],
    claims: { openid: ["sub"], fhirUser: ["fhirUser"] },
    responseTypes: ["code"],
    pkce: { required: () => true },
    findAccount: async (_ctx, sub, token) => ({
      accountId: sub,
      claims: async () => {
        // whom the grant acts as (no grant, as at the authorization endpoint: no fhirUser)
        const user = token?.grantId ? await fhirUserOfGrant(c, token.grantId) : undefined;
        return { sub, ...(user ? { fhirUser: user } : {}) };
      },
    }),
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => fhirBase,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== fhirBase) throw new errors.InvalidTarget();
          return {
            scope: resourceScopes().join(" "),
            audience: fhirBase,
            accessTokenTTL: 3600,
            accessTokenFormat: "opaque",
          };
        },
      },
    },
    // every authorization asks (no grant is reused from an earlier browser session)
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/connect-app/${interaction.uid}` },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 900,
      Session: 900,
      Grant: 365 * 86_400,
      RefreshToken: 90 * 86_400,
    },
    expiresWithSession: async () => false,
    rotateRefreshToken: true,
    clientBasedCORS: (_ctx, origin, client) =>
      (client.redirectUris ?? []).some((uri) => {
        try {
          return new URL(uri).origin === origin;
        } catch {
          return false;
        }
      }),
    renderError: async (ctx, out) => {
      ctx.type = "text/plain; charset=utf-8";
      ctx.body = `${out.error}: ${out.error_description ?? ""}`;
    },
  });
  provider.proxy = config.trustProxy;

  provider.use(async (ctx, next) => {
    if (ctx.path === "/auth" && ctx.method === "GET") {
      const query = new URLSearchParams(ctx.querystring);
      const aud = query.get("aud");
      if (aud !== null && aud.replace(/\/+$/, "") !== fhirBase) {
        ctx.status = 400;
        ctx.type = "text/plain; charset=utf-8";
        ctx.body = "invalid_request: aud does not name this FHIR server";
        return;
      }
      // the patient (or caregiver) is asked every time, through their portal session
      query.set("prompt", "login consent");
      // `patient/*.rs` also names each type, so that a token carries exactly the types allowed
      const scope = (query.get("scope") ?? "").split(" ").filter(Boolean);
      if (scope.includes("patient/*.rs")) query.set("scope", [...new Set([...scope, ...resourceScopes()])].join(" "));
      ctx.querystring = query.toString();
      // oidc-provider finds its mount path by comparing the original URL with this one
      (ctx.req as { originalUrl?: string }).originalUrl = `${OAUTH_PATH}${ctx.url}`;
    }
    await next();
    const body = ctx.body as Record<string, unknown> | undefined;
    if (ctx.path === "/token" && ctx.status === 200 && typeof body?.access_token === "string") {
      const grant = await grantOfToken(c, ctx as KoaContextWithOIDC, body.access_token);
      const basis = grant && (await connectionBases(c, [grant])).get(connectionKey(grant));
      if (grant && !basis) {
        // a caregiver's access to the patient has ended since: so has the app's (no new tokens)
        await endConnections(c, [grant]);
        ctx.status = 400;
        ctx.body = { error: "invalid_grant", error_description: "This connection has ended." };
        return;
      }
      if (grant && basis) {
        body.patient = grant.patient_id;
        body.fhirUser = fhirUser(fhirBase, grant.patient_id, basis);
        // what was granted, OpenID scopes included (the access token's own scope lists the resource scopes)
        const tokenScopes = new Set(String(body.scope ?? "").split(" "));
        body.scope = grant.scopes.filter((s) => tokenScopes.has(s) || !s.startsWith("patient/")).join(" ");
      }
    }
  });
  return provider;
}

/** the `smart_grants` row of the grant an access token was just issued under */
async function grantOfToken(c: SmartContext, ctx: KoaContextWithOIDC, accessToken: string) {
  const token = await ctx.oidc.provider.AccessToken.find(accessToken);
  if (!token?.grantId) return undefined;
  return c.db
    .selectFrom("smart_grants")
    .select(["grant_id", "client_id", "user_id", "patient_id", "scopes"])
    .where("grant_id", "=", token.grantId)
    .executeTakeFirst();
}
