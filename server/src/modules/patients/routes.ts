import {
  ActivationLetter,
  CreateIdentityChangeRequest,
  DecideIdentityChangeRequest,
  errorResponses,
  FileParams,
  FileUploadQuery,
  IdentityChangeRequest,
  IdentityChangeRequestList,
  IdParams,
  MergePatientRequest,
  MergeResult,
  PatientParams,
  PatientProfile,
  PatientProfileView,
  PatientSearchQuery,
  PatientSearchResponse,
  PendingRegistrationList,
  RegisterPatientRequest,
  RegisterPatientResponse,
  RejectRegistrationRequest,
  RejectRegistrationResponse,
  SelfRegistrationRequest,
  SelfRegistrationResponse,
  StoredFile,
  UpdatePatientRequest,
  VerifyRegistrationRequest,
} from "@portico/contracts";
import { Type } from "typebox";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientRoute } from "../../platform/access/route-guards.ts";
import { activationCodeHash } from "../../platform/auth/tokens.ts";
import { registerUploadRoutes, uploadedBytes, uploadRoute } from "../../platform/files/upload-routes.ts";
import { created, ok } from "../../platform/route-responses.ts";
import type { PatientFiles } from "./files.ts";
import { renderActivationLetter } from "./letter.ts";
import type { PatientService } from "./service.ts";

const tags = ["patients"];

