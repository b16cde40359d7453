import { Readable } from "node:stream";
import type { Resource } from "@medplum/fhirtypes";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../../app.ts";
import type { Config } from "../../config.ts";
import { sessionCookie } from "../../platform/auth/cookie.ts";
import { readSessionToken } from "../../platform/auth/plugin.ts";
import type { SessionStore } from "../../platform/auth/sessions.ts";
import type { Actor } from "../../platform/context.ts";
import { DomainError, errorStatus } from "../../platform/errors.ts";
import type { RecordService } from "../records/record-service.ts";
import { type FhirCaller, portalSessionCaller } from "./caller.ts";
import { capabilityStatement } from "./capability.ts";
import { type FhirService, patientIdOf } from "./fhir-service.ts";
import { FhirError, operationOutcome } from "./outcome.ts";

export const FHIR_BASE_PATH = "/fhir/R4";
export const FHIR_JSON = "application/fhir+json; charset=utf-8";
const MAX_COUNT = 200;
const DEFAULT_COUNT = 50;
const MAX_OFFSET = 10_000;

/** every /fhir/R4 answer: readable from any origin, without credentials (no allow-credentials: `*` forbids cookies) */
const FHIR_CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Last-Modified, Location, WWW-Authenticate",
  "cross-origin-resource-policy": "cross-origin",
  vary: "Origin",
};
/** a preflight: GET with Authorization (a bearer token) and the FHIR headers */
const FHIR_PREFLIGHT_HEADERS = {
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-allow-headers": "Authorization, Accept, Content-Type, Prefer, If-None-Match, If-Modified-Since",
  "access-control-max-age": "600",
};

/**
 * Turns a bearer token into the user it acts for and what it may read (SMART App Launch
 * tokens, `modules/smart`); null for a malformed, expired or revoked token (401).
 */
export interface FhirTokenVerifier {
  verify(token: string): Promise<{ actor: Actor; caller: FhirCaller } | null>;
}

export interface FhirRouteDeps {
  fhir: FhirService;
  records: RecordService;
  sessions: SessionStore;
  config: Pick<Config, "publicUrl">;
  /** SMART App Launch tokens (left out: the smart module's, `services.smart.verifier`) */
  tokens?: FhirTokenVerifier;
  releasedAt: Date;
}

const callers = new WeakMap<FastifyRequest, FhirCaller>();
const callerOf = (request: FastifyRequest): FhirCaller => callers.get(request) ?? portalSessionCaller;

/**
 * The FHIR R4 API under `/fhir/R4` (read-only): `metadata`, read and search of each type in
 * `resources/`, and `Patient/[id]/$everything`. Answers `application/fhir+json`, errors as
 * OperationOutcome. A caller is a signed-in portal session (read-only GETs need no CSRF
 * token) or a bearer token from `tokens`; `metadata` needs neither.
 */
