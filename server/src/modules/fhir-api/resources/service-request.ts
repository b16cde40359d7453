import type { ServiceRequest } from "@medplum/fhirtypes";
import { defineFhirType, PATIENT_PARAM, UUID_ID } from "../resource-type.ts";
import { dateParam, statusParam } from "./element-params.ts";
import { recordSource } from "./record-source.ts";

/** ServiceRequest: referrals to a specialty (`referrals` section). */
export const serviceRequestType = defineFhirType({
  type: "ServiceRequest",
  documentation:
    "Referrals to a specialty, asked for or made, with their status. No profile claimed (US Core ServiceRequest is not among the profiles this server's conformance is tested against).",
  idPattern: UUID_ID,
  sources: [recordSource("referrals", "referrals", "updated_at")],
  searchParams: [
    PATIENT_PARAM,
    statusParam("active, on-hold, revoked or completed"),
    dateParam("authored", "When the referral was asked for", (s: ServiceRequest) => s.authoredOn),
  ],
});
