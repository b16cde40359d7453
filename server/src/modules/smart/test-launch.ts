import { createHash, randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { TestContext } from "../../test/app.ts";

/** the token endpoint's answer (fields the tests read) */
export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  scope: string;
  patient?: string;
  fhirUser?: string;
  error?: string;
}

/** someone signed in to the portal (their session cookie and CSRF headers) */
export interface PortalUser {
  headers: Record<string, string>;
}

/** the cookies a browser keeps for one site (enough for the authorization server's cookies) */
export class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) this.#cookies.set(name.trim(), value.join("="));
    }
  }
  header(extra?: string): string {
    return [...[...this.#cookies].map(([k, v]) => `${k}=${v}`), ...(extra ? [extra] : [])].join("; ");
  }
}

export const pkce = () => {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
};

/** the claims of a JWT (an id_token), unverified: the tests read what the server put in it */
export const jwtClaims = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));

/** an administrator registers an app (201 expected): its client id, and its secret for a confidential one */
export async function registerApp(
  t: Pick<TestContext, "app">,
  admin: PortalUser,
  app: { name: string; confidential: boolean; redirectUris: string[] },
): Promise<{ clientId: string; secret: string | null }> {
  const created = await t.app.inject({
    method: "POST",
    url: "/api/smart/clients",
    headers: admin.headers,
    payload: app,
  });
  expect(created.statusCode, created.body).toBe(201);
  return { clientId: created.json().client.clientId, secret: created.json().clientSecret };
}

/** where the launches go: the portal listening at `base`, and the registered app */
export interface LaunchTarget {
  base(): string;
  clientId(): string;
  redirectUri(): string;
}

/**
 * A SMART standalone launch driven by hand, as a browser and an app would: the authorization
 * request, the portal's consent page (its API), the browser back through the authorization
 * server, the token request, and FHIR reads with the token.
 */
export function smartLaunch(t: TestContext, target: LaunchTarget) {
  const fhirBase = () => `${target.base()}/fhir/R4`;

  /** a hand-made authorization request (also for the bad cases fhirclient never sends) */
  function authorizeUrl(params: Record<string, string | undefined>): string {
    const url = new URL(`${target.base()}/oauth/auth`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
    return url.toString();
  }

  /** follows the browser through the authorization server to the consent page; answers its uid and the jar */
  async function toConsent(url: string, jar = new CookieJar()) {
    const res = await fetch(url, { redirect: "manual", headers: { cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get("location") ?? "";
    const uid = /^\/connect-app\/([A-Za-z0-9_-]+)$/.exec(location)?.[1];
    return { res, uid, jar, location };
  }

  /** a well-formed authorization request (PKCE S256) up to the consent page */
  async function startAuthorization(
    options: { scope?: string; state?: string; clientId?: string; aud?: string } = {},
  ): Promise<{ uid: string; jar: CookieJar; verifier: string; challenge: string }> {
    const { verifier, challenge } = pkce();
    const { uid, jar } = await toConsent(
      authorizeUrl({
        response_type: "code",
        client_id: options.clientId ?? target.clientId(),
        redirect_uri: target.redirectUri(),
        scope: options.scope ?? "launch/patient openid fhirUser patient/*.rs",
        state: options.state,
        aud: options.aud,
        code_challenge: challenge,
        code_challenge_method: "S256",
      }),
    );
    expect(uid).toBeTruthy();
    return { uid: uid as string, jar, verifier, challenge };
  }

  /** what the consent page shows the signed-in user for a request */
  async function authorizationDetails(uid: string, who: PortalUser) {
    const res = await t.app.inject({ method: "GET", url: `/api/smart/authorizations/${uid}`, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      app: { name: string };
      offline: boolean;
      patients: { id: string; self: boolean; types: string[] }[];
    };
  }

  /** the consent page's calls, then the browser back through the authorization server: the redirect to the app */
  async function consentAndReturn(
    uid: string,
    jar: CookieJar,
    who: PortalUser,
    choice: { patientId: string; types: string[] } | "deny",
  ): Promise<string> {
    const answer = await t.app.inject({
      method: "POST",
      url: `/api/smart/authorizations/${uid}/${choice === "deny" ? "deny" : "allow"}`,
      headers: who.headers,
      ...(choice === "deny" ? {} : { payload: choice }),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    let next = answer.json().redirectTo as string;
    for (let i = 0; i < 5; i++) {
      // the browser that started the request, signed in to the portal as the person who answered
      const res = await fetch(new URL(next, target.base()), {
        redirect: "manual",
        headers: { cookie: jar.header(who.headers.cookie) },
      });
      jar.take(res);
      const location = res.headers.get("location");
      if (!location) throw new Error(`no redirect from ${next}: ${res.status} ${await res.text()}`);
      if (!location.startsWith(target.base())) return location;
      next = location;
    }
    throw new Error("too many redirects");
  }

  /** an authorization code for what `who` allows, and its PKCE verifier */
  async function codeFor(
    who: PortalUser,
    choice: { patientId: string; types: string[] },
    scope = "launch/patient openid fhirUser patient/*.rs",
    clientId?: string,
  ) {
    const { uid, jar, verifier } = await startAuthorization({ scope, state: "s1", aud: fhirBase(), clientId });
    const back = new URL(await consentAndReturn(uid, jar, who, choice));
    return { code: back.searchParams.get("code") as string, verifier };
  }

  async function token(body: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await fetch(`${target.base()}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(body),
    });
    return { status: res.status, json: (await res.json()) as TokenResponse };
  }

  /** the whole launch for a public app: authorize, consent, token (200 expected) */
  async function tokenFor(who: PortalUser, choice: { patientId: string; types: string[] }, scope?: string) {
    t.clock.advance({ seconds: 1 });
    const { code, verifier } = await codeFor(who, choice, scope);
    const res = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri: target.redirectUri(),
      client_id: target.clientId(),
      code_verifier: verifier,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json;
  }

  const fhirGet = (path: string, accessToken: string) =>
    fetch(`${fhirBase()}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });

  return {
    fhirBase,
    authorizeUrl,
    toConsent,
    startAuthorization,
    authorizationDetails,
    consentAndReturn,
    codeFor,
    token,
    tokenFor,
    fhirGet,
  };
}
