import type { CareTeamRule } from "../../platform/access/patient-access.ts";

/** A physician who prescribes one of the patient's active medications is on their care team. */
export const prescriberCareTeamRule: CareTeamRule = (eb, actor) =>
  actor.providerId
    ? eb.exists(
        eb
          .selectFrom("medications as ct_m")
          .select("ct_m.id")
          .whereRef("ct_m.patient_id", "=", "patients.id")
          .where("ct_m.prescriber_id", "=", actor.providerId)
          .where("ct_m.status", "=", "active"),
      )
    : null;