export async function fhirRoutes(app: App, deps: FhirRouteDeps): Promise<void> {
  const { fhir, records, sessions, config } = deps;
  const baseUrl = `${config.publicUrl}${FHIR_BASE_PATH}`;
  const cookie = sessionCookie(config);
  const ownOrigin = new URL(config.publicUrl).origin;

  await (app as unknown as FastifyInstance).register(
    async (api) => {
      // the FHIR API describes itself (metadata's CapabilityStatement), not in the /api document
      api.addHook("onRoute", (route) => {
        route.schema = { ...route.schema, hide: true };
      });
      api.setErrorHandler(fhirErrorHandler);
      api.setNotFoundHandler((request, reply) =>
        sendOutcome(
          reply,
          new FhirError(404, "not-found", `No such FHIR endpoint: ${request.method} ${request.url.split("?")[0]}`),
        ),
      );

      // CORS for browser-based apps (SMART): any origin, bearer tokens only, never cookies cross-origin
      api.addHook("onRequest", async (_request, reply) => {
        reply.headers(FHIR_CORS_HEADERS);
      });
      api.options("/*", async (_request, reply) => reply.status(204).headers(FHIR_PREFLIGHT_HEADERS).send());

      api.addHook("onRequest", async (request, reply) => {
        reply.header("cache-control", "no-store");
        if (request.routeOptions.url === `${FHIR_BASE_PATH}/metadata` || request.is404 || request.method === "OPTIONS")
          return;
        const authorization = request.headers.authorization;
        if (authorization !== undefined) {
          const token = /^Bearer ([\x21-\x7e]{1,4096})$/i.exec(authorization)?.[1];
          const verifier = deps.tokens ?? app.services.smart?.verifier;
          const verified = token && verifier ? await verifier.verify(token) : null;
          if (!verified) {
            reply.header("www-authenticate", 'Bearer error="invalid_token"');
            throw new FhirError(401, "login", "The access token is not valid (malformed, expired or revoked).");
          }
          request.ctx.actor = verified.actor;
          if (verified.caller.app) request.ctx.app = { clientId: verified.caller.app.clientId };
          callers.set(request, verified.caller);
          return;
        }
        // the portal session only from the portal's own pages: another origin must send a token
        const origin = request.headers.origin;
        const sessionToken =
          origin === undefined || origin === ownOrigin ? readSessionToken(request, cookie) : undefined;
        const session = sessionToken ? await sessions.authenticate(sessionToken) : undefined;
        if (session?.state !== "active") {
          reply.header("www-authenticate", "Bearer");
          throw new FhirError(401, "login", "Sign in, or send an access token (Authorization: Bearer).");
        }
        request.ctx.actor = session.actor;
      });

      api.get("/metadata", async (_request, reply) =>
        reply.type(FHIR_JSON).send(capabilityStatement(baseUrl, { name: "Portico", releasedAt: deps.releasedAt })),
      );

      api.get<{ Params: { id: string } }>("/Patient/:id/$everything", async (request, reply) => {
        rejectUnknownParams(request, []);
        const caller = callerOf(request);
        if (!caller.mayRead("Patient"))
          throw new FhirError(403, "forbidden", "The token's scopes do not include Patient.");
        await fhir.everythingFor(caller, request.params.id);
        const { stream } = await records.download(request.params.id, "fhir");
        return reply.type(FHIR_JSON).send(asSearchset(stream) as never);
      });

      api.get<{ Params: { type: string } }>("/:type", async (request, reply) => {
        const type = fhir.typeOf(request.params.type);
        const names = type.searchParams.map((p) => p.name);
        const params = rejectUnknownParams(request, [...names, "_count", "_offset", "_include", "_revinclude"]);
        const repeated = readRepeated(request, names);
        const filters = type.searchParams.flatMap((param) =>
          "values" in param ? (repeated[param.name] ?? []).map((value) => ({ param, value })) : [],
        );
        const count = Math.min(
          integerParam(params._count, "_count", 1, Number.MAX_SAFE_INTEGER) ?? DEFAULT_COUNT,
          MAX_COUNT,
        );
        const offset = integerParam(params._offset, "_offset", 0, MAX_OFFSET) ?? 0;
        const { _include: include = [], _revinclude: revinclude = [] } = readRepeated(request, [
          "_include",
          "_revinclude",
        ]);
        const lenient = /\bhandling=lenient\b/.test(String(request.headers.prefer ?? ""));
        const page = await fhir.search(
          callerOf(request),
          type,
          { patient: params.patient, _id: params._id, filters, include, revinclude, lenient },
          { count, offset },
        );
        const link = (at: number) => {
          const query = new URLSearchParams();
          if (params.patient !== undefined) query.set("patient", `Patient/${patientIdOf(params.patient)}`);
          if (params._id !== undefined) query.set("_id", params._id);
          for (const { param, value } of filters) query.append(param.name, value);
          for (const value of include) query.append("_include", value);
          for (const value of revinclude) query.append("_revinclude", value);
          query.set("_count", String(count));
          query.set("_offset", String(at));
          return `${baseUrl}/${type.type}?${query}`;
        };
        return reply.type(FHIR_JSON).send({
          resourceType: "Bundle",
          type: "searchset",
          link: [
            { relation: "self", url: link(offset) },
            ...(page.more ? [{ relation: "next", url: link(offset + count) }] : []),
            ...(offset > 0 ? [{ relation: "previous", url: link(Math.max(0, offset - count)) }] : []),
          ],
          entry: [
            ...page.resources.map((resource: Resource) => ({
              fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`,
              resource,
              search: { mode: "match" },
            })),
            ...page.included.map((resource: Resource) => ({
              fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`,
              resource,
              search: { mode: "include" },
            })),
          ],
        });
      });

      api.get<{ Params: { type: string; id: string } }>("/:type/:id", async (request, reply) => {
        const type = fhir.typeOf(request.params.type);
        rejectUnknownParams(request, []);
        const resource = await fhir.read(callerOf(request), type, request.params.id);
        if (resource.meta?.versionId) reply.header("etag", `W/"${resource.meta.versionId}"`);
        if (resource.meta?.lastUpdated)
          reply.header("last-modified", new Date(resource.meta.lastUpdated).toUTCString());
        return reply.type(FHIR_JSON).send(resource);
      });
    },
    { prefix: FHIR_BASE_PATH },
  );
}

