import type { HealthFlagQueue, HealthUpdates } from "@portico/contracts";
import { describe, expect, it } from "vitest";
import { useDemoApp } from "../test/demo-sign-in.ts";

/** The demo's health updates make the charts and the queue meaningful (SPEC §7). */
describe("demo health updates", () => {
  const { t, signInDemo } = useDemoApp();

  it("gives Alex six weeks of falling blood pressure and weight in pounds, and a PHQ-9", async () => {
    const alex = await signInDemo("alex.rivera@demo.portico.test");
    const alexId = alex.patients[0]?.id as string;
    const res = await t.app.inject({
      method: "GET",
      url: `/api/patients/${alexId}/health-updates`,
      headers: alex.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as HealthUpdates;
    const bp = body.trends.find((x) => x.measure === "blood_pressure");
    expect(bp?.summary.count).toBe(15);
    expect(bp?.summary.trend).toBe("falling");
    const weight = body.trends.find((x) => x.measure === "weight");
    expect(weight).toMatchObject({ unit: "lb", summary: { count: 7, trend: "steady" } });
    expect(body.readings[0]?.note).toBe("Walking 30 minutes a day now.");
    expect(body.questionnaires.map((q) => [q.kind, q.severity])).toEqual([
      ["phq9", "minimal"],
      ["phq9", "mild"],
    ]);
    expect(body.abilities.canSend).toBe(true);
  });

  it("puts Sam's urgent 184/112 in the nurse's queue and In Basket counts", async () => {
    const nurse = await signInDemo("nurse@demo.portico.test");
    const queue = (
      await t.app.inject({ method: "GET", url: "/api/health-flags", headers: nurse.headers })
    ).json() as HealthFlagQueue;
    const sam = queue.items.find((i) => i.patient.displayName === "Sam Rivera" && i.level === "urgent");
    expect(sam?.reading?.canonical).toMatchObject({ systolic: 184, diastolic: 112 });
    expect(sam?.status).toBe("open");
    const counts = await t.app.inject({ method: "GET", url: "/api/work-queue/counts", headers: nurse.headers });
    const health = counts.json().queues.find((q: { queue: string }) => q.queue === "health_updates");
    expect(health.open).toBeGreaterThanOrEqual(1);
  });

  it("lets Sam read Jamie's temperatures as Jamie's caregiver", async () => {
    const sam = await signInDemo("sam.rivera@demo.portico.test");
    const jamie = sam.patients.find((p) => p.name.startsWith("Jamie"));
    const res = await t.app.inject({
      method: "GET",
      url: `/api/patients/${jamie?.id}/health-updates`,
      headers: sam.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as HealthUpdates;
    expect(body.readerIsPatient).toBe(false);
    expect(body.trends.map((x) => x.measure)).toEqual(["temperature"]);
  });
});
