import {
  AppointmentIdParams,
  ArrivalsBoard,
  ArrivalsQuery,
  ProviderSchedule,
  ScheduleEntry,
  ScheduleQuery,
  StaffStatusChange,
  StaffWorkplace,
  VisitIntakeAnswers,
} from "@portico/contracts";
import type { App } from "../../app.ts";
import { ok, writeAsBuilt } from "../../platform/route-responses.ts";
import type { FrontDeskService } from "./front-desk-service.ts";

/** Staff: the arrivals board, a provider's schedule, a visit's status and intake answers. */
export async function frontDeskRoutes(app: App, services: { frontDesk: FrontDeskService }): Promise<void> {
  const { frontDesk } = services;
  const staffTags = ["appointments (staff)"];

  app.get(
    "/api/workplace",
    {
      schema: {
        tags: staffTags,
        summary: "The arrivals boards this staff member may open and the schedules they may read",
        response: ok(StaffWorkplace),
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
        response: ok(ArrivalsBoard),
      },
    },
    async (request, reply) => {
      const board = await frontDesk.arrivals(request.query.locationId, request.query.date);
      // the largest everyday answer (480 visits at a busy location), its entries built field by
      // field in the contract's shape (arrivals-board.ts): 0.8 instead of 1.8–2.1 ms to write
      writeAsBuilt(reply);
      return board;
    },
  );
  app.get(
    "/api/schedule",
    {
      schema: {
        tags: staffTags,
        summary: "A provider's day or week",
        querystring: ScheduleQuery,
        response: ok(ProviderSchedule),
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
        response: ok(ScheduleEntry),
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
        response: ok(VisitIntakeAnswers),
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
        response: ok(ScheduleEntry),
      },
    },
    async (request) => frontDesk.undoStatus(request.params.appointmentId),
  );
}
