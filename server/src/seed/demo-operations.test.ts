import { OPERATIONS_FIGURES, type OperationsFigure } from "@portico/contracts";
import { describe, expect, it } from "vitest";
import { useDemoApp } from "../test/demo-sign-in.ts";

/** The demo's history gives every figure of the operations dashboard something to show (SPEC §7). */
describe("demo operations history", () => {
  const { t, signInDemo } = useDemoApp(120_000);

  it("fills each figure of the last 90 days, for the admin", async () => {
    const admin = await signInDemo("admin@demo.portico.test");
    const figures: Record<string, OperationsFigure> = {};
    for (const name of OPERATIONS_FIGURES) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/operations/figures/${name}`,
        headers: admin.headers,
      });
      expect(response.statusCode, name).toBe(200);
      figures[name] = response.json();
      expect(figures[name]?.rows.length, name).toBeGreaterThan(0);
    }
    expect(figures["lead-time"]?.total?.appointments).toBeGreaterThan(500);
    expect(figures.attendance?.total?.noShowRate).toBeGreaterThan(0);
    expect(figures["arrival-wait"]?.rows.map((r) => r.location)).toEqual(
      ["Brooklyn", "Chicago"].map((s) => expect.stringContaining(s)),
    );
    expect(figures["refill-turnaround"]?.rows.map((r) => r.decidedBy)).toEqual(["automatic", "manual"]);
    expect(figures["survey-score"]?.total?.answered).toBeGreaterThan(20);
    expect(figures["message-response"]?.total?.withinTarget).toBeGreaterThan(0);
    expect(figures["referral-turnaround"]?.rows[1]?.referrals).toBeGreaterThan(0);
  });
});
