import type { IncomingMessage } from "node:http";
import {
  ConnectedAppList,
  errorResponses,
  GrantIdParams,
  SmartAuthorization,
  SmartClient,
  SmartClientCreated,
  SmartClientIdParams,
  SmartClientInput,
  SmartClientList,
  SmartConsentInput,
  SmartRedirect,
  SmartUidParams,
} from "@portico/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { App } from "../../app.ts";
import type { Config } from "../../config.ts";
import { sessionCookie } from "../../platform/auth/cookie.ts";
import { readSessionToken } from "../../platform/auth/plugin.ts";
import type { SessionStore } from "../../platform/auth/sessions.ts";
import { FHIR_BASE_PATH } from "../fhir-api/routes.ts";
import { AppThrottled, OAUTH_PATH, type SmartService } from "./service.ts";

const tags = ["smart"];
const ok = (schema: unknown) => ({ ...errorResponses, 200: schema });

const OAUTH_HEADERS: readonly [string, string][] = [
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "no-referrer"],
];

/**
 * The authorization server (oidc-provider, a Koa app) mounted at `/oauth`, the SMART
 * configuration beside the FHIR base, and the portal's API for the consent page, connected
 * apps and app registration.
 */
export async function smartRoutes(
  app: App,
  smart: SmartService,
  deps: { sessions: SessionStore; config: Pick<Config, "publicUrl"> },
): Promise<void> {
  const fastify = app as unknown as FastifyInstance;
  const cookie = sessionCookie(deps.config);
  await fastify.register(async (oauth) => {
    // the authorization server reads its own request bodies (forms): leave the stream unread
    oauth.removeAllContentTypeParsers();
    oauth.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));
    const forward = async (request: FastifyRequest, reply: FastifyReply) => {
      const provider = await smart.provider();
      // an answered consent resumes only in a browser signed in to the portal as the person who
      // answered it: a request started in someone else's browser cannot collect the code
      const resume = /^\/oauth\/auth\/([A-Za-z0-9_-]{1,100})$/.exec(request.url.split("?")[0] ?? "");
      if (resume?.[1] && request.method === "GET") {
        const interaction = await provider.Interaction.find(resume[1]);
        const accountId = interaction?.result?.login?.accountId;
        if (accountId) {
          const token = readSessionToken(request, cookie);
          const session = token ? await deps.sessions.authenticate(token) : undefined;
          if (session?.state !== "active" || session.actor.userId !== accountId) {
            return reply
              .status(403)
              .type("text/plain; charset=utf-8")
              .send(
                "access_denied: finish connecting the app in the browser where you allowed it, signed in to the portal.",
              );
          }
        }
      }
      reply.hijack();
      // the portal's own headers (helmet) do not reach a hijacked reply: the ones that matter
      // here — no sniffing, no framing of the sign-in and consent steps, no Referer carrying a code
      for (const [name, value] of OAUTH_HEADERS) reply.raw.setHeader(name, value);
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? "/").slice(OAUTH_PATH.length) || "/";
      await provider.callback()(raw, reply.raw as never);
    };
    oauth.all(OAUTH_PATH, { schema: { hide: true } }, forward);
    oauth.all(`${OAUTH_PATH}/*`, { schema: { hide: true } }, forward);
  });

  // an app over its per-minute limit on the FHIR API: the 429 OperationOutcome says when to try again
  fastify.addHook("onError", async (_request, reply, error) => {
    if (error instanceof AppThrottled) reply.header("retry-after", String(error.retryAfterSeconds));
  });

  fastify.get(
    `${FHIR_BASE_PATH}/.well-known/smart-configuration`,
    { schema: { hide: true } },
    async (_request, reply) => {
      reply.header("cache-control", "public, max-age=3600");
      reply.header("access-control-allow-origin", "*");
      return reply.type("application/json").send(smart.smartConfiguration());
    },
  );

  // ---- the consent page (the signed-in patient or caregiver) ----
  app.get(
    "/api/smart/authorizations/:uid",
    {
      schema: {
        tags,
        summary: "An app's request to connect: the app, what it asks for, and the patients the user may connect",
        params: SmartUidParams,
        response: ok(SmartAuthorization),
      },
    },
    async (request) => smart.authorization(request.params.uid),
  );
  app.post(
    "/api/smart/authorizations/:uid/allow",
    {
      schema: {
        tags,
        summary: "Allow the app to read the chosen records of one patient",
        params: SmartUidParams,
        body: SmartConsentInput,
        response: ok(SmartRedirect),
      },
    },
    async (request) => smart.consent(request.params.uid, request.body),
  );
  app.post(
    "/api/smart/authorizations/:uid/deny",
    {
      schema: { tags, summary: "Refuse the app's request", params: SmartUidParams, response: ok(SmartRedirect) },
    },
    async (request) => smart.deny(request.params.uid),
  );

  // ---- connected apps ----
  app.get(
    "/api/smart/connected-apps",
    {
      schema: {
        tags,
        summary: "Apps with access to the signed-in user's record or to records they allowed",
        response: ok(ConnectedAppList),
      },
    },
    async () => ({ apps: await smart.connectedApps() }),
  );
  app.post(
    "/api/smart/connected-apps/:grantId/revoke",
    {
      schema: {
        tags,
        summary: "End an app's access (its grant and every token issued under it)",
        params: GrantIdParams,
        response: { ...errorResponses, 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await smart.revoke(request.params.grantId);
      return reply.status(204).send(null);
    },
  );

  // ---- app registration (administrators) ----
  app.get(
    "/api/smart/clients",
    { schema: { tags, summary: "Registered apps", response: ok(SmartClientList) } },
    async () => ({ clients: await smart.listClients() }),
  );
  app.post(
    "/api/smart/clients",
    {
      schema: {
        tags,
        summary: "Register an app (a confidential app's secret is shown once)",
        body: SmartClientInput,
        response: { ...errorResponses, 201: SmartClientCreated },
      },
    },
    async (request, reply) => reply.status(201).send(await smart.createClient(request.body)),
  );
  app.post(
    "/api/smart/clients/:clientId/disable",
    {
      schema: {
        tags,
        summary: "Disable an app (its tokens stop working)",
        params: SmartClientIdParams,
        response: ok(SmartClient),
      },
    },
    async (request) => smart.disableClient(request.params.clientId),
  );
}
