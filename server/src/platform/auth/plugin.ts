import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.ts";
import { DomainError } from "../errors.ts";
import { clearSessionCookie, type SessionCookie, sessionCookie } from "./cookie.ts";
import type { AuthenticatedSession, SessionStore } from "./sessions.ts";
import { constantTimeEqual } from "./tokens.ts";

/**
 * Who may call a route. Unset means a fully signed-in session (deny by default).
 * - "public": anyone (health, docs, login, activation, password reset);
 * - "partial": also a session that has passed the password step but still owes MFA or MFA
 *   enrolment (the MFA step, enrolment, logout);
 * - "optional": anyone, with the session read when there is a full one (the web's "who is
 *   signed in?" probe, answered without an error to a visitor who is not).
 */
export type RouteAuth = "public" | "partial" | "optional";

declare module "fastify" {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    /** the caller's session (null on public routes and when signed out) */
    authSession: AuthenticatedSession | null;
  }
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface AuthenticationOptions {
  config: Config;
  sessions: SessionStore;
}

export function readSessionToken(request: FastifyRequest, cookie: SessionCookie): string | undefined {
  const value = request.cookies?.[cookie.name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/**
 * Authentication for every /api route: the session cookie becomes `request.ctx.actor`, and
 * mutating requests must echo the session's CSRF token in `X-CSRF-Token`. Install after the
 * request-context and cookie hooks, before any route.
 */
export function installAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  const cookie = sessionCookie(options.config);
  app.decorateRequest("authSession", null);
  // session activity is written in batches (sessions.ts): write what is left on shutdown
  app.addHook("onClose", async () => {
    await options.sessions.flushTouches();
  });

  // public routes and the web app's files pass without a promise
  app.addHook("onRequest", (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (!request.url.startsWith("/api") || request.is404) return done();
    // the OpenAPI document and its viewer describe the API; they hold no data
    if (request.url === "/api/docs" || request.url.startsWith("/api/docs/")) return done();
    const mode = request.routeOptions.config?.auth;
    if (mode === "public") return done();
    authenticate(request, reply, mode).then(() => done(), done);
  });

  async function authenticate(request: FastifyRequest, reply: FastifyReply, mode: RouteAuth | undefined) {
    const optional = mode === "optional";
    const token = readSessionToken(request, cookie);
    if (!token) {
      if (optional) return;
      throw new DomainError("unauthenticated", "Please sign in to continue.");
    }
    const session = await options.sessions.authenticate(token);
    if (!session) {
      clearSessionCookie(reply, cookie);
      if (optional) return;
      throw new DomainError("unauthenticated", "Your session has ended. Please sign in again.");
    }
    if (session.state !== "active" && optional) return;
    if (session.state !== "active" && mode !== "partial") {
      throw session.state === "mfa_pending"
        ? new DomainError("mfa_required", "Enter the code from your authenticator app to finish signing in.")
        : new DomainError("mfa_enrolment_required", "Set up two-step verification to finish signing in.");
    }
    if (MUTATING.has(request.method)) {
      const header = request.headers["x-csrf-token"];
      if (typeof header !== "string" || !constantTimeEqual(header, session.csrfToken)) {
        throw new DomainError("csrf_failed", "This request could not be verified. Reload the page and try again.");
      }
    }
    request.authSession = session;
    request.ctx.actor = session.actor;
  }
}
