import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import {
  CloseThreadRequest,
  CreateThreadRequest,
  DigestPreferences,
  DigestPreferencesInput,
  errorResponses,
  HolidayList,
  IdParams,
  Inbox,
  InboxQuery,
  InternalNoteRequest,
  MessagePool,
  MessagePoolInput,
  MessagePoolList,
  MessageRouting,
  MessageRoutingQuery,
  MessageTopicList,
  OfficeHours,
  OfficeHoursInput,
  PatientAttachmentParams,
  PatientParams,
  PatientThread,
  PatientThreadList,
  PatientThreadParams,
  PoolParams,
  PoolQuickReplyParams,
  QuickReply,
  QuickReplyInput,
  QuickReplyList,
  ReplyRequest,
  StaffReplyRequest,
  StaffThread,
  UploadedAttachment,
  Uuid,
} from "@portico/contracts";
import type { FastifyReply } from "fastify";
import { Type } from "typebox";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientRoute } from "../../platform/access/route-guards.ts";
import { ACCEPTED_UPLOAD_TYPES, MAX_FILE_BYTES } from "../../platform/files/index.ts";
import type { MessagingSettings } from "./settings.ts";
import type { MessagingService } from "./threads.ts";

const tags = ["messages"];
const ok = (schema: unknown) => ({ ...errorResponses, 200: schema });
const created = (schema: unknown) => ({ ...errorResponses, 201: schema });
const StaffAttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid });

