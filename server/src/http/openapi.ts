import swagger, { type FastifyDynamicSwaggerOptions } from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { ErrorBody } from "@portico/contracts";
import type { FastifyInstance, FastifySchema, RouteOptions } from "fastify";
import type { Config } from "../config.ts";
import { sessionCookie } from "../platform/auth/cookie.ts";
import type { RouteAuth } from "../platform/auth/plugin.ts";
import { type ErrorCode, errorStatus } from "../platform/errors.ts";

/**
 * The OpenAPI document at `/api/docs/json`, generated from the same route schemas that
 * validate requests, and completed here from each route's declaration so that client
 * generators can use it:
 * - `operationId`: the route's own `schema.operationId`, else derived from method and path
 *   (`GET /api/patients/:patientId/files` → `getPatientsByPatientIdFiles`); two routes with
 *   the same id stop the start;
 * - `security`: from `config.auth` as the authentication hook enforces it (platform/auth/plugin.ts):
 *   "public" → none; otherwise the session cookie, and on POST/PUT/PATCH/DELETE the CSRF
 *   header as well;
 * - the error answers a route can give and does not declare itself (400 with request input,
 *   401/403 behind a session, 404 with path parameters, 409/422 for Idempotency-Key on POST,
 *   429 under the rate limit), all as the one shared `ErrorBody`;
 * - `Idempotency-Key` as a header of every POST that honours it;
 * - `servers`: PUBLIC_URL.
 * Only the document changes: the routes validate and serialise exactly as declared.
 */

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const DOCS_PREFIX = "/api/docs";

export const SESSION_SCHEME = "session";
export const CSRF_SCHEME = "csrf";

type Security = { [scheme: string]: string[] }[];

