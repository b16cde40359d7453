import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { signInNewPatient } from "../../test/factories.ts";

/**
 * A patient's own record is decided on the facts read with the session, in the same statement
 * (sessions.ts `actorColumns`, `Actor.ownPatient`): read afresh on every request, so a change
 * to the chart governs the very next request, exactly as a query of its own would.
 */
describe("a patient's own record", () => {
  const t = useTestApp();

  it("follows the chart's status from one request to the next", async () => {
    const { patient, client } = await signInNewPatient(t);
    const list = () => t.app.inject({ url: `/api/patients/${patient.id}/appointments`, headers: client.headers });
    expect((await list()).statusCode).toBe(200);

    // the front desk turns the registration down: nobody opens the chart, not even its patient
    await t.database.db
      .updateTable("patients")
      .set({ status: "rejected", rejected_at: new Date(), rejection_reason: "details_not_confirmed" })
      .where("id", "=", patient.id)
      .execute();
    const refused = await list();
    expect(refused.statusCode, refused.body).toBe(404);
    expect(refused.json().error.code).toBe("not_found");

    await t.database.db
      .updateTable("patients")
      .set({ status: "active", rejected_at: null, rejection_reason: null })
      .where("id", "=", patient.id)
      .execute();
    expect((await list()).statusCode).toBe(200);
  });
});
