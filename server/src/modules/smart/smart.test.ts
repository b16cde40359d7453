import http from "node:http";
import smart from "fhirclient";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../platform/mail/smtp-test-server.ts";
import { useTestApp } from "../../test/app.ts";
import { seedTestDemo, signInDemo } from "../../test/demo-sign-in.ts";
import { fhirResourceTypes } from "../fhir-api/resources/index.ts";
import { relatedPersonType } from "../fhir-api/resources/related-person.ts";
import { typeScopes } from "./scopes.ts";
import { END_CAREGIVER_CONNECTIONS_QUEUE } from "./service.ts";
import { jwtClaims, pkce, registerApp, smartLaunch } from "./test-launch.ts";

type FhirClient = Awaited<ReturnType<ReturnType<typeof smart>["ready"]>>;

describe("SMART App Launch (standalone patient launch)", () => {
  const overrides: Record<string, string> = {};
  let base = "";
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    overrides.PUBLIC_URL = base;
    overrides.PORT = String(port);
  });
  const t = useTestApp(overrides);
  const fhirBase = () => `${base}/fhir/R4`;

  let alex: Awaited<ReturnType<typeof signInDemo>>;
  let sam: Awaited<ReturnType<typeof signInDemo>>;
  let admin: Awaited<ReturnType<typeof signInDemo>>;
  let alexId: string;
  let samId: string;
  let jamieId: string;
  let publicClientId: string;
  let confidential: { clientId: string; secret: string };

  // the app: a small web server using fhirclient, as a SMART app would
  let appServer: http.Server;
  let appUrl = "";
  const storage = new Map<string, unknown>();
  let lastClient: FhirClient | undefined;
  let lastError: unknown;

  beforeAll(async () => {
    await t.app.listen({ port: Number(overrides.PORT), host: "127.0.0.1" });
    await seedTestDemo(t);
    alex = await signInDemo(t, "alex.rivera@demo.portico.test");
    sam = await signInDemo(t, "sam.rivera@demo.portico.test");
    admin = await signInDemo(t, "admin@demo.portico.test");
    alexId = alex.patients[0]?.id as string;
    samId = sam.patients.find((p) => p.name.startsWith("Sam"))?.id as string;
    jamieId = sam.patients.find((p) => p.name.startsWith("Jamie"))?.id as string;

    const appPort = await freePort();
    appUrl = `http://127.0.0.1:${appPort}`;
    const store = {
      get: async (key: string) => storage.get(key),
      set: async (key: string, value: unknown) => {
        storage.set(key, value);
        return value;
      },
      unset: async (key: string) => storage.delete(key),
    };
    appServer = http.createServer(async (req, res) => {
      const url = new URL(req.url ?? "/", appUrl);
      try {
        if (url.pathname === "/launch") {
          await smart(req, res, store).authorize({
            iss: fhirBase(),
            clientId: url.searchParams.get("client") ?? publicClientId,
            scope: url.searchParams.get("scope") ?? "launch/patient openid fhirUser offline_access patient/*.rs",
            redirectUri: "/callback",
            pkceMode: "required",
          });
        } else if (url.pathname === "/callback") {
          lastClient = await smart(req, res, store).ready();
          res.writeHead(200).end("ok");
        } else res.writeHead(404).end();
      } catch (error) {
        lastError = error;
        res.writeHead(500).end(String(error));
      }
    });
    await new Promise<void>((resolve) => appServer.listen(appPort, "127.0.0.1", resolve));

    const created = await registerApp(t, admin, {
      name: "Health Diary",
      confidential: false,
      redirectUris: [`${appUrl}/callback`],
    });
    publicClientId = created.clientId;
    expect(created.secret).toBeNull();
    const secretApp = await registerApp(t, admin, {
      name: "Clinic Partner",
      confidential: true,
      redirectUris: ["https://partner.example/cb"],
    });
    confidential = { clientId: secretApp.clientId, secret: secretApp.secret as string };
  });
  afterAll(async () => {
    await new Promise((resolve) => appServer?.close(resolve));
  });

  const flow = smartLaunch(t, {
    base: () => base,
    clientId: () => publicClientId,
    redirectUri: () => `${appUrl}/callback`,
  });

  /** Sam's caregiver grant on Jamie (the RelatedPerson of a token he grants for Jamie) */
  const samsGrantOnJamie = () =>
    t.database.db
      .selectFrom("proxy_grants")
      .select(["id", "starts_at"])
      .where("patient_id", "=", jamieId)
      .where("revoked_at", "is", null)
      .executeTakeFirstOrThrow();
  /** the connection (grant id) an access token was issued under */
  const grantOf = async (accessToken: string) =>
    (
      await t.database.db
        .selectFrom("oauth_payloads")
        .select("grant_id")
        .where("model", "=", "AccessToken")
        .where("id", "=", accessToken)
        .executeTakeFirstOrThrow()
    ).grant_id as string;

  it("publishes the SMART configuration (PKCE S256, v2 scopes, the endpoints)", async () => {
    const res = await fetch(`${fhirBase()}/.well-known/smart-configuration`);
    expect(res.status).toBe(200);
    const conf = await res.json();
    expect(conf.authorization_endpoint).toBe(`${base}/oauth/auth`);
    expect(conf.token_endpoint).toBe(`${base}/oauth/token`);
    expect(conf.code_challenge_methods_supported).toEqual(["S256"]);
    expect(conf.capabilities).toEqual(
      expect.arrayContaining(["launch-standalone", "permission-v2", "context-standalone-patient"]),
    );
    const metadata = await (await fetch(`${fhirBase()}/metadata`)).json();
    const oauthUris = metadata.rest[0].security.extension.find((e: { url: string }) => e.url.endsWith("/oauth-uris"));
    expect(oauthUris.extension).toEqual(
      expect.arrayContaining([
        { url: "authorize", valueUri: `${base}/oauth/auth` },
        { url: "token", valueUri: `${base}/oauth/token` },
      ]),
    );
    const discovery = await fetch(`${base}/oauth/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect((await discovery.json()).issuer).toBe(`${base}/oauth`);
    // the authorization server's answers carry the portal's protective headers too
    expect(discovery.headers.get("x-content-type-options")).toBe("nosniff");
    expect(discovery.headers.get("x-frame-options")).toBe("DENY");
    expect(discovery.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("runs the whole launch with fhirclient: authorize, consent through the portal session, token, reads", async () => {
    const launch = await fetch(`${appUrl}/launch`, { redirect: "manual" });
    expect(launch.status).toBe(302);
    const authorize = launch.headers.get("location") as string;
    expect(authorize.startsWith(`${base}/oauth/auth?`)).toBe(true);
    expect(new URL(authorize).searchParams.get("code_challenge_method")).toBe("S256");
    const { uid, jar } = await flow.toConsent(authorize);
    expect(uid).toBeTruthy();

    const details = await t.app.inject({
      method: "GET",
      url: `/api/smart/authorizations/${uid}`,
      headers: alex.headers,
    });
    expect(details.statusCode, details.body).toBe(200);
    expect(details.json().app.name).toBe("Health Diary");
    expect(details.json().offline).toBe(true);
    expect(details.json().patients).toEqual([expect.objectContaining({ id: alexId, self: true })]);
    const types = details.json().patients[0].types as string[];
    expect(types).toEqual(expect.arrayContaining(["Patient", "Observation"]));

    const callback = await flow.consentAndReturn(uid as string, jar, alex, { patientId: alexId, types });
    expect(callback.startsWith(`${appUrl}/callback?`)).toBe(true);
    const done = await fetch(callback);
    expect(done.status, String(lastError)).toBe(200);
    const client = lastClient as FhirClient;
    expect(client.patient.id).toBe(alexId);
    expect(client.state.tokenResponse?.refresh_token).toBeTruthy();
    expect(client.getFhirUser()).toBe(`Patient/${alexId}`);

    const patient = await client.patient.read();
    expect(patient.id).toBe(alexId);
    const observations = await client.request(`Observation?patient=${alexId}`);
    expect(observations.resourceType).toBe("Bundle");
    expect(observations.entry.length).toBeGreaterThan(0);

    // each read is audited with the app named
    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("patient_id", "=", alexId)
      .where("resource_type", "=", "fhir_resource")
      .execute();
    expect(rows.some((r) => (r.details as { app?: string })?.app === publicClientId)).toBe(true);

    // the refresh token gives a new access token (a public client names itself: fhirclient's refreshTokenWithClientId)
    (client.environment as unknown as { options: Record<string, unknown> }).options.refreshTokenWithClientId = true;
    await client.refresh();
    expect((await client.patient.read()).id).toBe(alexId);

    // the patient sees the app, and the grant was audited
    const apps = await t.app.inject({ method: "GET", url: "/api/smart/connected-apps", headers: alex.headers });
    expect(apps.json().apps).toEqual([
      expect.objectContaining({
        app: { clientId: publicClientId, name: "Health Diary" },
        patient: expect.objectContaining({ id: alexId }),
        offline: true,
      }),
    ]);
  });

  it("refuses a redirect URI that only starts with the registered one", async () => {
    const { challenge } = pkce();
    for (const redirect of [
      `${appUrl}/callback/evil`,
      `${appUrl}/callback?x=1`,
      `${appUrl}/callbackx`,
      `${appUrl}/CALLBACK`,
    ]) {
      const res = await fetch(
        flow.authorizeUrl({
          response_type: "code",
          client_id: publicClientId,
          redirect_uri: redirect,
          scope: "openid patient/*.rs",
          code_challenge: challenge,
          code_challenge_method: "S256",
        }),
        { redirect: "manual" },
      );
      expect(res.status, redirect).toBe(400);
      expect(res.headers.get("location")).toBeNull();
      expect(await res.text()).toMatch(/redirect_uri/);
    }
  });

  it("requires PKCE with S256 and a matching verifier", async () => {
    const base = {
      response_type: "code",
      client_id: publicClientId,
      redirect_uri: `${appUrl}/callback`,
      scope: "openid patient/*.rs",
      state: "x",
    };
    for (const extra of [{}, { code_challenge: "a".repeat(43), code_challenge_method: "plain" }]) {
      const res = await fetch(flow.authorizeUrl({ ...base, ...extra }), { redirect: "manual" });
      const location = res.headers.get("location") ?? "";
      expect(location.startsWith(`${appUrl}/callback?`), location).toBe(true);
      expect(new URL(location).searchParams.get("error")).toBe("invalid_request");
    }
    const { code } = await flow.codeFor(alex, { patientId: alexId, types: ["Patient"] });
    const wrong = await flow.token({
      grant_type: "authorization_code",
      code,
      redirect_uri: `${appUrl}/callback`,
      client_id: publicClientId,
      code_verifier: pkce().verifier,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toBe("invalid_grant");
    const none = await flow.codeFor(alex, { patientId: alexId, types: ["Patient"] });
    const missing = await flow.token({
      grant_type: "authorization_code",
      code: none.code,
      redirect_uri: `${appUrl}/callback`,
      client_id: publicClientId,
    });
    expect(missing.status).toBe(400);
  });

  it("binds a token to the patient granted: another patient's records answer 404 like missing ones", async () => {
    const granted = await flow.tokenFor(alex, { patientId: alexId, types: ["Patient", "Observation"] });
    expect(granted.patient).toBe(alexId);
    expect((await flow.fhirGet(`/Patient/${alexId}`, granted.access_token)).status).toBe(200);
    const other = await flow.fhirGet(`/Patient/${samId}`, granted.access_token);
    const missing = await flow.fhirGet("/Patient/00000000-0000-4000-8000-000000000000", granted.access_token);
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    const [a, b] = [await other.json(), await missing.json()];
    expect(a.resourceType).toBe("OperationOutcome");
    expect(a.issue[0].code).toBe(b.issue[0].code);
    expect((await flow.fhirGet(`/Observation?patient=${samId}`, granted.access_token)).status).toBe(404);
    // a type the token was not granted
    const meds = await flow.fhirGet(`/MedicationRequest?patient=${alexId}`, granted.access_token);
    expect([403, 404]).toContain(meds.status);
  });

  it("offers a caregiver only the patients and records their grant covers, and refuses more", async () => {
    const { uid } = await flow.startAuthorization({ scope: "launch/patient openid patient/*.rs" });
    const details = await flow.authorizationDetails(uid, sam);
    const ids = (details.patients as { id: string }[]).map((p) => p.id);
    expect(ids).toContain(samId);
    expect(ids).toContain(jamieId);
    expect(ids).not.toContain(alexId);
    // a patient the user acts for nobody: refused like a missing one
    const notMine = await t.app.inject({
      method: "POST",
      url: `/api/smart/authorizations/${uid}/allow`,
      headers: sam.headers,
      payload: { patientId: alexId, types: ["Patient"] },
    });
    expect(notMine.statusCode).toBe(404);
    // a type not offered (and not even requested) for that patient
    const beyond = await t.app.inject({
      method: "POST",
      url: `/api/smart/authorizations/${uid}/allow`,
      headers: sam.headers,
      payload: { patientId: jamieId, types: ["Patient", "Nonsense"] },
    });
    expect(beyond.statusCode).toBe(400);
  });

  it("gives a caregiver's token the child's records through the gate, and nothing of anyone else", async () => {
    const { uid } = await flow.startAuthorization({ scope: "launch/patient openid patient/*.rs" });
    const details = await flow.authorizationDetails(uid, sam);
    const jamie = (details.patients as { id: string; types: string[] }[]).find((p) => p.id === jamieId);
    expect(jamie?.types).toContain("Patient");
    const granted = await flow.tokenFor(sam, { patientId: jamieId, types: ["Patient", "Appointment"] });
    expect(granted.patient).toBe(jamieId);
    expect((await flow.fhirGet(`/Patient/${jamieId}`, granted.access_token)).status).toBe(200);
    expect((await flow.fhirGet(`/Patient/${samId}`, granted.access_token)).status).toBe(404);
    const apps = (await t.app.inject({ method: "GET", url: "/api/smart/connected-apps", headers: sam.headers })).json();
    expect(apps.apps.some((a: { patient: { id: string } }) => a.patient.id === jamieId)).toBe(true);
  });

  it("refuses the token request of a scope narrower grant: the token carries only what was allowed", async () => {
    const granted = await flow.tokenFor(
      alex,
      { patientId: alexId, types: ["Patient"] },
      "openid patient/Patient.rs patient/Observation.rs",
    );
    expect(granted.scope.split(" ")).toContain("patient/Patient.rs");
    expect(granted.scope.split(" ")).not.toContain("patient/Observation.rs");
    expect((await flow.fhirGet(`/Observation?patient=${alexId}`, granted.access_token)).status).not.toBe(200);
  });

  it("introspects a token (active, its client) and answers inactive for an unknown one", async () => {
    const granted = await flow.tokenFor(alex, { patientId: alexId, types: ["Patient"] });
    const res = await fetch(`${base}/oauth/token/introspection`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: granted.access_token, client_id: publicClientId }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { active: boolean; scope?: string; client_id?: string };
    expect(body.active).toBe(true);
    expect(body.client_id).toBe(publicClientId);
    const bogus = await fetch(`${base}/oauth/token/introspection`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: "nope", client_id: publicClientId }),
    });
    expect(((await bogus.json()) as { active: boolean }).active).toBe(false);
  });

  it("refuses a revoked, an expired and a malformed token with a 401 OperationOutcome", async () => {
    const revoked = await flow.tokenFor(alex, { patientId: alexId, types: ["Patient"] });
    const revocation = await fetch(`${base}/oauth/token/revocation`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: revoked.access_token, client_id: publicClientId }),
    });
    expect(revocation.status).toBe(200);
    const afterRevocation = await flow.fhirGet(`/Patient/${alexId}`, revoked.access_token);
    expect(afterRevocation.status).toBe(401);
    expect((await afterRevocation.json()).resourceType).toBe("OperationOutcome");

    const expiring = await flow.tokenFor(alex, { patientId: alexId, types: ["Patient"] });
    expect((await flow.fhirGet(`/Patient/${alexId}`, expiring.access_token)).status).toBe(200);
    await t.database.db
      .updateTable("oauth_payloads")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("model", "=", "AccessToken")
      .where("id", "=", expiring.access_token)
      .execute();
    expect((await flow.fhirGet(`/Patient/${alexId}`, expiring.access_token)).status).toBe(401);

    for (const bad of ["x", `${expiring.access_token}x`, "a".repeat(300)]) {
      const res = await flow.fhirGet(`/Patient/${alexId}`, bad);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/invalid_token/);
    }
  });

  it("revoking a connected app ends its access token and refresh token at once", async () => {
    const granted = await flow.tokenFor(
      alex,
      { patientId: alexId, types: ["Patient"] },
      "openid offline_access patient/*.rs",
    );
    expect(granted.refresh_token).toBeTruthy();
    const apps = (await t.app.inject({ method: "GET", url: "/api/smart/connected-apps", headers: alex.headers })).json()
      .apps as { grantId: string }[];
    const grantId = apps[0]?.grantId as string;
    const refreshedOk = await flow.token({
      grant_type: "refresh_token",
      refresh_token: granted.refresh_token as string,
      client_id: publicClientId,
    });
    expect(refreshedOk.status, JSON.stringify(refreshedOk.json)).toBe(200);
    // someone else cannot revoke it
    const other = await signInDemo(t, "morgan.lee@demo.portico.test");
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/smart/connected-apps/${grantId}/revoke`,
          headers: other.headers,
        })
      ).statusCode,
    ).toBe(404);
    const revoke = await t.app.inject({
      method: "POST",
      url: `/api/smart/connected-apps/${grantId}/revoke`,
      headers: alex.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await flow.fhirGet(`/Patient/${alexId}`, granted.access_token)).status).toBe(401);
    const refreshed = await flow.token({
      grant_type: "refresh_token",
      refresh_token: granted.refresh_token as string,
      client_id: publicClientId,
    });
    expect(refreshed.status).toBe(400);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("resource_type", "=", "smart_app")
      .where("resource_id", "=", grantId)
      .execute();
    expect(audit.map((r) => r.action).sort()).toEqual(["grant", "revoke"]);
  });

  it("does not hand the code to a browser that is not signed in as the person who allowed access", async () => {
    const { uid, jar } = await flow.startAuthorization({ scope: "openid patient/*.rs", state: "phish" });
    // someone else's request, answered by Alex (signed in elsewhere)
    const answer = await t.app.inject({
      method: "POST",
      url: `/api/smart/authorizations/${uid}/allow`,
      headers: alex.headers,
      payload: { patientId: alexId, types: ["Patient"] },
    });
    expect(answer.statusCode).toBe(200);
    const redirectTo = answer.json().redirectTo as string;
    for (const cookie of [jar.header(), jar.header(sam.headers.cookie)]) {
      const res = await fetch(new URL(redirectTo, base), { redirect: "manual", headers: { cookie } });
      expect(res.status).toBe(403);
      expect(res.headers.get("location")).toBeNull();
    }
  });

  it("limits each app's requests per minute (429 OperationOutcome), without touching other apps", async () => {
    const granted = await flow.tokenFor(alex, { patientId: alexId, types: ["Patient"] });
    const limiter = t.app.services.smart.clientLimiter;
    const before = limiter.perMinute;
    limiter.perMinute = 0;
    try {
      const res = await flow.fhirGet(`/Patient/${alexId}`, granted.access_token);
      expect(res.status).toBe(429);
      expect((await res.json()).issue[0].code).toBe("throttled");
      // when to try again: before the minute's window ends
      const retryAfter = Number(res.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    } finally {
      limiter.perMinute = before;
    }
    expect((await flow.fhirGet(`/Patient/${alexId}`, granted.access_token)).status).toBe(200);
    // a portal session is not an app: not counted here
    expect(
      (await t.app.inject({ method: "GET", url: `/fhir/R4/Patient/${alexId}`, headers: alex.headers })).statusCode,
    ).toBe(200);
  });

  it("names a caregiver as fhirUser by their RelatedPerson for the grant on the chosen patient, and a patient by their Patient", async () => {
    const db = t.database.db;
    const proxyGrant = await samsGrantOnJamie();
    const relatedPerson = `${fhirBase()}/RelatedPerson/${proxyGrant.id}`;
    // the FHIR API's RelatedPerson with that id is Sam's grant on Jamie
    expect(await relatedPersonType.sources[0]?.ownerOf(db, proxyGrant.id)).toBe(jamieId);

    // Sam (a patient too) connecting an app for Jamie: the token response and the id_token name the RelatedPerson
    const forJamie = await flow.tokenFor(sam, { patientId: jamieId, types: ["Patient"] });
    expect(forJamie.patient).toBe(jamieId);
    expect(forJamie.fhirUser).toBe(relatedPerson);
    expect(jwtClaims(forJamie.id_token as string).fhirUser).toBe(relatedPerson);
    // for himself: his own Patient
    const forSam = await flow.tokenFor(sam, { patientId: samId, types: ["Patient"] });
    expect(forSam.fhirUser).toBe(`${fhirBase()}/Patient/${samId}`);
    expect(jwtClaims(forSam.id_token as string).fhirUser).toBe(`${fhirBase()}/Patient/${samId}`);

    // and as fhirclient reads it, after a refresh too
    const launch = await fetch(`${appUrl}/launch`, { redirect: "manual" });
    const { uid, jar } = await flow.toConsent(launch.headers.get("location") as string);
    const callback = await flow.consentAndReturn(uid as string, jar, sam, { patientId: jamieId, types: ["Patient"] });
    expect((await fetch(callback)).status, String(lastError)).toBe(200);
    const client = lastClient as FhirClient;
    expect(client.patient.id).toBe(jamieId);
    expect(client.getFhirUser()).toBe(`RelatedPerson/${proxyGrant.id}`);
    (client.environment as unknown as { options: Record<string, unknown> }).options.refreshTokenWithClientId = true;
    await client.refresh();
    expect(client.getFhirUser()).toBe(`RelatedPerson/${proxyGrant.id}`);
  });

  it("ends a caregiver's app connections when their access ends: revoked, expired, or the child turned 18", async () => {
    const db = t.database.db;
    const proxyGrant = await samsGrantOnJamie();
    const { date_of_birth: born } = await db
      .selectFrom("patients")
      .select("date_of_birth")
      .where("id", "=", jamieId)
      .executeTakeFirstOrThrow();
    const listed = async () =>
      (
        (await t.app.inject({ method: "GET", url: "/api/smart/connected-apps", headers: sam.headers })).json().apps as {
          grantId: string;
        }[]
      ).map((a) => a.grantId);
    // Sam's connection for himself is not his caregiver access: it stays
    const own = await flow.tokenFor(sam, { patientId: samId, types: ["Patient"] });
    const ownGrant = await grantOf(own.access_token);

    const now = t.clock.now();
    const ways: [string, () => Promise<unknown>, "read" | "list" | "refresh"][] = [
      [
        "revoked",
        () =>
          db.updateTable("proxy_grants").set({ revoked_at: t.clock.now() }).where("id", "=", proxyGrant.id).execute(),
        "read",
      ],
      [
        "expired",
        () =>
          db
            .updateTable("proxy_grants")
            .set({ ends_at: new Date(t.clock.now().getTime() - 60_000) })
            .where("id", "=", proxyGrant.id)
            .execute(),
        "list",
      ],
      [
        "turned 18 (a parent's grant from before the birthday)",
        async () => {
          await db
            .updateTable("proxy_grants")
            .set({ starts_at: new Date(now.getTime() - 30 * 86_400_000) })
            .where("id", "=", proxyGrant.id)
            .execute();
          await db
            .updateTable("patients")
            .set({
              date_of_birth: new Date(Date.UTC(now.getUTCFullYear() - 18, now.getUTCMonth(), now.getUTCDate() - 1))
                .toISOString()
                .slice(0, 10),
            })
            .where("id", "=", jamieId)
            .execute();
        },
        "refresh",
      ],
    ];
    for (const [way, end, first] of ways) {
      const granted = await flow.tokenFor(
        sam,
        { patientId: jamieId, types: ["Patient"] },
        "launch/patient openid fhirUser offline_access patient/*.rs",
      );
      const grantId = await grantOf(granted.access_token);
      expect((await flow.fhirGet(`/Patient/${jamieId}`, granted.access_token)).status, way).toBe(200);
      expect(await listed(), way).toContain(grantId);
      await end();
      try {
        // the gate itself refuses Sam's own session now
        const session = await t.app.inject({ method: "GET", url: `/fhir/R4/Patient/${jamieId}`, headers: sam.headers });
        expect(session.statusCode, way).toBe(404);
        const refresh = () =>
          flow.token({
            grant_type: "refresh_token",
            refresh_token: granted.refresh_token as string,
            client_id: publicClientId,
          });
        if (first === "list") expect(await listed(), way).not.toContain(grantId);
        if (first === "refresh") {
          const refused = await refresh();
          expect(refused.status, way).toBe(400);
          expect(refused.json.error, way).toBe("invalid_grant");
        }
        // the app's token and refresh token no longer work, and the connection is no longer listed
        const read = await flow.fhirGet(`/Patient/${jamieId}`, granted.access_token);
        expect(read.status, way).toBe(401);
        expect((await read.json()).resourceType, way).toBe("OperationOutcome");
        expect((await refresh()).status, way).toBe(400);
        expect(await listed(), way).not.toContain(grantId);
        const row = await db
          .selectFrom("smart_grants")
          .select("revoked_at")
          .where("grant_id", "=", grantId)
          .executeTakeFirstOrThrow();
        expect(row.revoked_at, way).not.toBeNull();
        const audit = await db
          .selectFrom("audit_log")
          .select(["actor_kind", "details"])
          .where("resource_type", "=", "smart_app")
          .where("action", "=", "revoke")
          .where("resource_id", "=", grantId)
          .execute();
        expect(audit, way).toEqual([
          expect.objectContaining({
            actor_kind: "system",
            details: expect.objectContaining({ reason: "caregiver_access_ended" }),
          }),
        ]);
      } finally {
        await db
          .updateTable("proxy_grants")
          .set({ revoked_at: null, ends_at: null, starts_at: proxyGrant.starts_at })
          .where("id", "=", proxyGrant.id)
          .execute();
        await db.updateTable("patients").set({ date_of_birth: born }).where("id", "=", jamieId).execute();
      }
    }
    expect(await listed()).toContain(ownGrant);
    expect((await flow.fhirGet(`/Patient/${samId}`, own.access_token)).status).toBe(200);
  });

  it("ends a caregiver's unused connection in the daily job once their access has ended, and keeps the rest", async () => {
    const db = t.database.db;
    const proxyGrant = await samsGrantOnJamie();
    // this test's connection for Jamie is Sam's only one: earlier tests' are closed first
    await db
      .updateTable("smart_grants")
      .set({ revoked_at: t.clock.now() })
      .where("patient_id", "=", jamieId)
      .where("revoked_at", "is", null)
      .execute();
    const forJamie = await flow.tokenFor(sam, { patientId: jamieId, types: ["Patient"] });
    const forSam = await flow.tokenFor(sam, { patientId: samId, types: ["Patient"] });
    const [jamieGrant, samGrant] = [await grantOf(forJamie.access_token), await grantOf(forSam.access_token)];
    const revokedAt = async (grantId: string) =>
      (
        await db
          .selectFrom("smart_grants")
          .select("revoked_at")
          .where("grant_id", "=", grantId)
          .executeTakeFirstOrThrow()
      ).revoked_at;
    const smartService = t.app.services.smart;
    // nothing has ended: nothing to do
    expect(await smartService.endCaregiverConnections()).toBe(0);
    await db.updateTable("proxy_grants").set({ revoked_at: t.clock.now() }).where("id", "=", proxyGrant.id).execute();
    try {
      // queued for the day, with one run per date
      await smartService.scheduleDaily();
      await smartService.scheduleDaily();
      const queued = await db
        .selectFrom("jobs")
        .select("run_at")
        .where("queue", "=", END_CAREGIVER_CONNECTIONS_QUEUE)
        .where("status", "=", "pending")
        .execute();
      expect(queued).toHaveLength(1);
      expect(await smartService.endCaregiverConnections()).toBe(1);
      expect(await revokedAt(jamieGrant)).not.toBeNull();
      expect(await revokedAt(samGrant)).toBeNull();
      // its tokens are gone with it
      const left = await db.selectFrom("oauth_payloads").select("id").where("grant_id", "=", jamieGrant).execute();
      expect(left).toEqual([]);
      expect((await flow.fhirGet(`/Patient/${samId}`, forSam.access_token)).status).toBe(200);
      expect(await smartService.endCaregiverConnections()).toBe(0);
    } finally {
      await db.updateTable("proxy_grants").set({ revoked_at: null }).where("id", "=", proxyGrant.id).execute();
    }
  });

  it("offers a caregiver each type by the portal scopes of the record sections the FHIR type registry reads it from", () => {
    for (const type of fhirResourceTypes) {
      // patient data has the scopes of its sections; the clinic's directory none (offered to anyone)
      expect(typeScopes(type.type).length > 0, type.type).toBe(type.sources.length > 0);
    }
    expect(typeScopes("Patient")).toEqual(["profile"]);
    expect(typeScopes("RelatedPerson")).toEqual(["proxies"]);
    expect(typeScopes("Appointment")).toEqual(["appointments"]);
    expect(typeScopes("Practitioner")).toEqual([]);
  });

  it("lets a denial go back to the app as access_denied", async () => {
    const { uid, jar } = await flow.startAuthorization({ scope: "openid patient/*.rs", state: "d" });
    const back = new URL(await flow.consentAndReturn(uid, jar, alex, "deny"));
    expect(back.searchParams.get("error")).toBe("access_denied");
  });

  it("authenticates a confidential app with its secret", async () => {
    const res = await flow.token(
      {
        grant_type: "authorization_code",
        code: "nope",
        redirect_uri: "https://partner.example/cb",
        code_verifier: pkce().verifier,
      },
      { authorization: `Basic ${Buffer.from(`${confidential.clientId}:wrong`).toString("base64")}` },
    );
    expect(res.status).toBe(401);
    expect(res.json.error).toBe("invalid_client");
    const right = await flow.token(
      {
        grant_type: "authorization_code",
        code: "nope",
        redirect_uri: "https://partner.example/cb",
        code_verifier: pkce().verifier,
      },
      { authorization: `Basic ${Buffer.from(`${confidential.clientId}:${confidential.secret}`).toString("base64")}` },
    );
    expect(right.json.error).toBe("invalid_grant");
  });

  it("a disabled app's tokens stop working and it cannot start a new request", async () => {
    const { clientId } = await registerApp(t, admin, {
      name: "Short-lived",
      confidential: false,
      redirectUris: [`${appUrl}/callback`],
    });
    const { uid, jar, verifier, challenge } = await flow.startAuthorization({
      clientId,
      scope: "openid patient/Patient.rs",
    });
    const back = new URL(await flow.consentAndReturn(uid, jar, alex, { patientId: alexId, types: ["Patient"] }));
    const granted = await flow.token({
      grant_type: "authorization_code",
      code: back.searchParams.get("code") as string,
      redirect_uri: `${appUrl}/callback`,
      client_id: clientId,
      code_verifier: verifier,
    });
    expect((await flow.fhirGet(`/Patient/${alexId}`, granted.json.access_token)).status).toBe(200);
    const disabled = await t.app.inject({
      method: "POST",
      url: `/api/smart/clients/${clientId}/disable`,
      headers: admin.headers,
    });
    expect(disabled.json().disabled).toBe(true);
    expect((await flow.fhirGet(`/Patient/${alexId}`, granted.json.access_token)).status).toBe(401);
    const again = await fetch(
      flow.authorizeUrl({
        response_type: "code",
        client_id: clientId,
        redirect_uri: `${appUrl}/callback`,
        scope: "openid patient/Patient.rs",
        code_challenge: challenge,
        code_challenge_method: "S256",
      }),
      { redirect: "manual" },
    );
    expect(again.status).toBe(400);
  });

  it("registers apps for administrators only, with exact, absolute redirect URIs", async () => {
    const asPatient = await t.app.inject({
      method: "POST",
      url: "/api/smart/clients",
      headers: alex.headers,
      payload: { name: "X", confidential: false, redirectUris: ["https://x.example/cb"] },
    });
    expect(asPatient.statusCode).toBe(403);
    for (const uri of ["/relative", "http://evil.example/cb", "https://x.example/cb#frag", "javascript:alert(1)"]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/smart/clients",
        headers: admin.headers,
        payload: { name: "X", confidential: false, redirectUris: [uri] },
      });
      expect(res.statusCode, uri).toBe(400);
    }
    const list = await t.app.inject({ method: "GET", url: "/api/smart/clients", headers: admin.headers });
    expect(
      list
        .json()
        .clients.map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(["Clinic Partner", "Health Diary", "Short-lived"]);
  });
});
