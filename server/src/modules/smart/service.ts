import { generateKeyPairSync, randomBytes } from "node:crypto";
import type {
  ConnectedApp,
  SmartAuthorization,
  SmartClient,
  SmartClientCreated,
  SmartClientInput,
  SmartConsentInput,
} from "@portico/contracts";
import type { Redis } from "ioredis";
import Provider, { errors, type KoaContextWithOIDC } from "oidc-provider";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { grantInForce } from "../../platform/access/policy.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { loadUserActor } from "../../platform/auth/sessions.ts";
import type { Clock } from "../../platform/clock.ts";
import { type Actor, currentContext, runWithContext, systemContext } from "../../platform/context.ts";
import type { FieldCipher } from "../../platform/crypto.ts";
import { DomainError } from "../../platform/errors.ts";
import type { JobQueue } from "../../platform/jobs/index.ts";
import type { FhirCaller } from "../fhir-api/caller.ts";
import { FhirError } from "../fhir-api/outcome.ts";
import { FHIR_BASE_PATH, type FhirTokenVerifier } from "../fhir-api/routes.ts";
import { clientSecretSeal, kyselyAdapter, smartKeySeal } from "./adapter.ts";
import { ClientRateLimiter } from "./rate-limit.ts";
import { OIDC_SCOPES, resourceScopes, smartTypes, typeScopes, typesAllowed } from "./scopes.ts";

export const OAUTH_PATH = "/oauth";
/** FHIR API requests per connected app per minute (`ClientRateLimiter`) */
export const FHIR_REQUESTS_PER_CLIENT_PER_MINUTE = 600;
/** the daily job that ends caregivers' connections whose access has ended */
export const END_CAREGIVER_CONNECTIONS_QUEUE = "smart.end-caregiver-connections";
const DAY_MS = 86_400_000;

export interface SmartDeps {
  db: Database;
  cipher: FieldCipher;
  clock: Clock;
  access: AccessService;
  audit: AuditLog;
  jobs: JobQueue;
  config: Pick<Config, "publicUrl" | "trustProxy" | "env">;
  /** the process's shared Redis (platform/redis.ts): each app's limit holds across app servers */
  redis: Redis | undefined;
}

/** whom a connection acts as: the patient themselves, or a caregiver through a proxy grant in force */
type ConnectionBasis = { self: true } | { self: false; proxyGrantId: string };

/** a FHIR request refused because the app is over its per-minute limit (answered with Retry-After) */
export class AppThrottled extends FhirError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(429, "throttled", "This app sent too many requests. Wait a minute and try again.");
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * SMART App Launch 2.x (standalone patient launch) on `oidc-provider`: the authorization
 * server at `/oauth`, the consent step over the portal's own session, the token verifier the
 * FHIR API uses, connected apps and app registration.
 */
export class SmartService {
  readonly #deps: SmartDeps;
  #provider: Promise<Provider> | undefined;
  readonly publicUrl: string;
  /** the FHIR API's per-app limit, shared by the app servers through Redis when configured (tests lower `perMinute`) */
  readonly clientLimiter: ClientRateLimiter;
  readonly issuer: string;
  readonly fhirBase: string;

  constructor(deps: SmartDeps) {
    this.#deps = deps;
    this.publicUrl = deps.config.publicUrl;
    this.issuer = `${deps.config.publicUrl}${OAUTH_PATH}`;
    this.fhirBase = `${deps.config.publicUrl}${FHIR_BASE_PATH}`;
    this.clientLimiter = new ClientRateLimiter(FHIR_REQUESTS_PER_CLIENT_PER_MINUTE, deps.redis);
    deps.jobs.register(END_CAREGIVER_CONNECTIONS_QUEUE, async () => {
      await this.endCaregiverConnections();
      await this.scheduleDaily(new Date(deps.clock.now().getTime() + DAY_MS));
    });
  }

