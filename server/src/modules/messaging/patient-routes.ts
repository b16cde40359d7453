import {
  CreateThreadRequest,
  MessageRouting,
  MessageRoutingQuery,
  MessageTopicList,
  PatientAttachmentParams,
  PatientParams,
  PatientThread,
  PatientThreadList,
  PatientThreadParams,
  ReplyRequest,
} from "@portico/contracts";
import type { App } from "../../app.ts";
import { patientRoute } from "../../platform/access/route-guards.ts";
import { created, ok } from "../../platform/route-responses.ts";
import { type MessagingRouteServices, sendFile, tags } from "./route-helpers.ts";

/** The patient side's routes (patients and caregivers, scope `messages`): topics, threads, replies, downloads. */
export function patientThreadRoutes(app: App, { access, messaging }: MessagingRouteServices): void {
  const read = { scope: "messages", action: "read", resourceType: "message_thread" } as const;

  app.get(
    "/api/patients/:patientId/messages/topics",
    {
      ...patientRoute(access, read),
      schema: {
        tags,
        summary: "Topics that can be sent now, each with who reads it and when to expect an answer",
        params: PatientParams,
        response: ok(MessageTopicList),
      },
    },
    async (request) => messaging.topics(request.params.patientId),
  );
  app.get(
    "/api/patients/:patientId/messages/routing",
    {
      ...patientRoute(access, read),
      schema: {
        tags,
        summary: "Who will read a message about this topic sent now, and by when they will answer",
        params: PatientParams,
        querystring: MessageRoutingQuery,
        response: ok(MessageRouting),
      },
    },
    async (request) => messaging.routing(request.params.patientId, request.query.topic),
  );
  app.get(
    "/api/patients/:patientId/messages/threads",
    {
      ...patientRoute(access, read),
      schema: {
        tags,
        summary: "The patient's conversations, newest first, with unread counts",
        params: PatientParams,
        response: ok(PatientThreadList),
      },
    },
    async (request) => messaging.list(request.params.patientId),
  );
  app.post(
    "/api/patients/:patientId/messages/threads",
    {
      ...patientRoute(access, { ...read, action: "write", auditAction: "create" }),
      schema: {
        tags,
        summary: "Start a conversation (routed by topic; may carry an automatic office-hours reply)",
        params: PatientParams,
        body: CreateThreadRequest,
        response: created(PatientThread),
      },
    },
    async (request, reply) => reply.status(201).send(await messaging.create(request.params.patientId, request.body)),
  );
  app.get(
    "/api/patients/:patientId/messages/threads/:threadId",
    {
      ...patientRoute(access, { ...read, resourceIdParam: "threadId" }),
      schema: {
        tags,
        summary: "One conversation (marks its messages read for the caller)",
        params: PatientThreadParams,
        response: ok(PatientThread),
      },
    },
    async (request) => messaging.get(request.params.patientId, request.params.threadId),
  );
  app.post(
    "/api/patients/:patientId/messages/threads/:threadId/messages",
    {
      ...patientRoute(access, { ...read, action: "write", auditAction: "reply", resourceIdParam: "threadId" }),
      schema: {
        tags,
        summary: "Reply in a conversation",
        params: PatientThreadParams,
        body: ReplyRequest,
        response: created(PatientThread),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await messaging.reply(request.params.patientId, request.params.threadId, request.body)),
  );
  app.get(
    "/api/patients/:patientId/messages/threads/:threadId/attachments/:attachmentId",
    {
      ...patientRoute(access, {
        scope: "messages",
        action: "read",
        resourceType: "message_attachment",
        auditAction: "download",
        resourceIdParam: "attachmentId",
      }),
      schema: { tags, summary: "Download an attachment (as an attachment)", params: PatientAttachmentParams },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await messaging.patientAttachment(
          request.params.patientId,
          request.params.threadId,
          request.params.attachmentId,
        ),
      ),
  );
}
