import { whoMayBeTold } from "../../platform/access/notice-recipients.ts";
import { refillDecided } from "./mail-templates.ts";
import type { Db, RefillServiceDeps } from "./refill-items.ts";

/** Who asked for a request and whether its medication is confidential: who may be told of a decision. */
export async function requestFacts(trx: Db, requestId: string, medicationId: string) {
  const r = await trx
    .selectFrom("refill_requests as r")
    .innerJoin("medications as m", (j) => j.on("m.id", "=", medicationId))
    .select(["r.requested_by", "m.confidential"])
    .where("r.id", "=", requestId)
    .executeTakeFirstOrThrow();
  return { requestedBy: r.requested_by, confidential: r.confidential };
}

/**
 * The decision email (no health information), in each reader's language: the patient at
 * their own address; the caregiver who asked, while their grant covers medications; for a
 * patient with no address (a young child), every caregiver whose grant covers medications.
 * A confidential medication's decision goes to the patient only.
 */
export async function notifyDecision(
  d: Pick<RefillServiceDeps, "clock" | "access" | "mailer">,
  trx: Db,
  patientId: string,
  outcome: "approved" | "denied",
  facts: { requestedBy: string | null; confidential: boolean },
): Promise<void> {
  const recipients = await whoMayBeTold(trx, patientId, {
    scope: "medications",
    now: d.clock.now(),
    ages: d.access.ageBounds,
    caregivers: facts.confidential ? "none" : "when_patient_has_no_address",
    alsoCaregiverUserId: facts.requestedBy,
  });
  for (const to of recipients) {
    await d.mailer.send({
      to: to.email,
      locale: to.locale,
      template: refillDecided,
      params: { outcome, forName: to.forName ?? "", refillsUrl: `/refills?patient=${patientId}` },
    });
  }
}
