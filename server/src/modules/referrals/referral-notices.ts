import { whoMayBeTold } from "../../platform/access/notice-recipients.ts";
import { referralUpdate } from "./mail-templates.ts";
import type { Db, ReferralServiceDeps } from "./referral-shared.ts";

/**
 * The email at a step the patient should know about (`referral.update`: no health
 * information): to the patient, or to caregivers with the scope when the patient has no address.
 */
export async function notifyPatient(
  d: Pick<ReferralServiceDeps, "clock" | "access" | "mailer">,
  trx: Db,
  patientId: string,
  kind: "approved" | "denied" | "visit_requested" | "expiring" | "expired",
): Promise<void> {
  const recipients = await whoMayBeTold(trx, patientId, {
    scope: "referrals",
    now: d.clock.now(),
    ages: d.access.ageBounds,
    caregivers: "when_patient_has_no_address",
    alsoCaregiverUserId: null,
  });
  for (const to of recipients) {
    await d.mailer.send({
      to: to.email,
      locale: to.locale,
      template: referralUpdate,
      params: { kind, forName: to.forName ?? "", referralsUrl: `/referrals?patient=${patientId}` },
    });
  }
}
