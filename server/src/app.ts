import { randomUUID } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type RawServerDefault,
} from "fastify";
import { sql } from "kysely";
import type { Config } from "./config.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { validatorFactory } from "./http/body-validation.ts";
import { errorHandler } from "./http/error-handler.ts";
import { refuseNonFiniteNumbers } from "./http/finite-numbers.ts";
import { firstPages } from "./http/first-pages.ts";
import { installOpenApi } from "./http/openapi.ts";
import { installRateLimit } from "./http/rate-limit.ts";
import { installSecurityHeaders } from "./http/security-headers.ts";
import { registerModules } from "./modules/index.ts";
import { requirePatientRouteAccess } from "./platform/access/route-guards.ts";
import { installAuthentication } from "./platform/auth/plugin.ts";
import type { Clock } from "./platform/clock.ts";
import { systemClock } from "./platform/clock.ts";
import { ANONYMOUS, type RequestContext, runWithContext } from "./platform/context.ts";
import type { FieldCipher } from "./platform/crypto.ts";
import { installIdempotency } from "./platform/idempotency/idempotency.ts";
import { type Logger, RequestLogController, requestLogger } from "./platform/logging.ts";
import { MAIL_QUEUE } from "./platform/mail/mailer.ts";
import { redisReady } from "./platform/redis.ts";
import { createServices, type Services } from "./services.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultWebRoot = process.env.PORTICO_WEB_DIST?.trim() || path.resolve(here, "../../web/dist");

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  cipher: FieldCipher;
  clock?: Clock;
  /** folder of the built web app; omitted or missing → API only */
  webRoot?: string;
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
> & { services: Services };

declare module "fastify" {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,80}$/;

