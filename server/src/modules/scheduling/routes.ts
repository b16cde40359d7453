import {
  Appointment,
  AppointmentList,
  AppointmentParams,
  BookAppointment,
  CancelAppointment,
  errorResponses,
  PatientParams,
  RescheduleAppointment,
  SlotList,
  SlotQuery,
  VisitTypeList,
} from "@portico/contracts";
import type { App } from "../../app.ts";
import * as repo from "./repo.ts";
import type { SchedulingService } from "./service.ts";
import { presentVisitType } from "./visit-types.ts";

const tags = ["appointments"];

/** HTTP only: schemas, the call into the service, the response. */
export async function schedulingRoutes(app: App, scheduling: SchedulingService): Promise<void> {
  app.get(
    "/api/visit-types",
    { schema: { tags, summary: "Types of visit that can be booked", response: { 200: VisitTypeList } } },
    async () => ({
      visitTypes: (await repo.listVisitTypes(app.services.deps.db, { activeOnly: true })).map(presentVisitType),
    }),
  );

  app.get(
    "/api/slots",
    {
      schema: {
        tags,
        summary: "Free appointment slots",
        querystring: SlotQuery,
        response: { 200: SlotList, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return scheduling.searchSlots({
        visitTypeId: q.visitTypeId,
        providerId: q.providerId,
        locationId: q.locationId,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        patientId: q.patientId,
        limit: q.limit,
      });
    },
  );

  app.get(
    "/api/patients/:patientId/appointments",
    {
      schema: {
        tags,
        summary: "A patient's upcoming and past appointments",
        params: PatientParams,
        response: { 200: AppointmentList, ...errorResponses },
      },
    },
    async (request) => scheduling.listForPatient(request.params.patientId),
  );

  app.get(
    "/api/patients/:patientId/appointments/:appointmentId",
    {
      schema: {
        tags,
        summary: "One appointment",
        params: AppointmentParams,
        response: { 200: Appointment, ...errorResponses },
      },
    },
    async (request) => scheduling.getForPatient(request.params.patientId, request.params.appointmentId),
  );

  app.post(
    "/api/patients/:patientId/appointments",
    {
      schema: {
        tags,
        summary: "Book an appointment (409 slot_taken with alternatives when the time was just taken)",
        params: PatientParams,
        body: BookAppointment,
        response: { 201: Appointment, ...errorResponses },
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
      schema: {
        tags,
        summary: "Move an appointment; the old time is released only if the new one is secured",
        params: AppointmentParams,
        body: RescheduleAppointment,
        response: { 200: Appointment, ...errorResponses },
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
      schema: {
        tags,
        summary: "Cancel an appointment (refused online inside the cancellation notice)",
        params: AppointmentParams,
        body: CancelAppointment,
        response: { 200: Appointment, ...errorResponses },
      },
    },
    async (request) => scheduling.cancel(request.params.patientId, request.params.appointmentId, request.body?.reason),
  );
}
