import {
  AvailabilityTemplate,
  CreateAvailabilityException,
  CreateAvailabilityTemplate,
  CreateTimeOff,
  CreateVisitType,
  IdParams,
  ProviderAvailability,
  SavedAvailabilityException,
  TimeOffPreview,
  UpdateVisitType,
  VisitType,
  VisitTypeList,
} from "@portico/contracts";
import { Type } from "typebox";
import type { App } from "../../app.ts";
import { created, noContent, ok } from "../../platform/route-responses.ts";
import type { AvailabilityService } from "./availability-service.ts";

/** Admin: visit types, a provider's weekly times and exceptions (time off, blocks, extra hours). */
export async function availabilityRoutes(app: App, services: { availability: AvailabilityService }): Promise<void> {
  const { availability } = services;
  const adminTags = ["administration"];
  app.get(
    "/api/admin/visit-types",
    {
      schema: {
        tags: adminTags,
        summary: "All visit types, including inactive ones",
        response: ok(VisitTypeList),
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
        response: created(VisitType),
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
        response: ok(VisitType),
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
        response: ok(ProviderAvailability),
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
        response: created(AvailabilityTemplate),
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
        response: noContent(),
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
        response: created(SavedAvailabilityException),
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
        response: ok(TimeOffPreview),
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
        response: noContent(),
      },
    },
    async (request, reply) => {
      await availability.removeException(request.params.id, request.params.itemId);
      return reply.status(204).send(null);
    },
  );
}

const ItemParams = Type.Object({ id: Type.String({ format: "uuid" }), itemId: Type.String({ format: "uuid" }) });
