import { compiledQuery } from "../../db/compiled-query.ts";
import { type AgeBounds, grantInForce } from "../../platform/access/policy.ts";
import { loadUserActor } from "../../platform/auth/sessions.ts";
import type { Actor } from "../../platform/context.ts";
import type { FhirCaller } from "../fhir-api/caller.ts";
import { FhirError } from "../fhir-api/outcome.ts";
import type { FhirTokenVerifier } from "../fhir-api/routes.ts";
import { endConnections } from "./connection-basis.ts";
import type { ClientRateLimiter } from "./rate-limit.ts";
import { typesAllowed } from "./scopes.ts";
import type { SmartContext } from "./smart-context.ts";

/** FHIR API requests per connected app per minute (`ClientRateLimiter`) */
export const FHIR_REQUESTS_PER_CLIENT_PER_MINUTE = 600;

/** a FHIR request refused because the app is over its per-minute limit (answered with Retry-After) */
export class AppThrottled extends FhirError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(429, "throttled", "This app sent too many requests. Wait a minute and try again.");
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * A token's unrevoked grant of an enabled app, with the facts of its patient's chart the
 * access policy needs (prepared once: every FHIR request asks it). The chart is a left join,
 * so a grant whose chart is gone is still found, and ended.
 */
const tokenGrantQuery = compiledQuery("portico_smart_token_grant", (db, { grantId }: { grantId: string }) =>
  db
    .selectFrom("smart_grants as g")
    .innerJoin("smart_clients as c", "c.client_id", "g.client_id")
    .leftJoin("patients as p", "p.id", "g.patient_id")
    .select(["g.grant_id", "g.user_id", "g.patient_id", "c.client_id", "c.name"])
    .select(["p.user_id as chart_user_id", "p.status as chart_status", "p.date_of_birth as chart_dob"])
    .where("g.grant_id", "=", grantId)
    .where("g.revoked_at", "is", null)
    .where("c.disabled_at", "is", null),
);

type TokenGrant = Awaited<ReturnType<typeof tokenGrantQuery>>[number];

/**
 * Does the connection still act for its patient? The patient's own (the actor's chart, or the
 * chart's login), or a caregiver with a proxy grant on the chart in force now: the actor's
 * unrevoked grants, as their session loads them, by the access policy's `grantInForce` (not
 * started, expired, or a parent's grant outlived by the patient's 18th birthday: ended).
 */
function actsForPatient(actor: Actor, grant: TokenGrant, now: Date, ages: AgeBounds): boolean {
  if (actor.patientId === grant.patient_id || grant.chart_user_id === grant.user_id) return true;
  if (grant.chart_status === null || grant.chart_dob === null) return false;
  const chart = { id: grant.patient_id, status: grant.chart_status, dateOfBirth: grant.chart_dob };
  return actor.grants.some((g) => grantInForce(g, chart, now, ages));
}

/** the user a token acts for, loaded as a session loads them, never with staff roles: a token is patient-facing */
async function actorFor(c: SmartContext, userId: string): Promise<Actor | undefined> {
  const actor = await loadUserActor(c.db, userId);
  return actor && Object.freeze({ ...actor, roles: [], providerId: null });
}

/**
 * The FHIR API's token check: the token must be known, unexpired, for the FHIR base, under an
 * unrevoked grant of an enabled app and of its user; a caregiver's connection lasts as long as
 * their access to the patient (ended, it is revoked here); then the app's per-minute limit.
 */
export function tokenVerifier(c: SmartContext, limiter: ClientRateLimiter): FhirTokenVerifier {
  return {
    verify: async (value) => {
      const provider = await c.provider();
      const token = await provider.AccessToken.find(value);
      if (!token || token.isExpired || !token.grantId || !token.accountId) return null;
      const audience = Array.isArray(token.aud) ? token.aud : [token.aud];
      if (!audience.includes(c.fhirBase)) return null;
      const [grant] = await tokenGrantQuery(c.db, { grantId: token.grantId });
      if (!grant || grant.user_id !== token.accountId || grant.client_id !== token.clientId) return null;
      const actor = await actorFor(c, grant.user_id);
      if (!actor) return null;
      // a caregiver's connection lasts as long as their access to the patient
      if (!actsForPatient(actor, grant, c.clock.now(), c.access.ageBounds)) {
        await endConnections(c, [grant]);
        return null;
      }
      const rate = await limiter.take(grant.client_id);
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
}
