import { providerCareTeamRule } from "../../platform/access/patient-access.ts";

/** The specialist a referral was approved to is on the patient's care team while the referral is in use. */
export const approvedSpecialistCareTeamRule = providerCareTeamRule((eb, providerId) =>
  eb
    .selectFrom("referrals as ct_r")
    .select("ct_r.id")
    .whereRef("ct_r.patient_id", "=", "patients.id")
    .where("ct_r.approved_provider_id", "=", providerId)
    .where("ct_r.status", "in", ["approved", "scheduled", "completed"]),
);
