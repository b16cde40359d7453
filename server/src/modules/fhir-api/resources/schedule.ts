import type { Schedule } from "@medplum/fhirtypes";
import { defineFhirType, RESOURCE_ID_PARAM, UUID_ID } from "../resource-type.ts";
import {
  type ProviderRow,
  providerRows,
  type VisitTypeRow,
  visitTypeConcept,
  visitTypeRows,
} from "./directory-data.ts";
import { conceptParam, referenceParam } from "./element-params.ts";

/** One Schedule per provider (same id as the Practitioner): the visit types they offer, where. */
export function toSchedule(p: ProviderRow, visitTypes: readonly VisitTypeRow[]): Schedule {
  return {
    resourceType: "Schedule",
    id: p.id,
    active: p.active,
    serviceType: visitTypes.filter((v) => v.specialty === p.specialty).map(visitTypeConcept),
    actor: [
      { reference: `Practitioner/${p.id}`, display: p.displayName },
      ...p.locationIds.map((id) => ({ reference: `Location/${id}` })),
    ],
    comment: "Free times are the Slots of this Schedule (Slot?schedule=Schedule/<id>).",
  };
}

/** Schedule: each provider's bookable calendar (directory data; no bookings in it). */
export const scheduleType = defineFhirType({
  type: "Schedule",
  documentation:
    "Each provider's bookable calendar (directory, not patient data; same id as the Practitioner): the visit types offered and the locations. Its free times are Slots. Any authenticated caller.",
  idPattern: UUID_ID,
  sources: [],
  directory: {
    read: async ({ db }, id) => {
      const [row] = await providerRows(db, [id]);
      return row ? toSchedule(row, await visitTypeRows(db, row.specialty)) : undefined;
    },
    list: async ({ db }, filters) => {
      // a practitioner's or a location's id (the reference is compared on each Schedule afterwards)
      const actors = filters
        .find((f) => f.param.name === "actor")
        ?.value.split(",")
        .map((v) => v.slice(v.indexOf("/") + 1));
      const providers = (await providerRows(db)).filter(
        (p) => actors === undefined || actors.includes(p.id) || p.locationIds.some((l) => actors.includes(l)),
      );
      const visitTypes = await visitTypeRows(db);
      return providers.map((p) => toSchedule(p, visitTypes));
    },
  },
  searchParams: [
    referenceParam(
      "actor",
      "The provider or a location: Practitioner/<id>, Location/<id> or <id>",
      (s: Schedule) => s.actor,
    ),
    conceptParam("service-type", "A visit type offered (urn:portico:visit-type|<id>)", (s: Schedule) => s.serviceType),
    {
      name: "active",
      type: "token",
      documentation: "true or false",
      values: (s: Schedule) => [String(s.active)],
    },
    RESOURCE_ID_PARAM,
  ],
});
