import { beforeAll, describe, expect, it } from "vitest";
import { FieldCipher, parseKeyRing } from "../../platform/crypto.ts";
import { send } from "../../test/api.ts";
import { TEST_KEYS, useTestApp } from "../../test/app.ts";
import { type SignedInClient, signIn } from "../../test/factories.ts";
import { makeTestClinic, type TestClinic } from "./test-clinic.ts";

// Monday 2 March 2026, 08:00 in New York; the visit is on Tuesday at 09:00
const MONDAY_8AM = "2026-03-02T13:00:00Z";
const TUESDAY_9AM = "2026-03-03T14:00:00.000Z";

/**
 * Every question type an admin can configure round-trips through eCheck-in as the web app
 * sends it: yes/no as a JSON boolean, the 0–10 scale as a number, text as text.
 */
describe("eCheck-in answers", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let patient: SignedInClient;
  let appointmentId: string;

  beforeAll(async () => {
    t.clock.set(MONDAY_8AM);
    clinic = await makeTestClinic(t);
    patient = await signIn(t, clinic.patient.user!);
    await t.database.db
      .updateTable("visit_types")
      .set({
        questionnaire: JSON.stringify([
          { id: "fallen", text: "Have you fallen in the past year?", type: "yes_no", required: true },
          { id: "dizzy", text: "Do you feel dizzy?", type: "yes_no", required: true },
          { id: "pain", text: "Pain today (0–10)", type: "scale_0_10", required: true },
          { id: "concerns", text: "Anything to discuss?", type: "text", required: false },
        ]),
      })
      .where("id", "=", clinic.visitTypes.established)
      .execute();
    const booked = await send(t, patient, "POST", `/api/patients/${clinic.patient.id}/appointments`, {
      visitTypeId: clinic.visitTypes.established,
      providerId: clinic.providerId,
      start: TUESDAY_9AM,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    appointmentId = booked.json().id;
  });

  it("accepts yes/no as booleans, 0 and 1 on the scale as numbers, and stores them as given", async () => {
    const res = await send(
      t,
      patient,
      "POST",
      `/api/patients/${clinic.patient.id}/appointments/${appointmentId}/check-in`,
      {
        confirmedDemographics: true,
        confirmedInsurance: true,
        confirmedMedications: true,
        confirmedAllergies: true,
        answers: { fallen: false, dizzy: true, pain: 1, concerns: "true" },
      },
    );
    expect(res.statusCode, res.body).toBe(204);
    const row = await t.database.db
      .selectFrom("appointment_check_ins")
      .select("answers_sealed")
      .where("appointment_id", "=", appointmentId)
      .executeTakeFirstOrThrow();
    const cipher = new FieldCipher(parseKeyRing(TEST_KEYS));
    const sealed = row.answers_sealed as string;
    expect(sealed).toBeTruthy();
    expect(sealed).not.toContain("dizzy");
    const answers = JSON.parse(cipher.open(sealed, `echeckin:${appointmentId}`));
    expect(answers).toEqual({ fallen: false, dizzy: true, pain: 1, concerns: "true" });
  });
});
