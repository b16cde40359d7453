import type { ServiceRequest } from "@medplum/fhirtypes";
import { toFhirServiceRequest } from "../../../fhir/service-request.ts";
import { referralReasonSeal } from "../../referrals/seals.ts";
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
      // keyed (the same mapping as `records/sections/referrals.ts`)
      readMany: async ({ db, patientId, cipher }, ids) =>
        (
          await db
            .selectFrom("referrals")
            .selectAll()
            .where("patient_id", "=", patientId)
            .where("id", "in", ids)
            .execute()
        ).map((r) =>
          toFhirServiceRequest({
            id: r.id,
            patientId,
            status: r.status,
            specialty: r.approved_specialty ?? r.specialty,
            urgency: r.urgency,
            reason: r.reason_sealed ? cipher.open(r.reason_sealed, referralReasonSeal(r.id)) : null,
            approvedProviderId: r.approved_provider_id,
            createdAt: r.created_at,
          }),
        ),
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