/** The security requirement the authentication hook enforces for a route. */
export function securityFor(auth: RouteAuth | undefined, methods: readonly string[]): Security {
  if (auth === "public") return [];
  const mutating = methods.some((method) => MUTATING.has(method.toUpperCase()));
  return mutating ? [{ [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }] : [{ [SESSION_SCHEME]: [] }];
}

const words = (text: string): string[] => text.split(/[^A-Za-z0-9]+/).filter(Boolean);
const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * `GET /api/patients/:patientId/appointments/:appointmentId/check-in` →
 * `getPatientsByPatientIdAppointmentsByAppointmentIdCheckIn`: stable while the route keeps
 * its method and path.
 */
export function derivedOperationId(method: string, url: string): string {
  const segments = url
    .replace(/^\/api(?=\/|$)/, "")
    .split("/")
    .filter(Boolean);
  const parts = segments.map((segment) => {
    if (segment.startsWith(":")) {
      // ":id(^\\d+)" → "ById"
      const name = segment.slice(1).replace(/\(.*$/, "");
      return `By${words(name).map(capitalised).join("")}`;
    }
    if (segment === "*") return "Wildcard";
    return words(segment).map(capitalised).join("");
  });
  return `${method.toLowerCase()}${parts.join("")}`;
}

const methodsOf = (route: { method: string | string[] }): string[] =>
  (Array.isArray(route.method) ? route.method : [route.method]).filter((method) => method !== "HEAD");

function documented(url: string, schema: FastifySchema | undefined): boolean {
  return (url === "/api" || url.startsWith("/api/")) && !url.startsWith(DOCS_PREFIX) && schema?.hide !== true;
}

const operationIdOf = (method: string, url: string, schema: FastifySchema | undefined): string =>
  schema?.operationId ?? derivedOperationId(method, url);

/** What each error status means here, named by the codes of the error catalogue that use it. */
const ERROR_RESPONSES: Record<number, { name: string; summary: string }> = {
  400: { name: "BadRequest", summary: "The request is not valid" },
  401: { name: "Unauthenticated", summary: "No session, an ended session, or a wrong password or code" },
  403: { name: "Forbidden", summary: "Not allowed, or the CSRF token or MFA enrolment is missing" },
  404: { name: "NotFound", summary: "No such record, or one the caller may not see" },
  405: { name: "MethodNotAllowed", summary: "The method is not allowed here" },
  409: { name: "Conflict", summary: "The request conflicts with the current state, or is still running" },
  410: { name: "Gone", summary: "The link or offer has expired" },
  413: { name: "PayloadTooLarge", summary: "The request body is too large" },
  415: { name: "UnsupportedMediaType", summary: "The request body is not JSON" },
  422: { name: "UnprocessableContent", summary: "Understood but refused" },
  429: { name: "TooManyRequests", summary: "Too many requests: wait and retry" },
  500: { name: "InternalError", summary: "An unexpected error" },
  503: { name: "Unavailable", summary: "Briefly unavailable: retry after Retry-After seconds" },
};

function codesFor(status: number): ErrorCode[] {
  return (Object.keys(errorStatus) as ErrorCode[]).filter((code) => errorStatus[code] === status);
}

/** The error answers a route can give, from its declaration. */
export function standardErrorStatuses(route: {
  url: string;
  methods: readonly string[];
  auth: RouteAuth | undefined;
  schema: FastifySchema | undefined;
  idempotent: boolean;
}): number[] {
  const statuses: number[] = [];
  const { schema, methods } = route;
  const hasInput =
    schema?.body !== undefined ||
    schema?.querystring !== undefined ||
    schema?.params !== undefined ||
    schema?.headers !== undefined ||
    methods.some((method) => MUTATING.has(method) && method !== "DELETE");
  if (hasInput) statuses.push(400);
  if (route.auth !== "public") statuses.push(401, 403);
  if (route.url.includes("/:")) statuses.push(404);
  if (route.idempotent && methods.includes("POST")) statuses.push(409, 422);
  if (!route.url.startsWith("/api/health")) statuses.push(429);
  return statuses;
}

const IDEMPOTENCY_KEY = {
  type: "string",
  minLength: 1,
  maxLength: 200,
  pattern: "^[\\x20-\\x7e]+$",
  description:
    "Optional. A retry with the same key within 24 hours answers the first response again (Idempotent-Replayed: true) instead of doing the work twice.",
};

function withIdempotencyKey(headers: unknown): unknown {
  if (headers === undefined) return { type: "object", properties: { "idempotency-key": IDEMPOTENCY_KEY } };
  const object = headers as { type?: unknown; properties?: Record<string, unknown> };
  if (object.type !== "object" || (object.properties && "idempotency-key" in object.properties)) return headers;
  return { ...object, properties: { ...object.properties, "idempotency-key": IDEMPOTENCY_KEY } };
}

type Transform = NonNullable<FastifyDynamicSwaggerOptions["transform"]>;

const transform: Transform = ({ schema, url, route }) => {
  if (!documented(url, schema)) return { schema, url };
  const methods = methodsOf(route);
  const auth = route.config?.auth;
  const idempotent = route.config?.idempotent !== false;
  const declared = (schema?.response ?? {}) as Record<string, unknown>;
  const response: Record<string, unknown> = { ...declared };
  if (!Object.keys(declared).some((status) => /^2/.test(status))) {
    // no success schema declared: say so rather than drop the success answer
    response[200] = { description: "Success (the body is not described)", type: "null" };
  }
  for (const status of standardErrorStatuses({ url, methods, auth, schema, idempotent })) {
    if (!(status in declared)) response[status] = ErrorBody;
  }
  const sortedResponse = Object.fromEntries(
    Object.entries(response).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })),
  );
  const withHeaders = idempotent && methods.includes("POST") ? { headers: withIdempotencyKey(schema?.headers) } : {};
  return {
    url,
    schema: {
      ...schema,
      ...withHeaders,
      operationId: operationIdOf(methods[0] ?? "get", url, schema),
      security: schema?.security ?? securityFor(auth, methods),
      response: sortedResponse,
    } as FastifySchema,
  };
};

