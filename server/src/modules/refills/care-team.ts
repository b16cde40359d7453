import { providerCareTeamRule } from "../../platform/access/patient-access.ts";

/** A physician who prescribes one of the patient's active medications is on their care team. */
export const prescriberCareTeamRule = providerCareTeamRule((eb, providerId) =>
  eb
    .selectFrom("medications as ct_m")
    .select("ct_m.id")
    .whereRef("ct_m.patient_id", "=", "patients.id")
    .where("ct_m.prescriber_id", "=", providerId)
    .where("ct_m.status", "=", "active"),
);