export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database, logger } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    loggerInstance: logger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true, allErrors: false },
      // "1e309" or "Infinity" in a query string coerces to Infinity: refused like any schema error
      plugins: [refuseNonFiniteNumbers],
    },
    schemaController: { compilersFactory: { buildValidator: validatorFactory } },
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    // a malformed (bad %-encoding) or overlong URL is refused before routing: answer it like any other error
    frameworkErrors: (error, _request, reply: FastifyReply) =>
      reply.status(400).send({
        error: {
          code: "bad_request",
          message:
            error.code === "FST_ERR_MAX_PARAM_LENGTH"
              ? "Part of the address is too long."
              : "The address is not valid.",
        },
      }),
    forceCloseConnections: "idle",
    // request lines at debug, not two info lines per request (platform/logging.ts)
    logController: new RequestLogController(logger),
    // the request's child logger is made only when the request logs (platform/logging.ts)
    childLoggerFactory: requestLogger,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const services = createServices({ config, db: database.db, clock, logger, cipher: options.cipher });
  app.decorate("services", services);

  // A mutating request with no body (logout, refresh) may still say application/json:
  // treat an empty body as no body; everything else goes to the safe default parser.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    if (typeof body === "string" && body.trim() === "") return done(null, undefined);
    parseJson(request, body as string, done);
  });
  app.decorateRequest("ctx", null as unknown as RequestContext);

  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    const context: RequestContext = {
      requestId: request.id,
      ip: request.ip,
      userAgent: request.headers["user-agent"]?.slice(0, 300),
      actor: ANONYMOUS,
      auditWithWork: true,
    };
    request.ctx = context;
    if (request.url.startsWith("/api")) reply.header("cache-control", "no-store");
    runWithContext(context, done);
  });

  // helmet's headers, worked out once at start (http/security-headers.ts)
  await installSecurityHeaders(app as unknown as FastifyInstance, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
    // the same rule as frame-ancestors 'none', for browsers that only read this header
    xFrameOptions: { action: "deny" },
  });
  await app.register(cookie);
  // the limits are shared by every app server through Redis when there is one (platform/redis.ts)
  const { redis } = services;
  if (redis) {
    app.addHook("onReady", async () => redisReady(redis));
    app.addHook("onClose", async () => {
      redis.disconnect();
    });
  }
  await installRateLimit(app as unknown as FastifyInstance, {
    max: config.rateLimit.perMinute,
    redis,
  });

  // session cookie → actor, CSRF on mutating requests; every /api route needs a session unless
  // its config says `auth: "public"` (or "partial" for the MFA step)
  installAuthentication(app as unknown as FastifyInstance, { config, sessions: services.identity.sessions });
  // Idempotency-Key on POST /api: a preHandler, so it runs after authentication has set the actor
  installIdempotency(app as unknown as FastifyInstance, { db: database.db, clock, cipher: options.cipher, logger });
  // audit events that must outlive a rolled-back transaction (denials) are written before the
  // reply leaves, after the request's own transaction (Idempotency-Key) has ended
  app.addHook("onSend", (request, reply, payload, done) => {
    const context = request.ctx ?? undefined;
    if (!services.audit.hasPending(context)) return done(null, payload);
    services.audit.flushPending(context, reply.statusCode < 400).then(() => done(null, payload), done);
  });

  // the OpenAPI document and its viewer at /api/docs, completed from each route's declaration
  await installOpenApi(app as unknown as FastifyInstance, { config });

  app.setErrorHandler(errorHandler);

  app.get(
    "/api/health",
    { config: { auth: "public" }, schema: { tags: ["platform"], summary: "The process is up" } },
    async () => ({
      status: "ok",
    }),
  );
  // the web app's landing page and footer name the clinic and its phone number before anyone signs in
  app.get(
    "/api/clinic",
    {
      config: { auth: "public" },
      schema: { tags: ["platform"], summary: "The clinic's public name and phone number" },
    },
    async () => ({ name: config.clinicName, phone: config.clinicPhone }),
  );
  app.get(
    "/api/ready",
    {
      config: { auth: "public" },
      schema: {
        tags: ["platform"],
        summary: "The database is reachable",
        description:
          "Also counts background jobs that failed permanently and are still kept (30 days): `failedJobs`, of which `failedEmails` are emails. Each such failure is also logged (`job failed permanently`, with the job id and queue).",
      },
    },
    async (_request, reply) => {
      try {
        // the query doubles as the reachability check (jobs_failed_idx keeps it cheap)
        const { rows } = (await Promise.race([
          sql<{ failed_jobs: number; failed_emails: number }>`
            select count(*)::int as failed_jobs,
              (count(*) filter (where queue = ${MAIL_QUEUE}))::int as failed_emails
            from jobs where status = 'failed'`.execute(database.db),
          new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000).unref()),
        ])) as { rows: { failed_jobs: number; failed_emails: number }[] };
        return {
          status: "ready",
          failedJobs: rows[0]?.failed_jobs ?? 0,
          failedEmails: rows[0]?.failed_emails ?? 0,
        };
      } catch {
        return reply.status(503).send({ error: { code: "unavailable", message: "The database is not reachable." } });
      }
    },
  );

  // a route under /api/patients/:patientId without an access declaration stops the start
  requirePatientRouteAccess(app);
  await registerModules(app as unknown as App, services);

  const webRoot = options.webRoot ?? defaultWebRoot;
  const hasWeb = fs.existsSync(path.join(webRoot, "index.html"));
  if (hasWeb) {
    // the file list is read at start (restart after rebuilding the web app); Vite's
    // content-hashed assets never change under their name, so browsers may keep them
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // the build writes .br and .gz beside each text asset (web/vite.config.ts): sent as they are
      preCompressed: true,
      maxAge: "1h",
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.header("cache-control", "public, max-age=31536000, immutable");
        } else if (filePath.endsWith(".html")) {
          // index.html names the current bundle: revalidated on every load, so a deploy is seen at once
          res.header("cache-control", "no-cache");
        }
      },
    });
  }
  // the landing and sign-in pages as the web build wrote them, in the visitor's language
  const firstPage = hasWeb ? firstPages(webRoot) : undefined;
  app.setNotFoundHandler((request, reply) => {
    const accepts = request.headers.accept ?? "";
    const writtenPage = () => firstPage?.(request.url, request.cookies, request.headers["accept-language"]);
    if (hasWeb && request.method === "POST" && accepts.includes("text/html") && writtenPage()) {
      // a written page's form sent before its script had taken over: back to the page, nothing kept
      return reply.redirect(request.url, 303);
    }
    if (hasWeb && request.method === "GET" && !request.url.startsWith("/api") && accepts.includes("text/html")) {
      const page = writtenPage();
      reply.header("cache-control", "no-cache");
      if (page) return reply.header("vary", "cookie, accept-language").sendFile(page);
      // the single-page app handles its own routes, including its 404 page
      return reply.sendFile("index.html");
    }
    return reply.status(404).send({
      error: { code: "not_found", message: `No such endpoint: ${request.method} ${request.url.split("?")[0]}` },
    });
  });

  return app as unknown as App;
}
