import {
  Appointment,
  AppointmentIdParams,
  AppointmentList,
  AppointmentParams,
  ArrivalsBoard,
  ArrivalsQuery,
  AvailabilityTemplate,
  BookAppointment,
  CancelAppointment,
  ConfirmByToken,
  ConfirmResult,
  CreateAvailabilityException,
  CreateAvailabilityTemplate,
  CreateTimeOff,
  CreateVisitType,
  ECheckInForm,
  ECheckInRequest,
  errorResponses,
  IdParams,
  OfferParams,
  PatientParams,
  ProviderAvailability,
  ProviderSchedule,
  RescheduleAppointment,
  SavedAvailabilityException,
  ScheduleEntry,
  ScheduleQuery,
  SlotList,
  SlotQuery,
  StaffStatusChange,
  StaffWorkplace,
  TimeOffPreview,
  UpdateVisitType,
  VisitIntakeAnswers,
  VisitType,
  VisitTypeList,
  WaitlistOffer,
  WaitlistOfferList,
} from "@portico/contracts";
import { Type } from "typebox";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientRoute } from "../../platform/access/route-guards.ts";
import type { AvailabilityService } from "./availability-service.ts";
import type { CheckInService } from "./check-in-service.ts";
import type { FrontDeskService } from "./front-desk-service.ts";
import type { ReminderService } from "./reminders.ts";
import type { SchedulingService } from "./service.ts";
import type { WaitlistService } from "./waitlist-service.ts";

const tags = ["appointments"];

