import { AppointmentParams, ECheckInForm, ECheckInRequest } from "@portico/contracts";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { noContent, ok } from "../../platform/route-responses.ts";
import type { CheckInService } from "./check-in-service.ts";
import type { FrontDeskService } from "./front-desk-service.ts";
import { appointmentsRoute, tags } from "./route-access.ts";

/** The patient before and on the day of a visit: eCheck-in, “I'm here”. */
export async function visitDayRoutes(
  app: App,
  services: { frontDesk: FrontDeskService; checkIn: CheckInService; access: AccessService },
): Promise<void> {
  const { frontDesk, checkIn, access } = services;
  app.post(
    "/api/patients/:patientId/appointments/:appointmentId/arrive",
    {
      ...appointmentsRoute(access, {
        action: "write",
        resourceType: "appointment",
        resourceIdParam: "appointmentId",
        auditAction: "arrive",
      }),
      schema: {
        tags,
        summary: "“I'm here”: the patient marks their arrival on the day",
        params: AppointmentParams,
        response: noContent(),
      },
    },
    async (request, reply) => {
      await frontDesk.imHere(request.params.patientId, request.params.appointmentId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/api/patients/:patientId/appointments/:appointmentId/check-in",
    {
      ...appointmentsRoute(access, { action: "read", resourceType: "echeckin", resourceIdParam: "appointmentId" }),
      schema: {
        tags,
        summary: "The eCheck-in form for an appointment",
        params: AppointmentParams,
        response: ok(ECheckInForm),
      },
    },
    async (request) => checkIn.form(request.params.patientId, request.params.appointmentId),
  );
  app.post(
    "/api/patients/:patientId/appointments/:appointmentId/check-in",
    {
      ...appointmentsRoute(access, {
        action: "write",
        resourceType: "echeckin",
        resourceIdParam: "appointmentId",
        auditAction: "submit",
      }),
      schema: {
        tags,
        summary: "Submit eCheck-in (from 7 days before)",
        params: AppointmentParams,
        body: ECheckInRequest,
        response: noContent(),
      },
    },
    async (request, reply) => {
      await checkIn.submit(request.params.patientId, request.params.appointmentId, request.body);
      return reply.status(204).send(null);
    },
  );
}