  /** Queues the daily run (once per day across all workers), after the proxies' end of parental access at 04:00. */
  async scheduleDaily(day: Date = this.#deps.clock.now()): Promise<void> {
    const date = day.toISOString().slice(0, 10);
    await this.#deps.jobs.enqueue(
      END_CAREGIVER_CONNECTIONS_QUEUE,
      {},
      { dedupeKey: `${END_CAREGIVER_CONNECTIONS_QUEUE}:${date}`, runAt: new Date(`${date}T04:30:00Z`), maxAttempts: 5 },
    );
  }

  /**
   * The daily job: connections whose caregiver's access has ended and that nobody has used or
   * listed since (which ends them at once) are ended now, a page of connections at a time.
   * Answers how many ended.
   */
  async endCaregiverConnections(): Promise<number> {
    let ended = 0;
    let after = "";
    for (;;) {
      const page = await this.#deps.db
        .selectFrom("smart_grants")
        .select(["grant_id", "client_id", "user_id", "patient_id"])
        .where("revoked_at", "is", null)
        .where("grant_id", ">", after)
        .orderBy("grant_id")
        .limit(500)
        .execute();
      const bases = await this.#bases(page);
      const lapsed = page.filter((g) => !bases.has(connectionKey(g)));
      await this.#endConnections(lapsed);
      ended += lapsed.length;
      if (page.length < 500) return ended;
      after = (page[page.length - 1] as { grant_id: string }).grant_id;
    }
  }

  /** the authorization server, built on first use (its keys come from the database) */
  provider(): Promise<Provider> {
    this.#provider ??= this.#build().catch((error) => {
      this.#provider = undefined;
      throw error;
    });
    return this.#provider;
  }

  /** SMART's `.well-known/smart-configuration` */
  smartConfiguration() {
    return {
      issuer: this.issuer,
      jwks_uri: `${this.issuer}/jwks`,
      authorization_endpoint: `${this.issuer}/auth`,
      token_endpoint: `${this.issuer}/token`,
      revocation_endpoint: `${this.issuer}/token/revocation`,
      introspection_endpoint: `${this.issuer}/token/introspection`,
      management_endpoint: `${this.#deps.config.publicUrl}/connected-apps`,
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

  async #key(kid: string, make: () => string): Promise<string> {
    const { db, cipher } = this.#deps;
    const seal = smartKeySeal(kid);
    await db
      .insertInto("smart_keys")
      .values({ kid, jwk_sealed: cipher.seal(make(), seal) })
      .onConflict((oc) => oc.column("kid").doNothing())
      .execute();
    const row = await db.selectFrom("smart_keys").select("jwk_sealed").where("kid", "=", kid).executeTakeFirstOrThrow();
    return cipher.open(row.jwk_sealed, seal);
  }

  async #build(): Promise<Provider> {
    const { db, cipher, config } = this.#deps;
    const signingKey = JSON.parse(
      await this.#key("id-token-rs256", () => {
        const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
        return JSON.stringify({
          ...privateKey.export({ format: "jwk" }),
          kid: randomBytes(8).toString("hex"),
          use: "sig",
          alg: "RS256",
        });
      }),
    );
    const cookieKey = await this.#key("cookies", () => randomBytes(32).toString("base64url"));
    const fhirBase = this.fhirBase;

    const provider = new Provider(this.issuer, {
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
          const fhirUser = token?.grantId ? await this.#fhirUserOfGrant(token.grantId) : undefined;
          return { sub, ...(fhirUser ? { fhirUser } : {}) };
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
        const grant = await this.#grantOfToken(ctx as KoaContextWithOIDC, body.access_token);
        const basis = grant && (await this.#bases([grant])).get(connectionKey(grant));
        if (grant && !basis) {
          // a caregiver's access to the patient has ended since: so has the app's (no new tokens)
          await this.#endConnections([grant]);
          ctx.status = 400;
          ctx.body = { error: "invalid_grant", error_description: "This connection has ended." };
          return;
        }
        if (grant && basis) {
          body.patient = grant.patient_id;
          body.fhirUser = this.#fhirUser(grant.patient_id, basis);
          // what was granted, OpenID scopes included (the access token's own scope lists the resource scopes)
          const tokenScopes = new Set(String(body.scope ?? "").split(" "));
          body.scope = grant.scopes.filter((s) => tokenScopes.has(s) || !s.startsWith("patient/")).join(" ");
        }
      }
    });
    return provider;
  }

  async #grantOfToken(ctx: KoaContextWithOIDC, accessToken: string) {
    const token = await ctx.oidc.provider.AccessToken.find(accessToken);
    if (!token?.grantId) return undefined;
    return this.#deps.db
      .selectFrom("smart_grants")
      .select(["grant_id", "client_id", "user_id", "patient_id", "scopes"])
      .where("grant_id", "=", token.grantId)
      .executeTakeFirst();
  }

  // ---- whom a connection acts as (fhirUser), and when it has ended ----

  /** `fhirUser`: the patient's own Patient, or a caregiver's RelatedPerson (one per proxy grant: its id) */
  #fhirUser(patientId: string, basis: ConnectionBasis): string {
    return basis.self
      ? `${this.fhirBase}/Patient/${patientId}`
      : `${this.fhirBase}/RelatedPerson/${basis.proxyGrantId}`;
  }

  async #fhirUserOfGrant(grantId: string): Promise<string | undefined> {
    const grant = await this.#deps.db
      .selectFrom("smart_grants")
      .select(["user_id", "patient_id"])
      .where("grant_id", "=", grantId)
      .executeTakeFirst();
    const basis = grant && (await this.#bases([grant])).get(connectionKey(grant));
    return grant && basis ? this.#fhirUser(grant.patient_id, basis) : undefined;
  }

  /**
   * Whom each connection (granting user, patient) acts as now: the patient themselves, or a
   * caregiver through a proxy grant in force (the access policy's `grantInForce`: not revoked,
   * not expired, and a parent's grant not outlived by the patient's 18th birthday). Missing
   * from the answer: a caregiver whose access to the patient has ended.
   */
  async #bases(connections: readonly { user_id: string; patient_id: string }[]): Promise<Map<string, ConnectionBasis>> {
    const out = new Map<string, ConnectionBasis>();
    if (connections.length === 0) return out;
    const { db, clock, access } = this.#deps;
    const patientIds = [...new Set(connections.map((c) => c.patient_id))];
    const userIds = [...new Set(connections.map((c) => c.user_id))];
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
    for (const c of connections) {
      const patient = patients.find((p) => p.id === c.patient_id);
      if (!patient) continue;
      if (patient.user_id === c.user_id) {
        out.set(connectionKey(c), { self: true });
        continue;
      }
      const facts = { id: patient.id, status: patient.status, dateOfBirth: patient.date_of_birth };
      const inForce = grants.find(
        (g) => g.proxy_user_id === c.user_id && grantInForce(g, facts, now, access.ageBounds),
      );
      if (inForce) out.set(connectionKey(c), { self: false, proxyGrantId: inForce.grantId });
    }
    return out;
  }

  /** ends connections: their grants, and every token issued under them */
  async #revokeGrants(ids: readonly string[]): Promise<void> {
    const { db, clock } = this.#deps;
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
  async #endConnections(grants: readonly { grant_id: string; client_id: string; patient_id: string }[]) {
    if (grants.length === 0) return;
    await this.#revokeGrants(grants.map((g) => g.grant_id));
    const { audit } = this.#deps;
    await runWithContext(systemContext("smart.end-caregiver-connections"), async () => {
      for (const g of grants)
        await audit.recordIndependent({
          action: "revoke",
          resourceType: "smart_app",
          resourceId: g.grant_id,
          patientId: g.patient_id,
          details: { clientId: g.client_id, reason: "caregiver_access_ended" },
        });
    });
  }

  // ---- the FHIR API's token check ----

  readonly verifier: FhirTokenVerifier = {
    verify: async (value) => {
      const provider = await this.provider();
      const token = await provider.AccessToken.find(value);
      if (!token || token.isExpired || !token.grantId || !token.accountId) return null;
      const audience = Array.isArray(token.aud) ? token.aud : [token.aud];
      if (!audience.includes(this.fhirBase)) return null;
      const grant = await this.#deps.db
        .selectFrom("smart_grants as g")
        .innerJoin("smart_clients as c", "c.client_id", "g.client_id")
        .select(["g.grant_id", "g.user_id", "g.patient_id", "c.client_id", "c.name"])
        .where("g.grant_id", "=", token.grantId)
        .where("g.revoked_at", "is", null)
        .where("c.disabled_at", "is", null)
        .executeTakeFirst();
      if (!grant || grant.user_id !== token.accountId || grant.client_id !== token.clientId) return null;
      const actor = await this.#actorFor(grant.user_id);
      if (!actor) return null;
      // a caregiver's connection lasts as long as their access to the patient
      if (actor.patientId !== grant.patient_id && !(await this.#bases([grant])).has(connectionKey(grant))) {
        await this.#endConnections([grant]);
        return null;
      }
      const rate = await this.clientLimiter.take(grant.client_id);
      if (!rate.allowed) throw new AppThrottled(rate.retryAfterSeconds);
      const allowed = typesAllowed((token.scope ?? "").split(" "));
      const caller: FhirCaller = {
        patientId: grant.patient_id,
        mayRead: (type) => allowed.all || allowed.types.has(type),
        app: { clientId: grant.client_id, name: grant.name },
      };
      return { actor, caller };
    },
  };

  /** the user a token acts for, loaded as a session loads them, never with staff roles: a token is patient-facing */
  async #actorFor(userId: string): Promise<Actor | undefined> {
    const actor = await loadUserActor(this.#deps.db, userId);
    return actor && Object.freeze({ ...actor, roles: [], providerId: null });
  }

  // ---- the consent step (the portal's session) ----

  #signedIn(): Actor & { userId: string } {
    const actor = currentContext().actor;
    if (actor.kind !== "user" || !actor.userId) throw new DomainError("unauthenticated", "Please sign in to continue.");
    return actor as Actor & { userId: string };
  }

  async #interaction(uid: string) {
    const provider = await this.provider();
    const interaction = await provider.Interaction.find(uid);
    if (!interaction || interaction.prompt === undefined)
      throw new DomainError("not_found", "This request to connect an app has ended. Start again from the app.");
    const clientId = String(interaction.params.client_id ?? "");
    const client = await this.#deps.db
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
  async #offered(actor: Actor, requestedTypes: readonly string[]) {
    const { db, access } = this.#deps;
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
      out.push({ id, name: `${row.preferred_name ?? row.legal_given_name} ${row.legal_family_name}`, self, types });
    }
    return out;
  }

  async authorization(uid: string): Promise<SmartAuthorization> {
    const actor = this.#signedIn();
    const { client, scopes, requestedTypes } = await this.#interaction(uid);
    return {
      uid,
      app: { clientId: client.client_id, name: client.name },
      requestedTypes,
      offline: scopes.includes("offline_access"),
      patients: await this.#offered(actor, requestedTypes),
    };
  }

  async consent(uid: string, input: SmartConsentInput): Promise<{ redirectTo: string }> {
    const actor = this.#signedIn();
    const { provider, interaction, client, scopes, requestedTypes, wildcard } = await this.#interaction(uid);
    const patient = (await this.#offered(actor, requestedTypes)).find((p) => p.id === input.patientId);
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
    grant.addResourceScope(this.fhirBase, granted.join(" "));
    const rejected = resourceRequested.filter((s) => !granted.includes(s));
    if (rejected.length) grant.rejectResourceScope(this.fhirBase, rejected.join(" "));
    const grantId = await grant.save();

    await this.#deps.db
      .insertInto("smart_grants")
      .values({
        grant_id: grantId,
        client_id: client.client_id,
        user_id: actor.userId,
        patient_id: patient.id,
        scopes: [...oidcRequested, ...granted],
        created_at: this.#deps.clock.now(),
      })
      .execute();
    await this.#deps.audit.record({
      action: "grant",
      resourceType: "smart_app",
      resourceId: grantId,
      patientId: patient.id,
      proxyGrantId: patient.self ? null : (actor.grants.find((g) => g.patientId === patient.id)?.grantId ?? null),
      actingAs: patient.self ? "patient" : "proxy",
      details: { clientId: client.client_id, scopes: granted },
    });

    interaction.result = { login: { accountId: actor.userId }, consent: { grantId } };
    await interaction.save(Math.max(1, interaction.exp - Math.floor(Date.now() / 1000)));
    return { redirectTo: interaction.returnTo };
  }

  async deny(uid: string): Promise<{ redirectTo: string }> {
    this.#signedIn();
    const { interaction } = await this.#interaction(uid);
    interaction.result = { error: "access_denied", error_description: "The user did not allow access." };
    await interaction.save(Math.max(1, interaction.exp - Math.floor(Date.now() / 1000)));
    return { redirectTo: interaction.returnTo };
  }

  // ---- connected apps ----

  async connectedApps(): Promise<ConnectedApp[]> {
    const actor = this.#signedIn();
    const all = await this.#visibleGrants(actor).execute();
    // a caregiver's connections end with their access to the patient (revoked, expired, or a
    // parent's grant at the patient's 18th birthday): no longer listed; they are revoked when
    // the app next calls, and by the daily job (`endCaregiverConnections`), not by this read
    const bases = await this.#bases(all);
    const rows = all.filter((r) => bases.has(connectionKey(r)));
    return rows.map((r) => {
      const allowed = typesAllowed(r.scopes);
      return {
        grantId: r.grant_id,
        app: { clientId: r.client_id, name: r.app_name },
        patient: { id: r.patient_id, name: `${r.preferred_name ?? r.legal_given_name} ${r.legal_family_name}` },
        grantedBy: r.granted_by,
        types: allowed.all ? ["*"] : [...allowed.types],
        offline: r.scopes.includes("offline_access"),
        grantedAt: r.created_at.toISOString(),
      };
    });
  }

  #visibleGrants(actor: Actor & { userId: string }) {
    return this.#deps.db
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
  async revoke(grantId: string): Promise<void> {
    const actor = this.#signedIn();
    const row = await this.#visibleGrants(actor).where("g.grant_id", "=", grantId).executeTakeFirst();
    if (!row) throw new DomainError("not_found", "No such connected app.");
    await this.#revokeGrants([grantId]);
    await this.#deps.audit.record({
      action: "revoke",
      resourceType: "smart_app",
      resourceId: grantId,
      patientId: row.patient_id,
      actingAs: row.patient_id === actor.patientId ? "patient" : "proxy",
      details: { clientId: row.client_id },
    });
  }

  // ---- app registration (administrators) ----

  async listClients(): Promise<SmartClient[]> {
    await this.#deps.access.authorizeStaff(["admin"], { resourceType: "smart_client", action: "read" });
    const rows = await this.#deps.db.selectFrom("smart_clients").selectAll().orderBy("created_at", "desc").execute();
    return rows.map(clientView);
  }

  async createClient(input: SmartClientInput): Promise<SmartClientCreated> {
    await this.#deps.access.authorizeStaff(["admin"], { resourceType: "smart_client", action: "create" });
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
    const row = await this.#deps.db
      .insertInto("smart_clients")
      .values({
        client_id: clientId,
        name: input.name.trim(),
        confidential: input.confidential,
        secret_sealed: secret ? this.#deps.cipher.seal(secret, clientSecretSeal(clientId)) : null,
        redirect_uris: redirectUris,
        created_by: currentContext().actor.userId,
        created_at: this.#deps.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.#deps.audit.record({
      action: "create",
      resourceType: "smart_client",
      resourceId: clientId,
      actingAs: "admin",
      details: { confidential: input.confidential },
    });
    return { client: clientView(row), clientSecret: secret };
  }

  async disableClient(clientId: string): Promise<SmartClient> {
    await this.#deps.access.authorizeStaff(["admin"], { resourceType: "smart_client", action: "update" });
    const row = await this.#deps.db
      .updateTable("smart_clients")
      .set({ disabled_at: this.#deps.clock.now() })
      .where("client_id", "=", clientId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new DomainError("not_found", "No such app.");
    await this.#deps.audit.record({
      action: "disable",
      resourceType: "smart_client",
      resourceId: clientId,
      actingAs: "admin",
    });
    return clientView(row);
  }
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

const connectionKey = (c: { user_id: string; patient_id: string }) => `${c.user_id}:${c.patient_id}`;
