import {
  ApproveReferralRequest,
  AskForVisitRequest,
  CreateReferralRequest,
  DenyReferralRequest,
  IncomingReferrals,
  PatientParams,
  Referral,
  ReferralIdParams,
  ReferralList,
  ReferralParams,
  ReferralQueue,
  ReferralQueueQuery,
  StaffCreateReferralRequest,
} from "@portico/contracts";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientRoute, staffRouteGuard } from "../../platform/access/route-guards.ts";
import { created, ok } from "../../platform/route-responses.ts";
import type { ReferralService } from "./referral-service.ts";

const tags = ["referrals"];
const CLINICIANS = ["nurse", "physician"] as const;

/** HTTP only: schemas, the call into the service, the response. */
export async function referralRoutes(
  app: App,
  services: { access: AccessService; referrals: ReferralService },
): Promise<void> {
  const { access, referrals } = services;
  const read = { scope: "referrals", action: "read", resourceType: "referral" } as const;
  const write = { scope: "referrals", action: "write", resourceType: "referral" } as const;

  app.get(
    "/api/patients/:patientId/referrals",
    {
      ...patientRoute(access, read),
      schema: {
        tags,
        summary: "The patient's referrals, newest first, with status, history and what the caller may do",
        params: PatientParams,
        response: ok(ReferralList),
      },
    },
    async (request) => referrals.list(request.params.patientId),
  );
  app.get(
    "/api/patients/:patientId/referrals/:referralId",
    {
      ...patientRoute(access, { ...read, resourceIdParam: "referralId" }),
      schema: { tags, summary: "One referral", params: ReferralParams, response: ok(Referral) },
    },
    async (request) => referrals.get(request.params.patientId, request.params.referralId),
  );
  app.post(
    "/api/patients/:patientId/referrals",
    {
      ...patientRoute(access, { ...write, auditAction: "create" }),
      schema: {
        tags,
        summary: "The patient or a caregiver asks the primary care practice for a referral",
        params: PatientParams,
        body: CreateReferralRequest,
        response: created(Referral),
      },
    },
    async (request, reply) => reply.status(201).send(await referrals.create(request.params.patientId, request.body)),
  );
  app.post(
    "/api/patients/:patientId/referrals/staff",
    {
      ...patientRoute(access, {
        staff: { roles: CLINICIANS, resourceType: "referral", action: "create" },
        // the practice's nurses reach the patient through the referral queue (checked by the service)
        exempt: "the service authorizes with the primary care practice as the queue reason",
      }),
      schema: {
        tags,
        summary:
          "Physicians and nurses of the practice: create a referral on the patient's behalf (approve it at once)",
        params: PatientParams,
        body: StaffCreateReferralRequest,
        response: created(Referral),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await referrals.staffCreate(request.params.patientId, request.body)),
  );
  app.post(
    "/api/patients/:patientId/referrals/:referralId/cancel",
    {
      ...patientRoute(access, {
        exempt: "the service authorizes the patient side, or the practice with the referral as the queue reason",
      }),
      schema: {
        tags,
        summary: "Withdraw a referral nothing is booked with",
        params: ReferralParams,
        response: ok(Referral),
      },
    },
    async (request) => referrals.cancel(request.params.patientId, request.params.referralId),
  );

  const queueGuard = staffRouteGuard(access, CLINICIANS, "referral_queue");
  app.get(
    "/api/referral-queue",
    {
      preHandler: queueGuard,
      schema: {
        tags,
        summary: "The primary care practice's referral requests (default: waiting for a decision), oldest first",
        querystring: ReferralQueueQuery,
        response: ok(ReferralQueue),
      },
    },
    async (request) => referrals.queue(request.query),
  );
  app.post(
    "/api/referral-queue/:referralId/approve",
    {
      preHandler: queueGuard,
      schema: {
        tags,
        summary: "Approve: a specialist or a specialty, the number of visits and the last day to book",
        params: ReferralIdParams,
        body: ApproveReferralRequest,
        response: ok(Referral),
      },
    },
    async (request) => referrals.approve(request.params.referralId, request.body),
  );
  app.post(
    "/api/referral-queue/:referralId/deny",
    {
      preHandler: queueGuard,
      schema: {
        tags,
        summary: "Deny, with a reason the patient sees",
        params: ReferralIdParams,
        body: DenyReferralRequest,
        response: ok(Referral),
      },
    },
    async (request) => referrals.deny(request.params.referralId, request.body.reason),
  );
  app.post(
    "/api/referral-queue/:referralId/ask-for-visit",
    {
      preHandler: queueGuard,
      schema: {
        tags,
        summary: "Ask the patient for a visit with the primary care physician first",
        params: ReferralIdParams,
        body: AskForVisitRequest,
        response: ok(Referral),
      },
    },
    async (request) => referrals.askForVisit(request.params.referralId, request.body),
  );
  app.get(
    "/api/referrals/incoming",
    {
      preHandler: staffRouteGuard(access, ["physician"], "incoming_referrals"),
      schema: {
        tags,
        summary: "A specialist's incoming referrals: approved to them, or to their specialty with no one named",
        response: ok(IncomingReferrals),
      },
    },
    async () => referrals.incoming(),
  );
}
