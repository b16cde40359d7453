import {
  FlagRanges,
  HealthFlagItem,
  HealthFlagParams,
  HealthFlagQuery,
  HealthFlagQueue,
  HealthUpdates,
  PatientParams,
  SaveFlagRangesRequest,
  SendQuestionnaireRequest,
  SendReadingRequest,
  SentQuestionnaire,
  SentReading,
} from "@portico/contracts";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientRoute, staffRouteGuard } from "../../platform/access/route-guards.ts";
import { created, ok } from "../../platform/route-responses.ts";
import type { HealthFlagService } from "./flag-queue.ts";
import type { HealthUpdatesService } from "./health-service.ts";
import type { FlagRangeService } from "./ranges.ts";

const tags = ["health-updates"];
const CLINICIANS = ["nurse", "physician"] as const;

/** HTTP only: schemas, the call into the service, the response. */
export async function healthUpdateRoutes(
  app: App,
  services: {
    access: AccessService;
    healthUpdates: HealthUpdatesService;
    healthFlags: HealthFlagService;
    healthRanges: FlagRangeService;
  },
): Promise<void> {
  const { access, healthUpdates, healthFlags, healthRanges } = services;

  app.get(
    "/api/patients/:patientId/health-updates",
    {
      ...patientRoute(access, { scope: "health_updates", action: "read", resourceType: "health_update" }),
      schema: {
        tags,
        summary: "The patient's readings (last year, newest first), a trend per measure, questionnaires, abilities",
        params: PatientParams,
        response: ok(HealthUpdates),
      },
    },
    async (request) => healthUpdates.overview(request.params.patientId),
  );
  app.post(
    "/api/patients/:patientId/health-updates/readings",
    {
      ...patientRoute(access, {
        scope: "health_updates",
        action: "write",
        resourceType: "health_reading",
        auditAction: "create",
      }),
      schema: {
        tags,
        summary:
          "The patient or a caregiver sends a reading; flagged against the clinic's ranges (guidance: emergency when urgent)",
        params: PatientParams,
        body: SendReadingRequest,
        response: created(SentReading),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await healthUpdates.sendReading(request.params.patientId, request.body)),
  );
  app.post(
    "/api/patients/:patientId/health-updates/questionnaires",
    {
      ...patientRoute(access, {
        scope: "health_updates",
        action: "write",
        resourceType: "questionnaire_response",
        auditAction: "create",
      }),
      schema: {
        tags,
        summary: "The patient or a caregiver sends a PHQ-9 or GAD-7 (every item answered); scored and flagged",
        params: PatientParams,
        body: SendQuestionnaireRequest,
        response: created(SentQuestionnaire),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await healthUpdates.sendQuestionnaire(request.params.patientId, request.body)),
  );

  const queueGuard = staffRouteGuard(access, CLINICIANS, "health_flag_queue");
  app.get(
    "/api/health-flags",
    {
      preHandler: queueGuard,
      schema: {
        tags,
        summary: "Flagged updates of the patients whose care team the caller works in: urgent first, oldest first",
        querystring: HealthFlagQuery,
        response: ok(HealthFlagQueue),
      },
    },
    async (request) => healthFlags.queue(request.query),
  );
  app.post(
    "/api/health-flags/:flagId/acknowledge",
    {
      preHandler: queueGuard,
      schema: {
        tags,
        summary: "Acknowledge a flagged update (and take its work item)",
        params: HealthFlagParams,
        response: ok(HealthFlagItem),
      },
    },
    async (request) => healthFlags.acknowledge(request.params.flagId),
  );
  app.post(
    "/api/health-flags/:flagId/resolve",
    {
      preHandler: queueGuard,
      schema: {
        tags,
        summary: "Resolve a flagged update (its work item is done)",
        params: HealthFlagParams,
        response: ok(HealthFlagItem),
      },
    },
    async (request) => healthFlags.resolve(request.params.flagId),
  );

  app.get(
    "/api/health-flag-ranges",
    {
      preHandler: staffRouteGuard(access, ["admin", "nurse", "physician"], "health_flag_ranges"),
      schema: { tags, summary: "The clinic's flag ranges, in canonical units", response: ok(FlagRanges) },
    },
    async () => healthRanges.get(),
  );
  app.put(
    "/api/health-flag-ranges",
    {
      preHandler: staffRouteGuard(access, ["admin"], "health_flag_ranges"),
      schema: {
        tags,
        summary: "Admins: save the clinic's flag ranges (every range, limits in order)",
        body: SaveFlagRangesRequest,
        response: ok(FlagRanges),
      },
    },
    async (request) => healthRanges.save(request.body),
  );
}
