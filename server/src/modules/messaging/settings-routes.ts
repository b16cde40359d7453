import {
  DigestPreferences,
  DigestPreferencesInput,
  HolidayList,
  IdParams,
  MessagePool,
  MessagePoolInput,
  MessagePoolList,
  OfficeHours,
  OfficeHoursInput,
  PoolParams,
  PoolQuickReplyParams,
  QuickReply,
  QuickReplyInput,
  QuickReplyList,
} from "@portico/contracts";
import type { App } from "../../app.ts";
import { created, noContent, ok } from "../../platform/route-responses.ts";
import { type MessagingRouteServices, tags } from "./route-helpers.ts";

/** The settings' routes: a pool's quick replies, a clinician's office hours and digest times, the admins' pools and holidays. */
export function settingsRoutes(app: App, { messagingSettings: settings }: MessagingRouteServices): void {
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
        response: noContent(),
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
