import {
  ApproveRefillRequest,
  BulkApproveRefillsRequest,
  BulkApproveRefillsResult,
  CreateMedicationRequest,
  CreateRefillRequest,
  DenyRefillRequest,
  LabResult,
  LabResultList,
  Medication,
  MedicationList,
  MedicationParams,
  PatientParams,
  ProtocolVersionParams,
  RecordLabResultRequest,
  RefillItemParams,
  RefillProtocol,
  RefillProtocolInput,
  RefillProtocolView,
  RefillQueue,
  RefillQueueItem,
  RefillQueueQuery,
  RefillRequest,
  RefillRequestList,
  RefillRequestParams,
  StopMedicationRequest,
  UpdateMedicationRequest,
} from "@portico/contracts";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientRoute, staffRouteGuard } from "../../platform/access/route-guards.ts";
import { created, ok } from "../../platform/route-responses.ts";
import type { LabResultService } from "./lab-results.ts";
import type { MedicationService } from "./medications.ts";
import type { RefillProtocolService } from "./protocols.ts";
import type { RefillService } from "./refill-service.ts";

const tags = ["refills"];
const CLINICIANS = ["nurse", "physician"] as const;

/** HTTP only: schemas, the call into the service, the response. */
export async function refillRoutes(
  app: App,
  services: {
    access: AccessService;
    medications: MedicationService;
    labResults: LabResultService;
    refills: RefillService;
    refillProtocols: RefillProtocolService;
  },
): Promise<void> {
  const { access, medications, labResults, refills, refillProtocols } = services;
  const medicationsRead = { scope: "medications", action: "read" } as const;
  const clinicalWrite = (auditAction: string, resourceIdParam?: string) =>
    patientRoute(access, {
      staff: { roles: CLINICIANS, resourceType: "medication", action: auditAction },
      scope: "medications",
      action: "write",
      resourceType: "medication",
      auditAction,
      ...(resourceIdParam ? { resourceIdParam } : {}),
    });

  // ---- lab results (the refill protocol's lab rule) ----
  app.get(
    "/api/patients/:patientId/lab-results",
    {
      ...patientRoute(access, {
        staff: { roles: CLINICIANS, resourceType: "lab_result", action: "read" },
        ...medicationsRead,
        resourceType: "lab_result",
      }),
      schema: {
        tags,
        summary: "Clinicians: the patient's lab results, newest first, and the tests the refill protocol names",
        params: PatientParams,
        response: ok(LabResultList),
      },
    },
    async (request) => labResults.list(request.params.patientId),
  );
  app.post(
    "/api/patients/:patientId/lab-results",
    {
      ...patientRoute(access, {
        staff: { roles: CLINICIANS, resourceType: "lab_result", action: "create" },
        scope: "medications",
        action: "write",
        resourceType: "lab_result",
        auditAction: "create",
      }),
      schema: {
        tags,
        summary: "Clinicians: record a lab result (a test the refill protocol names, its date, the value if given)",
        params: PatientParams,
        body: RecordLabResultRequest,
        response: created(LabResult),
      },
    },
    async (request, reply) => reply.status(201).send(await labResults.record(request.params.patientId, request.body)),
  );

  // ---- the medication list ----
  app.get(
    "/api/patients/:patientId/medications",
    {
      ...patientRoute(access, { ...medicationsRead, resourceType: "medication" }),
      schema: {
        tags,
        summary: "The patient's medications in plain language, with history and what the caller may do",
        params: PatientParams,
        response: ok(MedicationList),
      },
    },
    async (request) => medications.list(request.params.patientId),
  );
  app.get(
    "/api/patients/:patientId/medications/:medicationId",
    {
      ...patientRoute(access, { ...medicationsRead, resourceType: "medication", resourceIdParam: "medicationId" }),
      schema: { tags, summary: "One medication with its history", params: MedicationParams, response: ok(Medication) },
    },
    async (request) => medications.get(request.params.patientId, request.params.medicationId),
  );
  app.post(
    "/api/patients/:patientId/medications",
    {
      ...clinicalWrite("create"),
      schema: {
        tags,
        summary: "Clinicians: add a medication",
        params: PatientParams,
        body: CreateMedicationRequest,
        response: created(Medication),
      },
    },
    async (request, reply) => reply.status(201).send(await medications.create(request.params.patientId, request.body)),
  );
  app.patch(
    "/api/patients/:patientId/medications/:medicationId",
    {
      ...clinicalWrite("update", "medicationId"),
      schema: {
        tags,
        summary: "Clinicians: change a medication (recorded in its history)",
        params: MedicationParams,
        body: UpdateMedicationRequest,
        response: ok(Medication),
      },
    },
    async (request) => medications.update(request.params.patientId, request.params.medicationId, request.body),
  );
  app.post(
    "/api/patients/:patientId/medications/:medicationId/stop",
    {
      ...clinicalWrite("stop", "medicationId"),
      schema: {
        tags,
        summary: "Clinicians: stop a medication, with the reason",
        params: MedicationParams,
        body: StopMedicationRequest,
        response: ok(Medication),
      },
    },
    async (request) => medications.stop(request.params.patientId, request.params.medicationId, request.body),
  );

  // ---- refill requests ----
  app.post(
    "/api/patients/:patientId/refill-requests",
    {
      ...patientRoute(access, {
        scope: "medications",
        action: "write",
        resourceType: "refill_request",
        auditAction: "create",
      }),
      schema: {
        tags,
        summary: "Request refills of one or more medications; each is decided by the refill protocol at once",
        params: PatientParams,
        body: CreateRefillRequest,
        response: created(RefillRequest),
      },
    },
    async (request, reply) => reply.status(201).send(await refills.create(request.params.patientId, request.body)),
  );
  app.get(
    "/api/patients/:patientId/refill-requests",
    {
      ...patientRoute(access, { ...medicationsRead, resourceType: "refill_request" }),
      schema: {
        tags,
        summary: "The patient's refill requests, newest first, each medication with its status timeline",
        params: PatientParams,
        response: ok(RefillRequestList),
      },
    },
    async (request) => refills.list(request.params.patientId),
  );
  app.get(
    "/api/patients/:patientId/refill-requests/:requestId",
    {
      ...patientRoute(access, { ...medicationsRead, resourceType: "refill_request", resourceIdParam: "requestId" }),
      schema: { tags, summary: "One refill request", params: RefillRequestParams, response: ok(RefillRequest) },
    },
    async (request) => refills.get(request.params.patientId, request.params.requestId),
  );

  // ---- the clinicians' refill queue ----
  const queueGuard = staffRouteGuard(access, CLINICIANS, "refill_queue");
  app.get(
    "/api/refill-queue",
    {
      preHandler: queueGuard,
      schema: {
        tags,
        summary: "Clinicians: refill requests waiting for a decision (filter by prescriber, status, age)",
        querystring: RefillQueueQuery,
        response: ok(RefillQueue),
      },
    },
    async (request) => refills.queue(request.query),
  );
  app.post(
    "/api/refill-queue/:itemId/approve",
    {
      preHandler: queueGuard,
      schema: {
        tags,
        summary: "Clinicians: approve with quantity and refills; the prescription goes to the pharmacy",
        params: RefillItemParams,
        body: ApproveRefillRequest,
        response: ok(RefillQueueItem),
      },
    },
    async (request) => refills.approve(request.params.itemId, request.body),
  );
  app.post(
    "/api/refill-queue/:itemId/deny",
    {
      preHandler: queueGuard,
      schema: {
        tags,
        summary: "Clinicians: deny, with a reason the patient sees",
        params: RefillItemParams,
        body: DenyRefillRequest,
        response: ok(RefillQueueItem),
      },
    },
    async (request) => refills.deny(request.params.itemId, request.body.reason),
  );
  app.post(
    "/api/refill-queue/bulk-approve",
    {
      preHandler: queueGuard,
      schema: {
        tags,
        summary:
          "Clinicians: approve several where the protocol allows it, each with its suggested quantity and refills",
        body: BulkApproveRefillsRequest,
        response: ok(BulkApproveRefillsResult),
      },
    },
    async (request) => refills.bulkApprove(request.body.itemIds),
  );

  // ---- the refill protocol ----
  app.get(
    "/api/refill-protocol",
    {
      schema: {
        tags,
        summary: "The refill protocol in force and its versions (admins, nurses, physicians)",
        response: ok(RefillProtocolView),
      },
    },
    async () => refillProtocols.view(),
  );
  app.get(
    "/api/refill-protocol/versions/:version",
    {
      schema: {
        tags,
        summary: "One version of the refill protocol",
        params: ProtocolVersionParams,
        response: ok(RefillProtocol),
      },
    },
    async (request) => refillProtocols.version(request.params.version),
  );
  app.put(
    "/api/refill-protocol",
    {
      schema: {
        tags,
        summary: "Admins: save the refill protocol as its next version",
        body: RefillProtocolInput,
        response: created(RefillProtocol),
      },
    },
    async (request, reply) => reply.status(201).send(await refillProtocols.save(request.body)),
  );
}
