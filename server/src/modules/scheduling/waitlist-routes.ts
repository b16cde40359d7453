import {
  Appointment,
  AppointmentParams,
  OfferParams,
  PatientParams,
  WaitlistOffer,
  WaitlistOfferList,
} from "@portico/contracts";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { ok } from "../../platform/route-responses.ts";
import { appointmentsRoute, tags } from "./route-access.ts";
import type { WaitlistService } from "./waitlist-service.ts";

/** Earlier-appointment offers: asking for an earlier time, the offers, accepting or declining one. */
export async function waitlistRoutes(
  app: App,
  services: { waitlist: WaitlistService; access: AccessService },
): Promise<void> {
  const { waitlist, access } = services;

  app.post(
    "/api/patients/:patientId/appointments/:appointmentId/waitlist",
    {
      ...appointmentsRoute(access, {
        action: "write",
        resourceType: "appointment",
        resourceIdParam: "appointmentId",
        auditAction: "waitlist_join",
      }),
      schema: {
        tags,
        summary: "Ask to be offered an earlier time for this appointment",
        params: AppointmentParams,
        response: ok(Appointment),
      },
    },
    async (request) => waitlist.join(request.params.patientId, request.params.appointmentId),
  );
  app.delete(
    "/api/patients/:patientId/appointments/:appointmentId/waitlist",
    {
      ...appointmentsRoute(access, {
        action: "write",
        resourceType: "appointment",
        resourceIdParam: "appointmentId",
        auditAction: "waitlist_leave",
      }),
      schema: {
        tags,
        summary: "Stop asking for an earlier time; open offers are withdrawn",
        params: AppointmentParams,
        response: ok(Appointment),
      },
    },
    async (request) => waitlist.leave(request.params.patientId, request.params.appointmentId),
  );
  app.get(
    "/api/patients/:patientId/waitlist-offers",
    {
      ...appointmentsRoute(access, { action: "read", resourceType: "waitlist_offer" }),
      schema: {
        tags,
        summary: "Earlier times offered to the patient (open ones first)",
        params: PatientParams,
        response: ok(WaitlistOfferList),
      },
    },
    async (request) => waitlist.listOffers(request.params.patientId),
  );
  app.post(
    "/api/patients/:patientId/waitlist-offers/:offerId/accept",
    {
      ...appointmentsRoute(access, {
        action: "write",
        resourceType: "waitlist_offer",
        resourceIdParam: "offerId",
        auditAction: "accept",
      }),
      schema: {
        tags,
        summary: "Take the offered time; the later appointment is released (409 if someone was first, 410 if expired)",
        params: OfferParams,
        response: ok(Appointment),
      },
    },
    async (request) => waitlist.accept(request.params.patientId, request.params.offerId),
  );
  app.post(
    "/api/patients/:patientId/waitlist-offers/:offerId/decline",
    {
      ...appointmentsRoute(access, {
        action: "write",
        resourceType: "waitlist_offer",
        resourceIdParam: "offerId",
        auditAction: "decline",
      }),
      schema: {
        tags,
        summary: "Turn down an offered time; it passes to the next patient in line",
        params: OfferParams,
        response: ok(WaitlistOffer),
      },
    },
    async (request) => waitlist.decline(request.params.patientId, request.params.offerId),
  );
}
