import {
  Appointment,
  AppointmentList,
  AppointmentListQuery,
  AppointmentParams,
  BookAppointment,
  CancelAppointment,
  PatientParams,
  RescheduleAppointment,
} from "@portico/contracts";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { created, ok } from "../../platform/route-responses.ts";
import { appointmentsRoute, tags } from "./route-access.ts";
import type { SchedulingService } from "./service.ts";

/** A patient's appointments: list, one, book, reschedule, cancel. */
export async function patientAppointmentRoutes(
  app: App,
  services: { scheduling: SchedulingService; access: AccessService },
): Promise<void> {
  const { scheduling, access } = services;
  app.get(
    "/api/patients/:patientId/appointments",
    {
      ...appointmentsRoute(access, { action: "read", resourceType: "appointment" }),
      schema: {
        tags,
        summary: "A patient's upcoming appointments and a page of past ones (newest first; nextPastCursor for older)",
        params: PatientParams,
        querystring: AppointmentListQuery,
        response: ok(AppointmentList),
      },
    },
    async (request) => scheduling.listForPatient(request.params.patientId, request.query),
  );

  app.get(
    "/api/patients/:patientId/appointments/:appointmentId",
    {
      ...appointmentsRoute(access, { action: "read", resourceType: "appointment", resourceIdParam: "appointmentId" }),
      schema: {
        tags,
        summary: "One appointment",
        params: AppointmentParams,
        response: ok(Appointment),
      },
    },
    async (request) => scheduling.getForPatient(request.params.patientId, request.params.appointmentId),
  );

  app.post(
    "/api/patients/:patientId/appointments",
    {
      ...appointmentsRoute(access, { action: "write", resourceType: "appointment", auditAction: "book" }),
      schema: {
        tags,
        summary: "Book an appointment (409 slot_taken with alternatives when the time was just taken)",
        params: PatientParams,
        body: BookAppointment,
        response: created(Appointment),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const appointment = await scheduling.book(request.params.patientId, {
        visitTypeId: body.visitTypeId,
        providerId: body.providerId,
        start: new Date(body.start),
        locationId: body.locationId,
        reasonForVisit: body.reasonForVisit,
      });
      return reply.status(201).send(appointment);
    },
  );

  app.post(
    "/api/patients/:patientId/appointments/:appointmentId/reschedule",
    {
      ...appointmentsRoute(access, {
        action: "write",
        resourceType: "appointment",
        resourceIdParam: "appointmentId",
        auditAction: "reschedule",
      }),
      schema: {
        tags,
        summary: "Move an appointment; the old time is released only if the new one is secured",
        params: AppointmentParams,
        body: RescheduleAppointment,
        response: ok(Appointment),
      },
    },
    async (request) =>
      scheduling.reschedule(request.params.patientId, request.params.appointmentId, {
        start: new Date(request.body.start),
        providerId: request.body.providerId,
        locationId: request.body.locationId,
      }),
  );

  app.post(
    "/api/patients/:patientId/appointments/:appointmentId/cancel",
    {
      ...appointmentsRoute(access, {
        action: "write",
        resourceType: "appointment",
        resourceIdParam: "appointmentId",
        auditAction: "cancel",
      }),
      schema: {
        tags,
        summary: "Cancel an appointment (refused online inside the cancellation notice)",
        params: AppointmentParams,
        body: CancelAppointment,
        response: ok(Appointment),
      },
    },
    async (request) => scheduling.cancel(request.params.patientId, request.params.appointmentId, request.body?.reason),
  );
}
