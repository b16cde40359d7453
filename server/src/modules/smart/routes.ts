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
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { App } from "../../app.ts";
import { FHIR_BASE_PATH } from "../fhir-api/routes.ts";
import { OAUTH_PATH, type SmartService } from "./service.ts";

const tags = ["smart"];
const ok = (schema: unknown) => ({ ...errorResponses, 200: schema });

/**
 * The authorization server (oidc-provider, a Koa app) mounted at `/oauth`, the SMART
 * configuration beside the FHIR base, and the portal's API for the consent page, connected
 * apps and app registration.
 */
export async function smartRoutes(app: App, smart: SmartService): Promise<void> {
  const fastify = app as unknown as FastifyInstance;
  await fastify.register(async (oauth) => {
    // the authorization server reads its own request bodies (forms): leave the stream unread
    oauth.removeAllContentTypeParsers();
    oauth.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));
    const forward = async (request: { raw: IncomingMessage }, reply: { hijack(): void; raw: unknown }) => {
      const provider = await smart.provider();
      reply.hijack();
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? "/").slice(OAUTH_PATH.length) || "/";
      await provider.callback()(raw, reply.raw as never);
    };
    oauth.all(OAUTH_PATH, { schema: { hide: true } }, forward);
    oauth.all(`${OAUTH_PATH}/*`, { schema: { hide: true } }, forward);
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
