import { providerCareTeamRule } from "../../platform/access/patient-access.ts";

/** A clinician is on a patient's care team while they have, or have had, an appointment together. */
export const appointmentCareTeamRule = providerCareTeamRule((eb, providerId) =>
  eb
    .selectFrom("appointments as ct_a")
    .select("ct_a.id")
    .whereRef("ct_a.patient_id", "=", "patients.id")
    .where("ct_a.provider_id", "=", providerId)
    .where("ct_a.status", "<>", "cancelled"),
);