/** `_format` (json only) is always accepted; anything else not listed is 400, unless `Prefer: handling=lenient` */
function rejectUnknownParams(request: FastifyRequest, allowed: readonly string[]): Record<string, string | undefined> {
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  const lenient = /\bhandling=lenient\b/.test(String(request.headers.prefer ?? ""));
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(query)) {
    if (name === "_format") {
      if (!["json", "application/json", "application/fhir+json"].includes(String(value))) {
        throw new FhirError(400, "not-supported", "Only JSON is served (_format=json).");
      }
      continue;
    }
    if (!allowed.includes(name)) {
      if (lenient) continue;
      throw new FhirError(400, "not-supported", `The search parameter ${name} is not supported here.`);
    }
    if (Array.isArray(value)) {
      if (REPEATABLE(name)) continue;
      throw new FhirError(400, "invalid", `Give the parameter ${name} once.`);
    }
    out[name] = value;
  }
  return out;
}

/** parameters compared on resources may be repeated (all must match: `date=ge2024-01-01&date=lt2025-01-01`) */
const REPEATABLE = (name: string) => !["patient", "_id", "_count", "_offset"].includes(name);

function readRepeated(request: FastifyRequest, names: readonly string[]): Record<string, string[]> {
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  const out: Record<string, string[]> = {};
  for (const name of names) {
    const value = query[name];
    if (value !== undefined && REPEATABLE(name)) out[name] = Array.isArray(value) ? value : [value];
  }
  return out;
}

function integerParam(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new FhirError(400, "invalid", `${name} must be a whole number from ${min} to ${max}.`);
  }
  return Number(value);
}

/** The record download's FHIR Bundle, as `$everything` answers it: a `searchset` (the same entries). */
function asSearchset(stream: Readable): Readable {
  let first = true;
  return Readable.from(
    (async function* () {
      for await (const chunk of stream) {
        const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
        if (first) {
          first = false;
          yield text.replace('"type":"collection"', '"type":"searchset"');
        } else yield text;
      }
    })(),
    { objectMode: false },
  );
}

function sendOutcome(reply: FastifyReply, error: FhirError) {
  return reply.status(error.status).type(FHIR_JSON).send(operationOutcome(error.code, error.message));
}

const DOMAIN_CODES: Partial<Record<number, FhirError["code"]>> = {
  400: "invalid",
  401: "login",
  403: "forbidden",
  404: "not-found",
  429: "throttled",
};

/** Every error under /fhir/R4 as an OperationOutcome; a record one may not see is 404 like a missing one. */
function fhirErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof FhirError) return sendOutcome(reply, error);
  if (error instanceof DomainError) {
    const status = errorStatus[error.code];
    const code = DOMAIN_CODES[status] ?? (status >= 500 ? "exception" : "invalid");
    if (status === 401) reply.header("www-authenticate", "Bearer");
    return sendOutcome(reply, new FhirError(status, code, error.message));
  }
  if (error.statusCode === 429)
    return sendOutcome(reply, new FhirError(429, "throttled", "Too many requests. Wait a moment and try again."));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendOutcome(
      reply,
      new FhirError(
        error.statusCode,
        error.statusCode === 404 ? "not-found" : "invalid",
        "The request could not be understood.",
      ),
    );
  }
  request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, "unhandled error");
  return sendOutcome(reply, new FhirError(500, "exception", "Something went wrong on our side. Please try again."));
}
