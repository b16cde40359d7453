import { defineFhirType, PATIENT_PARAM, UUID_ID } from "../resource-type.ts";
import { ownerIn } from "./record-source.ts";

/**
 * RelatedPerson: the caregivers who have (or had) access to the patient's record (`caregivers`
 * section, one per grant). Grants keep no time of their last change (an end date may be set
 * later, at an adolescent's majority), so these carry no `meta.lastUpdated`.
 */
export const relatedPersonType = defineFhirType({
  type: "RelatedPerson",
  documentation:
    "Caregivers with (or who had) access to the patient's record, with the relationship and period. No profile claimed (US Core RelatedPerson is not among the profiles this server's conformance is tested against).",
  idPattern: UUID_ID,
  sources: [{ section: "caregivers", ownerOf: ownerIn("proxy_grants"), lastUpdated: async () => new Map() }],
  searchParams: [PATIENT_PARAM],
});