/** JSON with sorted keys: two schemas built apart compare equal when they say the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

type Json = Record<string, unknown>;

/**
 * Every error answer whose body is the shared ErrorBody becomes a reference to one response
 * per status in `components.responses`, itself referencing `components.schemas.ErrorBody`.
 */
function shareErrorResponses(document: Json): void {
  const errorBody = canonical(JSON.parse(JSON.stringify(ErrorBody)));
  const components = (document.components ?? {}) as Json;
  const responses = (components.responses ?? {}) as Json;
  document.components = {
    ...components,
    schemas: { ...(components.schemas as Json | undefined), ErrorBody: JSON.parse(JSON.stringify(ErrorBody)) },
    responses,
  };
  for (const pathItem of Object.values((document.paths ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(pathItem) as Json[]) {
      const answers = operation?.responses as Record<string, Json> | undefined;
      if (!answers) continue;
      for (const [status, answer] of Object.entries(answers)) {
        const known = ERROR_RESPONSES[Number(status)];
        const content = answer.content as Record<string, { schema?: unknown }> | undefined;
        const media = content ? Object.keys(content) : [];
        if (!known || answer.headers || media.length !== 1 || media[0] !== "application/json") continue;
        if (canonical(content?.["application/json"]?.schema) !== errorBody) continue;
        responses[known.name] ??= {
          description: `${known.summary} (${codesFor(Number(status)).join(", ")})`,
          content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } },
        };
        answers[status] = { $ref: `#/components/responses/${known.name}` };
      }
    }
  }
}

export function openApiOptions(config: Config): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Portico API",
        version: "0.1.0",
        description:
          "The JSON API of the Portico patient portal. Sign in with POST /api/auth/login: the session is a cookie, and every POST, PUT, PATCH and DELETE behind a session also sends the session's CSRF token (from the login answer or GET /api/me) in X-CSRF-Token. Errors answer `{ error: { code, message, details? } }`.",
        license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
      },
      servers: [{ url: config.publicUrl, description: "This Portico server (PUBLIC_URL)" }],
      components: {
        securitySchemes: {
          [SESSION_SCHEME]: {
            type: "apiKey",
            in: "cookie",
            // the name this deployment uses (`portico_session` on plain http to another host)
            name: sessionCookie(config).name,
            description: "The session cookie set by POST /api/auth/login (and activation, registration).",
          },
          [CSRF_SCHEME]: {
            type: "apiKey",
            in: "header",
            name: "X-CSRF-Token",
            description: "The session's CSRF token, required on every mutating request behind a session.",
          },
        },
      },
    },
    // paths stay exactly as the routes declare them, whatever path PUBLIC_URL has
    stripBasePath: false,
    transform,
    transformObject: (documentObject) => {
      const document = (documentObject as { openapiObject: Json }).openapiObject;
      shareErrorResponses(document);
      return document;
    },
  };
}

/**
 * Registers the OpenAPI document (`/api/docs/json`) and its viewer (`/api/docs`). Install
 * before any route: the operation ids are checked as routes are added, and a clash stops the
 * start with both routes named.
 */
export async function installOpenApi(app: FastifyInstance, options: { config: Config }): Promise<void> {
  const seen = new Map<string, string>();
  app.addHook("onRoute", (route: RouteOptions) => {
    if (!documented(route.url, route.schema)) return;
    const methods = methodsOf(route);
    if (methods.length > 1) {
      // the document would give every method the same operationId
      throw new Error(`${methods.join("/")} ${route.url}: declare one route per method`);
    }
    for (const method of methods) {
      const id = operationIdOf(method, route.url, route.schema);
      const where = `${method} ${route.url}`;
      const other = seen.get(id);
      if (other && other !== where) {
        throw new Error(
          `OpenAPI operationId "${id}" is used by both ${other} and ${where}: give one of them schema.operationId`,
        );
      }
      seen.set(id, where);
    }
  });
  await app.register(swagger, openApiOptions(options.config));
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true, uiConfig: { deepLinking: false } });
}
