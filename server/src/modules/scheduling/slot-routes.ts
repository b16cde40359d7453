import { SlotList, SlotQuery, VisitTypeList } from "@portico/contracts";
import type { App } from "../../app.ts";
import { ok, writeAsBuilt } from "../../platform/route-responses.ts";
import { tags } from "./route-access.ts";
import type { SchedulingService } from "./service.ts";

/** The booking catalogue and the free times: visit types, slot search. */
export async function slotRoutes(app: App, services: { scheduling: SchedulingService }): Promise<void> {
  const { scheduling } = services;
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
        response: ok(SlotList),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const found = await scheduling.searchSlots({
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
      // up to 200 slots, each built field by field in the contract's shape (slot-search.ts)
      writeAsBuilt(reply);
      return found;
    },
  );
}