/** HTTP only: schemas, the call into the service, the response. */
export async function patientRoutes(
  app: App,
  patients: PatientService,
  files: PatientFiles,
  access: AccessService,
): Promise<void> {
  app.get(
    "/api/patients",
    {
      schema: {
        tags,
        summary: "Staff search by name, date of birth, MRN or phone",
        querystring: PatientSearchQuery,
        response: ok(PatientSearchResponse),
      },
    },
    async (request) => patients.search(request.query),
  );

  app.post(
    "/api/patients",
    {
      schema: {
        tags,
        summary: "Register a patient (front desk); answers 409 possible_duplicate with candidates",
        body: RegisterPatientRequest,
        response: created(RegisterPatientResponse),
      },
    },
    async (request, reply) => reply.status(201).send(await patients.registration.register(request.body)),
  );

  app.get(
    "/api/patients/:patientId",
    {
      ...patientRoute(access, {
        scope: "summary",
        action: "read",
        resourceType: "patient_summary",
        resourceIdParam: "patientId",
      }),
      schema: {
        tags,
        summary: "A patient's profile (a restricted proxy gets the summary: name and date of birth)",
        params: PatientParams,
        response: ok(PatientProfileView),
      },
    },
    async (request) => patients.profile.getProfile(request.params.patientId),
  );

  app.patch(
    "/api/patients/:patientId",
    {
      ...patientRoute(access, {
        scope: "profile",
        action: "write",
        resourceType: "patient_profile",
        resourceIdParam: "patientId",
        auditAction: "update",
      }),
      schema: {
        tags,
        summary: "Update contact details, language, pharmacy, insurance, emergency contact",
        params: PatientParams,
        body: UpdatePatientRequest,
        response: ok(PatientProfile),
      },
    },
    async (request) => patients.profile.updateProfile(request.params.patientId, request.body),
  );

  app.post(
    "/api/patients/:patientId/activation-codes",
    {
      ...patientRoute(access, {
        staff: { roles: ["front_desk"], resourceType: "activation_code", action: "create" },
        scope: "profile",
        action: "write",
        resourceType: "activation_code",
        auditAction: "create",
      }),
      schema: {
        tags,
        summary: "Issue a new activation code (the previous one stops working)",
        params: PatientParams,
        response: created(RegisterPatientResponse.properties.activation),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await patients.registration.reissueActivationCode(request.params.patientId)),
  );

  app.get(
    "/api/patients/:patientId/activation-letter",
    {
      ...patientRoute(access, {
        staff: { roles: ["front_desk"], resourceType: "activation_code" },
        exempt: "the letter is found by its activation code for this patient, for the front desk only",
      }),
      schema: {
        tags,
        summary: "Printable activation letter (HTML; JSON with Accept: application/json)",
        params: PatientParams,
        querystring: Type.Object(
          { code: Type.String({ minLength: 12, maxLength: 20 }) },
          { additionalProperties: false },
        ),
        response: ok(ActivationLetter),
      },
    },
    async (request, reply) => {
      const letter = await patients.registration.activationLetter(
        request.params.patientId,
        request.query.code,
        activationCodeHash(request.query.code),
      );
      if ((request.headers.accept ?? "").includes("application/json")) return letter;
      return reply
        .type("text/html; charset=utf-8")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
        .serializer((payload: unknown) => payload as string)
        .send(renderActivationLetter(letter) as never);
    },
  );

  app.post(
    "/api/patients/:patientId/merge",
    {
      ...patientRoute(access, {
        staff: { roles: ["front_desk"], resourceType: "patient", action: "merge" },
        exempt: "the service checks both charts, after refusing a chart merged into itself",
      }),
      schema: {
        tags,
        summary: "Merge this chart into another (front desk); everything moves to the surviving chart",
        params: PatientParams,
        body: MergePatientRequest,
        response: ok(MergeResult),
      },
    },
    async (request) => patients.merges.merge(request.params.patientId, request.body),
  );

  // ---- self-registration and the staff queue ----

  app.post(
    "/api/registrations",
    {
      config: { auth: "public", rateLimit: { max: 10, timeWindow: 60 * 60_000 } },
      schema: {
        tags,
        summary: "Self-registration: a new patient creates their account and record (pending verification)",
        body: SelfRegistrationRequest,
        response: { ...errorResponses, 202: SelfRegistrationResponse },
      },
    },
    async (request, reply) => {
      await patients.registration.selfRegister(request.body, { acceptLanguage: request.headers["accept-language"] });
      return reply.status(202).send({
        status: "received",
        message: "Thank you. Check your email: we have sent you the next steps.",
      });
    },
  );

  app.get(
    "/api/registrations/pending",
    { schema: { tags, summary: "Registrations waiting for verification", response: ok(PendingRegistrationList) } },
    async () => ({ registrations: await patients.registration.listPending() }),
  );

  app.post(
    "/api/registrations/:id/verify",
    {
      schema: {
        tags,
        summary: "Verify a pending registration",
        params: IdParams,
        body: VerifyRegistrationRequest,
        response: ok(PatientProfile),
      },
    },
    async (request) => patients.registration.verify(request.params.id, request.body),
  );

  app.post(
    "/api/registrations/:id/reject",
    {
      schema: {
        tags,
        summary: "Reject a pending registration; the applicant is emailed the reason in their language",
        params: IdParams,
        body: RejectRegistrationRequest,
        response: ok(RejectRegistrationResponse),
      },
    },
    async (request) => patients.registration.reject(request.params.id, request.body),
  );

  // ---- identity change requests ----

  app.post(
    "/api/patients/:patientId/identity-change-requests",
    {
      ...patientRoute(access, {
        scope: "profile",
        action: "write",
        resourceType: "identity_change_request",
        auditAction: "create",
      }),
      schema: {
        tags,
        summary: "Ask the front desk to change legal name, sex or date of birth",
        params: PatientParams,
        body: CreateIdentityChangeRequest,
        response: created(IdentityChangeRequest),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await patients.identityChanges.requestIdentityChange(request.params.patientId, request.body)),
  );

  app.get(
    "/api/patients/:patientId/identity-change-requests",
    {
      ...patientRoute(access, { scope: "profile", action: "read", resourceType: "identity_change_request" }),
      schema: {
        tags,
        summary: "The patient's own change requests",
        params: PatientParams,
        response: ok(IdentityChangeRequestList),
      },
    },
    async (request) => ({ requests: await patients.identityChanges.patientIdentityRequests(request.params.patientId) }),
  );

  app.get(
    "/api/identity-change-requests",
    {
      schema: {
        tags,
        summary: "Change requests for the front desk",
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.Union([Type.Literal("pending"), Type.Literal("approved"), Type.Literal("denied")], {
                default: "pending",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: ok(IdentityChangeRequestList),
      },
    },
    async (request) => ({ requests: await patients.identityChanges.listIdentityRequests(request.query.status) }),
  );

  app.post(
    "/api/identity-change-requests/:id/decision",
    {
      schema: {
        tags,
        summary: "Approve (applies the change) or deny a change request",
        params: IdParams,
        body: DecideIdentityChangeRequest,
        response: ok(IdentityChangeRequest),
      },
    },
    async (request) => patients.identityChanges.decideIdentityRequest(request.params.id, request.body),
  );

  // ---- files ----

  await registerUploadRoutes(app, (scoped) => {
    scoped.post(
      "/api/patients/:patientId/files",
      {
        ...patientRoute(access, { scope: "profile", action: "write", resourceType: "file", auditAction: "upload" }),
        ...uploadRoute(
          {
            tags,
            summary: "Upload a file (raw body: JPEG, PNG, HEIC or PDF, at most 10 MB)",
            params: PatientParams,
            querystring: FileUploadQuery,
          },
          StoredFile,
        ),
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await files.upload(request.params.patientId, request.query.kind, uploadedBytes(request.body))),
    );
  });

  app.get(
    "/api/patients/:patientId/files/:fileId",
    {
      ...patientRoute(access, { scope: "profile", action: "read", resourceType: "file", resourceIdParam: "fileId" }),
      schema: { tags, summary: "Download a file (as an attachment)", params: FileParams },
    },
    async (request, reply) => {
      const file = await files.download(request.params.patientId, request.params.fileId);
      const extension = { "image/jpeg": "jpg", "image/png": "png", "image/heic": "heic", "application/pdf": "pdf" }[
        file.contentType
      ];
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.kind}-${file.id.slice(0, 8)}.${extension}"`)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .send(file.bytes);
    },
  );
}
