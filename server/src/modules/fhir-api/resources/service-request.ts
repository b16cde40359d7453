import type { ServiceRequest } from "@medplum/fhirtypes";
import { changedAt, defineFhirType, PATIENT_PARAM, UUID_ID } from "../resource-type.ts";

/** ServiceRequest: referrals to a specialty (`referrals` section). */
export const serviceRequestType = defineFhirType({
  type: "ServiceRequest",
  documentation:
    "Referrals to a specialty, asked for or made, with their status. No profile claimed (US Core ServiceRequest is not among the profiles this server's conformance is tested against).",
  idPattern: UUID_ID,
  sources: [
    {
      section: "referrals",
      ownerOf: async (db, id) =>
        (await db.selectFrom("referrals").select("patient_id").where("id", "=", id).executeTakeFirst())?.patient_id,
      lastUpdated: (db, ids) =>
        changedAt(db.selectFrom("referrals").select(["id", "updated_at as at"]).where("id", "in", ids).execute()),
    },
  ],
  searchParams: [
    PATIENT_PARAM,
    {
      name: "status",
      type: "token",
      documentation: "active, on-hold, revoked or completed",
      values: (s: ServiceRequest) => [s.status],
    },
    {
      name: "authored",
      type: "date",
      documentation: "When the referral was asked for",
      values: (s: ServiceRequest) => [s.authoredOn],
    },
  ],
});
