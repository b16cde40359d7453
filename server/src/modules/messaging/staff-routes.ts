import {
  CloseThreadRequest,
  IdParams,
  Inbox,
  InboxQuery,
  InternalNoteRequest,
  StaffReplyRequest,
  StaffThread,
  Uuid,
} from "@portico/contracts";
import { Type } from "typebox";
import type { App } from "../../app.ts";
import { created, ok } from "../../platform/route-responses.ts";
import { type MessagingRouteServices, sendFile, tags } from "./route-helpers.ts";

const StaffAttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid });

/** The staff side's routes (nurses and physicians; each thread checked by the service): the inbox, one thread and its actions, downloads. */
export function staffThreadRoutes(app: App, { messaging }: MessagingRouteServices): void {
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
}