/** HTTP only: schemas, the call into the service, the response. */
export async function schedulingRoutes(
  app: App,
  services: { scheduling: SchedulingService; access: AccessService },
): Promise<void> {
  const { scheduling, access } = services;
  app.get(
    "/api/visit-types",
    { schema: { tags, summary: "Types of visit that can be booked", response: { 200: VisitTypeList } } },
    async () => ({ visitTypes: await scheduling.visitTypes() }),
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
        // what to show: a read replica may answer (DATABASE_READ_URL); booking decides on the primary
        reads: "replica",
      });
    },
  );

  app.get(
    "/api/patients/:patientId/appointments",
    {
      ...patientRoute(access, { scope: "appointments", action: "read", resourceType: "appointment" }),
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
      ...patientRoute(access, {
        scope: "appointments",
        action: "read",
        resourceType: "appointment",
        resourceIdParam: "appointmentId",
      }),
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
      ...patientRoute(access, {
        scope: "appointments",
        action: "write",
        resourceType: "appointment",
        auditAction: "book",
      }),
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
      ...patientRoute(access, {
        scope: "appointments",
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
      ...patientRoute(access, {
        scope: "appointments",
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
        response: { 200: Appointment, ...errorResponses },
      },
    },
    async (request) => scheduling.cancel(request.params.patientId, request.params.appointmentId, request.body?.reason),
  );
}

/** Staff: arrivals board, schedules, visit status; admin: visit types and availability. */
export async function schedulingStaffRoutes(
  app: App,
  services: {
    frontDesk: FrontDeskService;
    availability: AvailabilityService;
    checkIn: CheckInService;
    access: AccessService;
  },
): Promise<void> {
  const { frontDesk, availability, checkIn, access } = services;
  const staffTags = ["appointments (staff)"];

  app.get(
    "/api/workplace",
    {
      schema: {
        tags: staffTags,
        summary: "The arrivals boards this staff member may open and the schedules they may read",
        response: { 200: StaffWorkplace, ...errorResponses },
      },
    },
    async () => frontDesk.workplace(),
  );
  app.get(
    "/api/arrivals",
    {
      schema: {
        tags: staffTags,
        summary: "Front-desk arrivals board for a day and location",
        querystring: ArrivalsQuery,
        response: { 200: ArrivalsBoard, ...errorResponses },
      },
    },
    async (request) => frontDesk.arrivals(request.query.locationId, request.query.date),
  );
  app.get(
    "/api/schedule",
    {
      schema: {
        tags: staffTags,
        summary: "A provider's day or week",
        querystring: ScheduleQuery,
        response: { 200: ProviderSchedule, ...errorResponses },
      },
    },
    async (request) => frontDesk.schedule(request.query),
  );
  app.post(
    "/api/appointments/:appointmentId/status",
    {
      schema: {
        tags: staffTags,
        summary: "Move a visit along: arrived, roomed, in visit, completed, no-show",
        params: AppointmentIdParams,
        body: StaffStatusChange,
        response: { 200: ScheduleEntry, ...errorResponses },
      },
    },
    async (request) => frontDesk.setStatus(request.params.appointmentId, request.body.status),
  );
  app.get(
    "/api/appointments/:appointmentId/intake",
    {
      schema: {
        tags: staffTags,
        summary:
          "A nurse or physician opens the scored questionnaires sent as the intake of a visit they work (answers, scores, flags)",
        params: AppointmentIdParams,
        response: { 200: VisitIntakeAnswers, ...errorResponses },
      },
    },
    async (request) => frontDesk.intakeAnswers(request.params.appointmentId),
  );
  app.post(
    "/api/appointments/:appointmentId/status/undo",
    {
      schema: {
        tags: staffTags,
        summary: "Undo the last status step of a visit, on the visit's day",
        params: AppointmentIdParams,
        response: { 200: ScheduleEntry, ...errorResponses },
      },
    },
    async (request) => frontDesk.undoStatus(request.params.appointmentId),
  );

  app.post(
    "/api/patients/:patientId/appointments/:appointmentId/arrive",
    {
      ...patientRoute(access, {
        scope: "appointments",
        action: "write",
        resourceType: "appointment",
        resourceIdParam: "appointmentId",
        auditAction: "arrive",
      }),
      schema: {
        tags,
        summary: "“I'm here”: the patient marks their arrival on the day",
        params: AppointmentParams,
        response: { 204: Type.Null(), ...errorResponses },
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
      ...patientRoute(access, {
        scope: "appointments",
        action: "read",
        resourceType: "echeckin",
        resourceIdParam: "appointmentId",
      }),
      schema: {
        tags,
        summary: "The eCheck-in form for an appointment",
        params: AppointmentParams,
        response: { 200: ECheckInForm, ...errorResponses },
      },
    },
    async (request) => checkIn.form(request.params.patientId, request.params.appointmentId),
  );
  app.post(
    "/api/patients/:patientId/appointments/:appointmentId/check-in",
    {
      ...patientRoute(access, {
        scope: "appointments",
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
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await checkIn.submit(request.params.patientId, request.params.appointmentId, request.body);
      return reply.status(204).send(null);
    },
  );

  const adminTags = ["administration"];
  app.get(
    "/api/admin/visit-types",
    {
      schema: {
        tags: adminTags,
        summary: "All visit types, including inactive ones",
        response: { 200: VisitTypeList, ...errorResponses },
      },
    },
    async () => ({ visitTypes: await availability.allVisitTypes() }),
  );
  app.post(
    "/api/admin/visit-types",
    {
      schema: {
        tags: adminTags,
        summary: "Create a visit type",
        body: CreateVisitType,
        response: { 201: VisitType, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await availability.createVisitType(request.body)),
  );
  app.patch(
    "/api/admin/visit-types/:id",
    {
      schema: {
        tags: adminTags,
        summary: "Change a visit type",
        params: IdParams,
        body: UpdateVisitType,
        response: { 200: VisitType, ...errorResponses },
      },
    },
    async (request) => availability.updateVisitType(request.params.id, request.body),
  );
  app.get(
    "/api/providers/:id/availability",
    {
      schema: {
        tags: adminTags,
        summary: "A provider's weekly times and exceptions",
        params: IdParams,
        response: { 200: ProviderAvailability, ...errorResponses },
      },
    },
    async (request) => availability.availability(request.params.id),
  );
  app.post(
    "/api/providers/:id/availability/templates",
    {
      schema: {
        tags: adminTags,
        summary: "Add a weekly time",
        params: IdParams,
        body: CreateAvailabilityTemplate,
        response: { 201: AvailabilityTemplate, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await availability.addTemplate(request.params.id, request.body)),
  );
  app.delete(
    "/api/providers/:id/availability/templates/:itemId",
    {
      schema: {
        tags: adminTags,
        summary: "Remove a weekly time",
        params: ItemParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await availability.removeTemplate(request.params.id, request.params.itemId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/providers/:id/availability/exceptions",
    {
      schema: {
        tags: adminTags,
        summary:
          "Add time off, a block or extra hours (409 overlaps_booked_visits with the visits when time off or a block covers booked visits and affectedVisits does not name exactly those)",
        params: IdParams,
        body: CreateTimeOff,
        response: { 201: SavedAvailabilityException, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await availability.addException(request.params.id, request.body)),
  );
  app.post(
    "/api/providers/:id/availability/exceptions/preview",
    {
      schema: {
        tags: adminTags,
        summary: "Dry run of time off, a block or extra hours: the booked visits it would overlap; nothing is saved",
        params: IdParams,
        body: CreateAvailabilityException,
        response: { 200: TimeOffPreview, ...errorResponses },
      },
    },
    async (request) => availability.previewException(request.params.id, request.body),
  );
  app.delete(
    "/api/providers/:id/availability/exceptions/:itemId",
    {
      schema: {
        tags: adminTags,
        summary: "Remove an exception",
        params: ItemParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await availability.removeException(request.params.id, request.params.itemId);
      return reply.status(204).send(null);
    },
  );
}

const ItemParams = Type.Object({ id: Type.String({ format: "uuid" }), itemId: Type.String({ format: "uuid" }) });

/** Earlier-appointment offers and the confirm link of reminder emails. */
export async function schedulingWaitlistRoutes(
  app: App,
  services: { waitlist: WaitlistService; reminders: ReminderService; access: AccessService },
): Promise<void> {
  const { waitlist, reminders, access } = services;

  app.post(
    "/api/patients/:patientId/appointments/:appointmentId/waitlist",
    {
      ...patientRoute(access, {
        scope: "appointments",
        action: "write",
        resourceType: "appointment",
        resourceIdParam: "appointmentId",
        auditAction: "waitlist_join",
      }),
      schema: {
        tags,
        summary: "Ask to be offered an earlier time for this appointment",
        params: AppointmentParams,
        response: { 200: Appointment, ...errorResponses },
      },
    },
    async (request) => waitlist.join(request.params.patientId, request.params.appointmentId),
  );
  app.delete(
    "/api/patients/:patientId/appointments/:appointmentId/waitlist",
    {
      ...patientRoute(access, {
        scope: "appointments",
        action: "write",
        resourceType: "appointment",
        resourceIdParam: "appointmentId",
        auditAction: "waitlist_leave",
      }),
      schema: {
        tags,
        summary: "Stop asking for an earlier time; open offers are withdrawn",
        params: AppointmentParams,
        response: { 200: Appointment, ...errorResponses },
      },
    },
    async (request) => waitlist.leave(request.params.patientId, request.params.appointmentId),
  );
  app.get(
    "/api/patients/:patientId/waitlist-offers",
    {
      ...patientRoute(access, { scope: "appointments", action: "read", resourceType: "waitlist_offer" }),
      schema: {
        tags,
        summary: "Earlier times offered to the patient (open ones first)",
        params: PatientParams,
        response: { 200: WaitlistOfferList, ...errorResponses },
      },
    },
    async (request) => waitlist.listOffers(request.params.patientId),
  );
  app.post(
    "/api/patients/:patientId/waitlist-offers/:offerId/accept",
    {
      ...patientRoute(access, {
        scope: "appointments",
        action: "write",
        resourceType: "waitlist_offer",
        resourceIdParam: "offerId",
        auditAction: "accept",
      }),
      schema: {
        tags,
        summary: "Take the offered time; the later appointment is released (409 if someone was first, 410 if expired)",
        params: OfferParams,
        response: { 200: Appointment, ...errorResponses },
      },
    },
    async (request) => waitlist.accept(request.params.patientId, request.params.offerId),
  );
  app.post(
    "/api/patients/:patientId/waitlist-offers/:offerId/decline",
    {
      ...patientRoute(access, {
        scope: "appointments",
        action: "write",
        resourceType: "waitlist_offer",
        resourceIdParam: "offerId",
        auditAction: "decline",
      }),
      schema: {
        tags,
        summary: "Turn down an offered time; it passes to the next patient in line",
        params: OfferParams,
        response: { 200: WaitlistOffer, ...errorResponses },
      },
    },
    async (request) => waitlist.decline(request.params.patientId, request.params.offerId),
  );
  app.post(
    "/api/appointments/confirm",
    {
      config: { auth: "public", rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: "Confirm an appointment with the single-use link from a reminder email (no sign-in)",
        body: ConfirmByToken,
        response: { 200: ConfirmResult, ...errorResponses },
      },
    },
    async (request) => reminders.confirmByToken(request.body.token),
  );
}
