import {
  ActivateRequest,
  ChangeEmailRequest,
  ChangePasswordRequest,
  errorResponses,
  LoginRequest,
  LoginResponse,
  MeResponse,
  MessageResponse,
  MfaEnrolmentConfirm,
  MfaEnrolmentStart,
  MfaRequest,
  PasswordResetComplete,
  PasswordResetRequest,
  ReauthenticateRequest,
  ReauthenticateResponse,
  RecoveryCodes,
  SessionIdParams,
  SessionInfo,
  SessionList,
  SessionResponse,
  UpdateMeRequest,
} from "@portico/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { App } from "../../app.ts";
import { clearSessionCookie, setSessionCookie } from "../../platform/auth/cookie.ts";
import { readSessionToken } from "../../platform/auth/plugin.ts";
import type { AuthenticatedSession } from "../../platform/auth/sessions.ts";
import { DomainError } from "../../platform/errors.ts";
import { created, ok } from "../../platform/route-responses.ts";
import { RESET_REQUESTED_MESSAGE } from "./onboarding.ts";
import type { IdentityService } from "./service.ts";
import type { ClientInfo } from "./sign-in.ts";

const tags = ["identity"];
const NoContent = Type.Null({ description: "no content" });

/** The session the authentication hook attached (every non-public route has one). */
function sessionOf(request: FastifyRequest): AuthenticatedSession {
  if (!request.authSession) throw new DomainError("unauthenticated", "Please sign in to continue.");
  return request.authSession;
}

