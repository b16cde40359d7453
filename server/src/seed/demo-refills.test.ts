import type { MedicationList, RefillRequest } from "@portico/contracts";
import { describe, expect, it } from "vitest";
import { useDemoApp } from "../test/demo-sign-in.ts";

/** The demo clinic's refills exercise every rule of the protocol (SPEC §7). */
describe("demo refills", () => {
  const { t, signInDemo } = useDemoApp();

  it("lets Alex's request show each rule: refill, renewal, early, controlled, lab, prescriber", async () => {
    const alex = await signInDemo("alex.rivera@demo.portico.test");
    const alexId = alex.patients[0]?.id as string;
    const list = (
      await t.app.inject({ method: "GET", url: `/api/patients/${alexId}/medications`, headers: alex.headers })
    ).json() as MedicationList;
    const active = list.medications.filter((m) => m.status === "active");
    expect(active).toHaveLength(6);
    expect(list.medications.some((m) => m.status === "stopped")).toBe(true);
    const response = await t.app.inject({
      method: "POST",
      url: `/api/patients/${alexId}/refill-requests`,
      headers: alex.headers,
      payload: { medicationIds: active.map((m) => m.id) },
    });
    expect(response.statusCode, response.body).toBe(201);
    const rules = Object.fromEntries(
      (response.json() as RefillRequest).items.map((i) => [
        i.medication.name.split(" ")[0],
        [i.decision.rule, i.decision.reasons.map((r) => r.code)],
      ]),
    );
    expect(rules).toEqual({
      Lisinopril: ["refill_from_remaining", []],
      Atorvastatin: ["renewal_under_protocol", []],
      Metformin: ["too_early", ["too_early"]],
      Alprazolam: ["controlled_substance", ["controlled_substance"]],
      Levothyroxine: ["renewal_needs_prescriber", ["lab_too_old"]],
      Sertraline: ["renewal_needs_prescriber", ["class_not_covered"]],
    });
  });

  it("keeps Taylor's confidential medication from Sam, and gives the nurse a refill queue", async () => {
    const sam = await signInDemo("sam.rivera@demo.portico.test");
    const taylor = sam.patients.find((p) => p.name.startsWith("Taylor")) as { id: string };
    const list = (
      await t.app.inject({ method: "GET", url: `/api/patients/${taylor.id}/medications`, headers: sam.headers })
    ).json() as MedicationList;
    expect(list.medications.map((m) => m.name)).toEqual(["Albuterol 90 mcg inhaler"]);
    const nurse = await signInDemo("nurse@demo.portico.test");
    const counts = (
      await t.app.inject({ method: "GET", url: "/api/work-queue/counts", headers: nurse.headers })
    ).json();
    // Sam's waiting renewal, and the four of Alex's request above
    expect(counts.queues).toEqual(expect.arrayContaining([expect.objectContaining({ queue: "refills", open: 5 })]));
  });
});
