import {
  CreateProxyGrantRequest,
  CreateProxyInvitationRequest,
  errorResponses,
  InvitationPreview,
  InvitationSignUpRequest,
  InvitationSignUpResponse,
  InvitationToken,
  PatientParams,
  ProxyGrant,
  ProxyGrantList,
  ProxyInvitationSummary,
  RevokeProxyGrantParams,
  StaffGrantInvited,
  Uuid,
} from "@portico/contracts";
import { Type } from "typebox";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientRoute } from "../../platform/access/route-guards.ts";
import { type SessionCookie, setSessionCookie } from "../../platform/auth/cookie.ts";
import { readSessionToken } from "../../platform/auth/plugin.ts";
import { created, noContent, ok } from "../../platform/route-responses.ts";
import type { ProxyService } from "./service.ts";

const tags = ["proxies"];

/** HTTP only: schemas, the call into the service, the response. */
export async function proxyRoutes(
  app: App,
  proxies: ProxyService,
  cookie: SessionCookie,
  access: AccessService,
): Promise<void> {
  app.get(
    "/api/patients/:patientId/proxies",
    {
      ...patientRoute(access, { scope: "proxies", action: "read", resourceType: "proxy_grant" }),
      schema: {
        tags,
        summary: "Who has proxy access to this patient, with the scopes in effect today",
        params: PatientParams,
        response: ok(ProxyGrantList),
      },
    },
    async (request) => proxies.grants.list(request.params.patientId),
  );

  app.post(
    "/api/patients/:patientId/proxies",
    {
      ...patientRoute(access, {
        staff: { roles: ["front_desk"], resourceType: "proxy_grant", action: "create" },
        scope: "proxies",
        action: "write",
        resourceType: "proxy_grant",
        auditAction: "create",
      }),
      schema: {
        tags,
        summary: "Staff: grant access to a parent of a minor or a legal representative (with a reason)",
        description:
          "201 with the grant when an active account uses the email. 202 when none does: the grant waits as an invitation emailed to that address, whose link creates a caregiver-only login (an earlier waiting invitation to the same email for this patient is replaced). 409 when that account already has access; 400 names the field (proxyEmail, endsAt).",
        params: PatientParams,
        body: CreateProxyGrantRequest,
        response: { ...errorResponses, 201: ProxyGrant, 202: StaffGrantInvited },
      },
    },
    async (request, reply) => {
      const outcome = await proxies.grants.createByStaff(request.params.patientId, request.body);
      return "status" in outcome ? reply.status(202).send(outcome) : reply.status(201).send(outcome);
    },
  );

  app.delete(
    "/api/patients/:patientId/proxies/:grantId",
    {
      ...patientRoute(access, {
        scope: "proxies",
        action: "write",
        resourceType: "proxy_grant",
        resourceIdParam: "grantId",
        auditAction: "revoke",
      }),
      schema: {
        tags,
        summary: "Revoke a grant",
        params: RevokeProxyGrantParams,
        response: noContent(),
      },
    },
    async (request, reply) => {
      await proxies.grants.revoke(request.params.patientId, request.params.grantId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/patients/:patientId/proxies/invitations",
    {
      ...patientRoute(access, {
        scope: "proxies",
        action: "write",
        resourceType: "proxy_invitation",
        auditAction: "create",
      }),
      schema: {
        tags,
        summary: "An adult patient invites a caregiver by email",
        params: PatientParams,
        body: CreateProxyInvitationRequest,
        response: created(ProxyInvitationSummary),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await proxies.invitations.invite(request.params.patientId, request.body)),
  );

  app.delete(
    "/api/patients/:patientId/proxies/invitations/:invitationId",
    {
      ...patientRoute(access, {
        scope: "proxies",
        action: "write",
        resourceType: "proxy_invitation",
        resourceIdParam: "invitationId",
        auditAction: "revoke",
      }),
      schema: {
        tags,
        summary: "Withdraw an invitation not yet accepted",
        params: Type.Object({ patientId: Uuid, invitationId: Uuid }),
        response: noContent(),
      },
    },
    async (request, reply) => {
      await proxies.invitations.revokeInvitation(request.params.patientId, request.params.invitationId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/invitations/preview",
    {
      config: { auth: "public", rateLimit: { max: 30, timeWindow: 15 * 60_000 } },
      schema: {
        tags,
        summary: "What an invitation link shows before signing in",
        body: InvitationToken,
        response: ok(InvitationPreview),
      },
    },
    async (request) => proxies.invitations.preview(request.body.token),
  );

  app.post(
    "/api/invitations/accept",
    {
      config: { rateLimit: { max: 30, timeWindow: 15 * 60_000 } },
      schema: {
        tags,
        summary: "Accept an invitation as the signed-in user",
        body: InvitationToken,
        response: ok(ProxyGrant),
      },
    },
    async (request) => proxies.invitations.accept(request.body.token),
  );

  app.post(
    "/api/invitations/register",
    {
      config: { auth: "public", idempotent: false, rateLimit: { max: 10, timeWindow: 15 * 60_000 } },
      schema: {
        tags,
        summary: "Create an account from an invitation link, accept it and sign in",
        description:
          "The account uses the invited email address and has no patient record. 404 when the link is used, expired or withdrawn; 409 when an account already uses the email (sign in and accept instead); 422 weak_password.",
        body: InvitationSignUpRequest,
        response: created(InvitationSignUpResponse),
      },
    },
    async (request, reply) => {
      const { session, response } = await proxies.invitations.signUp(request.body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
        previousToken: readSessionToken(request, cookie),
        acceptLanguage: request.headers["accept-language"],
      });
      setSessionCookie(reply, cookie, session.token);
      return reply.status(201).send(response);
    },
  );
}