/** Identity routes: sign-in, MFA, sessions, the account, password reset, activation. */
export async function identityRoutes(app: App, identity: IdentityService): Promise<void> {
  const { cookie } = identity;
  const client = (request: FastifyRequest): ClientInfo => ({
    ip: request.ip,
    userAgent: request.headers["user-agent"],
    previousToken: readSessionToken(request, cookie),
    acceptLanguage: request.headers["accept-language"],
  });
  /** 429s carry Retry-After; an MFA step that ended the session also clears the cookie. */
  const guard = async <T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) {
        const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (error.code === "rate_limited" && retry) reply.header("retry-after", String(retry));
        if (error.code === "unauthenticated") clearSessionCookie(reply, cookie);
      }
      throw error;
    }
  };

  app.post(
    "/api/auth/login",
    {
      config: { auth: "public", idempotent: false },
      schema: {
        tags,
        summary: "Sign in with email and password",
        description:
          "Any failure answers 401 invalid_credentials with one message. Repeated failures are slowed down per account and per network (429 rate_limited).",
        body: LoginRequest,
        response: ok(LoginResponse),
      },
    },
    async (request, reply) =>
      guard(reply, async () => {
        const { session, response } = await identity.signIn.login(request.body, client(request));
        setSessionCookie(reply, cookie, session.token);
        return response;
      }),
  );

  app.post(
    "/api/auth/mfa",
    {
      config: { auth: "partial", idempotent: false },
      schema: {
        tags,
        summary: "Finish signing in with an authenticator code or a recovery code",
        body: MfaRequest,
        response: ok(MeResponse),
      },
    },
    async (request, reply) =>
      guard(reply, async () => {
        const rotated = await identity.signIn.completeMfa(sessionOf(request), request.body.code);
        setSessionCookie(reply, cookie, rotated.token);
        const session = await identity.sessions.authenticate(rotated.token);
        if (!session) throw new DomainError("unauthenticated", "Your session has ended. Please sign in again.");
        request.authSession = session;
        return identity.account.me(session);
      }),
  );

  app.post(
    "/api/auth/mfa/enrolment/start",
    {
      config: { auth: "partial" },
      schema: {
        tags,
        summary: "Start setting up an authenticator app",
        description: "Staff finishing sign-in may call it directly; anyone else must have re-authenticated.",
        response: ok(MfaEnrolmentStart),
      },
    },
    async (request) => identity.account.startEnrolment(sessionOf(request)),
  );

  app.post(
    "/api/auth/mfa/enrolment/confirm",
    {
      config: { auth: "partial", idempotent: false },
      schema: {
        tags,
        summary: "Confirm the authenticator app with a code; returns recovery codes once",
        body: MfaEnrolmentConfirm,
        response: ok(RecoveryCodes),
      },
    },
    async (request, reply) => {
      const result = await identity.account.confirmEnrolment(sessionOf(request), request.body.code);
      if (result.rotated) setSessionCookie(reply, cookie, result.rotated.token);
      return { recoveryCodes: result.recoveryCodes, csrfToken: result.csrfToken };
    },
  );

  app.post(
    "/api/auth/mfa/recovery-codes",
    {
      schema: {
        tags,
        summary: "Replace the recovery codes (after re-authenticating)",
        response: ok(RecoveryCodes),
      },
    },
    async (request) => {
      const session = sessionOf(request);
      return { recoveryCodes: await identity.account.regenerateRecoveryCodes(session), csrfToken: session.csrfToken };
    },
  );

  app.delete(
    "/api/auth/mfa",
    {
      schema: {
        tags,
        summary: "Turn two-step verification off (patients only, after re-authenticating)",
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await identity.account.disableMfa(sessionOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/reauthenticate",
    {
      // throttling counters must outlive a failed attempt: never inside a request's held transaction
      config: { idempotent: false },
      schema: {
        tags,
        summary: "Confirm the password (and code) before a sensitive change",
        body: ReauthenticateRequest,
        response: ok(ReauthenticateResponse),
      },
    },
    async (request, reply) =>
      guard(reply, async () => {
        const until = await identity.signIn.reauthenticate(
          sessionOf(request),
          request.body.password,
          request.body.code,
        );
        return { reauthenticatedUntil: until.toISOString() };
      }),
  );

  app.post(
    "/api/auth/logout",
    {
      config: { auth: "partial", idempotent: false },
      schema: {
        tags,
        summary: "Sign out: ends the session on the server",
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await identity.signIn.logout(sessionOf(request));
      clearSessionCookie(reply, cookie);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/password",
    {
      schema: {
        tags,
        summary: "Change the password (after re-authenticating); ends every other session",
        body: ChangePasswordRequest,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await identity.account.changePassword(sessionOf(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/email",
    {
      schema: {
        tags,
        summary: "Change the sign-in email (after re-authenticating)",
        body: ChangeEmailRequest,
        response: ok(MeResponse),
      },
    },
    async (request) => {
      await identity.account.changeEmail(sessionOf(request), request.body.email);
      return identity.account.me(sessionOf(request));
    },
  );

  app.get(
    "/api/auth/sessions",
    {
      schema: { tags, summary: "The signed-in user's sessions", response: ok(SessionList) },
    },
    async (request) => {
      const current = sessionOf(request);
      const sessions = await identity.signIn.listSessions(current);
      return {
        sessions: sessions.map((s) => ({
          id: s.id,
          current: s.id === current.id,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          ipAddress: s.ipAddress,
          userAgent: s.userAgent,
        })),
      };
    },
  );

  app.delete(
    "/api/auth/sessions/:id",
    {
      schema: {
        tags,
        summary: "End one of your sessions (e.g. on a lost device)",
        params: SessionIdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const current = sessionOf(request);
      await identity.signIn.revokeSession(current, request.params.id);
      if (request.params.id === current.id) clearSessionCookie(reply, cookie);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/session/refresh",
    {
      schema: {
        tags,
        summary: "Stay signed in: restarts the idle timer",
        response: ok(SessionInfo),
      },
    },
    async (request) => {
      const session = sessionOf(request);
      const times = await identity.signIn.refresh(session);
      return {
        idleTimeoutSeconds: session.idleTimeoutSeconds,
        idleExpiresAt: times.idleExpiresAt.toISOString(),
        absoluteExpiresAt: times.absoluteExpiresAt.toISOString(),
      };
    },
  );

  app.post(
    "/api/auth/password-reset/request",
    {
      config: { auth: "public", idempotent: false },
      schema: {
        tags,
        summary: "Email a password reset link",
        description: "Always 202 with the same message, whether or not the address has an account.",
        body: PasswordResetRequest,
        response: { 202: MessageResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      guard(reply, async () => {
        await identity.onboarding.requestPasswordReset(request.body.email, client(request));
        return reply.status(202).send({ message: RESET_REQUESTED_MESSAGE });
      }),
  );

  app.post(
    "/api/auth/password-reset/complete",
    {
      config: { auth: "public" },
      schema: {
        tags,
        summary: "Choose a new password with a reset link's token",
        description: "Ends every session; does not sign in (sign in afterwards, with MFA if set up).",
        body: PasswordResetComplete,
        response: ok(MessageResponse),
      },
    },
    async (request) => {
      await identity.onboarding.completePasswordReset(request.body.token, request.body.password);
      return { message: "Your password has been changed. Please sign in with your new password." };
    },
  );

  app.post(
    "/api/auth/activate",
    {
      config: { auth: "public", idempotent: false },
      schema: {
        tags,
        summary: "Create a patient login with an activation code and date of birth",
        body: ActivateRequest,
        response: created(LoginResponse),
      },
    },
    async (request, reply) =>
      guard(reply, async () => {
        const { session, response } = await identity.onboarding.activate(request.body, client(request));
        setSessionCookie(reply, cookie, session.token);
        return reply.status(201).send(response);
      }),
  );

  app.get(
    "/api/session",
    {
      config: { auth: "optional" },
      schema: {
        tags,
        summary: "Who is signed in, or `null`: the same as GET /api/me, without an error when no one is",
        response: ok(SessionResponse),
      },
    },
    async (request) => ({ me: request.authSession ? await identity.account.me(request.authSession) : null }),
  );

  app.get(
    "/api/me",
    {
      schema: {
        tags,
        summary: "Who is signed in, their roles, CSRF token and the patients they may act for",
        response: ok(MeResponse),
      },
    },
    async (request) => identity.account.me(sessionOf(request)),
  );

  app.patch(
    "/api/me",
    {
      schema: {
        tags,
        summary: "Change the display name or language",
        body: UpdateMeRequest,
        response: ok(MeResponse),
      },
    },
    async (request) => {
      await identity.account.updateProfile(sessionOf(request), request.body);
      return identity.account.me(sessionOf(request));
    },
  );
}
