import type { ReferralList, ReferralQueue } from "@portico/contracts";
import { describe, expect, it } from "vitest";
import { useDemoApp } from "../test/demo-sign-in.ts";

/** The demo clinic's referrals: one in each state a patient meets, and one waiting in the queue (SPEC §7). */
describe("demo referrals", () => {
  const { t, signInDemo } = useDemoApp();

  it("shows Alex an approved dermatology referral that books Dr. Haddad, a denied and an expired one", async () => {
    const alex = await signInDemo("alex.rivera@demo.portico.test");
    const alexId = alex.patients[0]?.id as string;
    const list = (
      await t.app.inject({ method: "GET", url: `/api/patients/${alexId}/referrals`, headers: alex.headers })
    ).json() as ReferralList;
    expect(list.referrals.map((r) => [r.specialty, r.status])).toEqual([
      ["dermatology", "approved"],
      ["cardiology", "denied"],
      ["dermatology", "expired"],
    ]);
    const approved = list.referrals[0];
    expect(approved?.abilities.canBook).toBe(true);
    expect(list.referrals[1]?.denialReason).toBeTruthy();
    const visitType = approved?.bookableVisitTypes[0] as { id: string; providerId: string };
    const slots = await t.app.inject({
      method: "GET",
      url: `/api/slots?visitTypeId=${visitType.id}&patientId=${alexId}`,
      headers: alex.headers,
    });
    expect(slots.json().eligibility).toEqual({ canSelfBook: true, reason: null });
    expect(list.abilities.canRequest).toBe(true);
  });

  it("puts Sam's cardiology request in Dr. Okafor's referral queue", async () => {
    const okafor = await signInDemo("dr.okafor@demo.portico.test");
    const queue = (
      await t.app.inject({ method: "GET", url: "/api/referral-queue", headers: okafor.headers })
    ).json() as ReferralQueue;
    expect(queue.items.map((i) => [i.patient.displayName.split(" ")[0], i.referral.status])).toEqual(
      expect.arrayContaining([["Sam", "requested"]]),
    );
  });
});