function sendFile(reply: FastifyReply, file: { bytes: Buffer; contentType: string; fileName: string }) {
  return reply
    .type(file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; sandbox")
    .send(file.bytes);
}

/** HTTP only: schemas, the call into the service, the response. */
export async function messagingRoutes(
  app: App,
  services: { access: AccessService; messaging: MessagingService; messagingSettings: MessagingSettings },
): Promise<void> {
  const { access, messaging, messagingSettings: settings } = services;
  const read = { scope: "messages", action: "read", resourceType: "message_thread" } as const;

  // ---- patient side ----
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
  await app.register(async (instance) => {
    const scoped = instance.withTypeProvider<TypeBoxTypeProvider>();
    // raw bytes up to 10 MB on this route only; the type is then decided by the content
    scoped.addContentTypeParser(
      [...ACCEPTED_UPLOAD_TYPES],
      { parseAs: "buffer", bodyLimit: MAX_FILE_BYTES + 1 },
      (_request, body, done) => done(null, body),
    );
    scoped.post(
      "/api/patients/:patientId/messages/attachments",
      {
        ...patientRoute(access, {
          scope: "messages",
          action: "write",
          resourceType: "message_attachment",
          auditAction: "upload",
        }),
        bodyLimit: MAX_FILE_BYTES + 1,
        schema: {
          tags,
          summary:
            "Upload an attachment for a message about to be sent (raw body: JPEG, PNG, HEIC or PDF, at most 10 MB)",
          params: PatientParams,
          response: { ...errorResponses, 201: UploadedAttachment, 413: errorResponses[400], 415: errorResponses[400] },
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply.status(201).send(await messaging.upload(request.params.patientId, body));
      },
    );
    scoped.post(
      "/api/messages/threads/:id/attachments",
      {
        bodyLimit: MAX_FILE_BYTES + 1,
        schema: {
          tags,
          summary:
            "Staff: upload an attachment for a reply about to be sent (raw body: JPEG, PNG, HEIC or PDF, at most 10 MB)",
          params: IdParams,
          response: { ...errorResponses, 201: UploadedAttachment, 413: errorResponses[400], 415: errorResponses[400] },
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply.status(201).send(await messaging.staffUpload(request.params.id, body));
      },
    );
  });

  // ---- staff side ----
  app.get(
    "/api/messages/inbox",
    {
      schema: {
        tags,
        summary: "Staff: the message pools' inbox (counts per pool, mine, threads overdue first; search)",
        querystring: InboxQuery,
        response: ok(Inbox),
      },
    },
    async (request) => messaging.inbox(request.query),
  );
  app.get(
    "/api/messages/threads/:id",
    {
      schema: {
        tags,
        summary: "Staff: one conversation with internal notes and its work item (marks it read)",
        params: IdParams,
        response: ok(StaffThread),
      },
    },
    async (request) => messaging.staffGet(request.params.id),
  );
  app.post(
    "/api/messages/threads/:id/messages",
    {
      schema: {
        tags,
        summary: "Staff: reply to the patient (ends the wait; emails the patient that there is something new)",
        params: IdParams,
        body: StaffReplyRequest,
        response: created(StaffThread),
      },
    },
    async (request, reply) => reply.status(201).send(await messaging.staffReply(request.params.id, request.body)),
  );
  app.post(
    "/api/messages/threads/:id/notes",
    {
      schema: {
        tags,
        summary: "Staff: an internal note (never shown to the patient or caregivers)",
        params: IdParams,
        body: InternalNoteRequest,
        response: created(StaffThread),
      },
    },
    async (request, reply) => reply.status(201).send(await messaging.addNote(request.params.id, request.body.body)),
  );
  app.post(
    "/api/messages/threads/:id/close",
    {
      schema: {
        tags,
        summary: "Staff: close a conversation",
        params: IdParams,
        body: CloseThreadRequest,
        response: ok(StaffThread),
      },
    },
    async (request) => messaging.close(request.params.id),
  );
  app.post(
    "/api/messages/threads/:id/reopen",
    {
      schema: {
        tags,
        summary: "Staff: reopen a closed conversation (due again from now)",
        params: IdParams,
        response: ok(StaffThread),
      },
    },
    async (request) => messaging.reopen(request.params.id),
  );
  app.get(
    "/api/messages/threads/:id/attachments/:attachmentId",
    { schema: { tags, summary: "Staff: download an attachment", params: StaffAttachmentParams } },
    async (request, reply) =>
      sendFile(reply, await messaging.staffAttachment(request.params.id, request.params.attachmentId)),
  );

  // quick replies
  app.get(
    "/api/messages/pools/:poolId/quick-replies",
    { schema: { tags, summary: "A pool's saved replies", params: PoolParams, response: ok(QuickReplyList) } },
    async (request) => settings.quickReplies(request.params.poolId),
  );
  app.post(
    "/api/messages/pools/:poolId/quick-replies",
    {
      schema: {
        tags,
        summary: "Save a reply for the pool",
        params: PoolParams,
        body: QuickReplyInput,
        response: created(QuickReply),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await settings.createQuickReply(request.params.poolId, request.body)),
  );
  app.put(
    "/api/messages/pools/:poolId/quick-replies/:id",
    {
      schema: {
        tags,
        summary: "Change a saved reply",
        params: PoolQuickReplyParams,
        body: QuickReplyInput,
        response: ok(QuickReply),
      },
    },
    async (request) => settings.updateQuickReply(request.params.poolId, request.params.id, request.body),
  );
  app.delete(
    "/api/messages/pools/:poolId/quick-replies/:id",
    {
      schema: {
        tags,
        summary: "Delete a saved reply",
        params: PoolQuickReplyParams,
        response: { ...errorResponses, 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await settings.deleteQuickReply(request.params.poolId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  // office hours and digest
  app.get(
    "/api/messages/office-hours",
    { schema: { tags, summary: "Physicians: my message office hours and out-of-office", response: ok(OfficeHours) } },
    async () => settings.officeHours(),
  );
  app.put(
    "/api/messages/office-hours",
    {
      schema: {
        tags,
        summary: "Physicians: set my message office hours, covering pool and out-of-office",
        body: OfficeHoursInput,
        response: ok(OfficeHours),
      },
    },
    async (request) => settings.setOfficeHours(request.body),
  );
  app.get(
    "/api/messages/digest-preferences",
    {
      schema: { tags, summary: "Clinicians: when I get a digest of new message work", response: ok(DigestPreferences) },
    },
    async () => settings.digestPreferences(),
  );
  app.put(
    "/api/messages/digest-preferences",
    {
      schema: {
        tags,
        summary: "Clinicians: choose the digest times",
        body: DigestPreferencesInput,
        response: ok(DigestPreferences),
      },
    },
    async (request) => settings.setDigestPreferences(request.body),
  );

  // ---- admin ----
  app.get(
    "/api/admin/message-pools",
    { schema: { tags, summary: "Admins: message pools with members and topics", response: ok(MessagePoolList) } },
    async () => settings.listPools(),
  );
  app.post(
    "/api/admin/message-pools",
    {
      schema: {
        tags,
        summary: "Admins: create a message pool",
        body: MessagePoolInput,
        response: created(MessagePool),
      },
    },
    async (request, reply) => reply.status(201).send(await settings.createPool(request.body)),
  );
  app.put(
    "/api/admin/message-pools/:id",
    {
      schema: {
        tags,
        summary: "Admins: change a message pool (topics listed move to it)",
        params: IdParams,
        body: MessagePoolInput,
        response: ok(MessagePool),
      },
    },
    async (request) => settings.updatePool(request.params.id, request.body),
  );
  app.get(
    "/api/admin/locations/:id/holidays",
    { schema: { tags, summary: "Admins: a location's holidays", params: IdParams, response: ok(HolidayList) } },
    async (request) => settings.holidays(request.params.id),
  );
  app.put(
    "/api/admin/locations/:id/holidays",
    {
      schema: {
        tags,
        summary: "Admins: replace a location's holidays (no business hours count on them)",
        params: IdParams,
        body: HolidayList,
        response: ok(HolidayList),
      },
    },
    async (request) => settings.setHolidays(request.params.id, request.body),
  );
}
