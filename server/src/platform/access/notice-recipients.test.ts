import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeProxyGrant, makeUser } from "../../test/factories.ts";
import { emailFirstName, whoMayBeTold } from "./notice-recipients.ts";

/**
 * One rule for who hears about a patient's business (appointments, medications, messages):
 * the patient's own address, and the caregivers each module names among those whose grant
 * gives the scope now, as the access policy decides it.
 */
const t = useTestApp();
const DAY = 86_400_000;
const birthDate = (years: number) => {
  const d = new Date(t.clock.now().getTime() - 10 * DAY);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
};

describe("whoMayBeTold", () => {
  it("'all': the patient and every caregiver whose grant gives the scope, named by the patient's first name", async () => {
    const patient = await makePatient(t, {
      email: "ana.own@example.test",
      given: "Ana María",
      family: "Soto",
      dateOfBirth: birthDate(40),
    });
    const withScope = await makeUser(t);
    const without = await makeUser(t);
    await makeProxyGrant(t, { patientId: patient.id, proxyUserId: withScope.id, scopes: ["messages"] });
    await makeProxyGrant(t, { patientId: patient.id, proxyUserId: without.id, scopes: ["appointments"] });
    const told = await whoMayBeTold(t.database.db, patient.id, {
      scope: "messages",
      now: t.clock.now(),
      caregivers: "all",
    });
    expect(told).toEqual([
      { email: "ana.own@example.test", locale: "en", forName: null },
      { email: withScope.email, locale: "en", forName: "Ana" },
    ]);
  });

  it("'when_patient_has_no_address': caregivers only for a patient without one; the one who asked in any case", async () => {
    const adult = await makePatient(t, { email: "own@example.test", dateOfBirth: birthDate(30) });
    const asked = await makeUser(t);
    const other = await makeUser(t);
    await makeProxyGrant(t, { patientId: adult.id, proxyUserId: asked.id, scopes: ["medications"] });
    await makeProxyGrant(t, { patientId: adult.id, proxyUserId: other.id, scopes: ["medications"] });
    const rule = { scope: "medications", now: t.clock.now(), caregivers: "when_patient_has_no_address" } as const;
    expect((await whoMayBeTold(t.database.db, adult.id, rule)).map((r) => r.email)).toEqual(["own@example.test"]);
    expect(
      (await whoMayBeTold(t.database.db, adult.id, { ...rule, alsoCaregiverUserId: asked.id })).map((r) => r.email),
    ).toEqual(["own@example.test", asked.email]);

    const child = await makePatient(t, { dateOfBirth: birthDate(7) });
    const parent = await makeUser(t);
    await makeProxyGrant(t, { patientId: child.id, proxyUserId: parent.id, relationship: "parent" });
    expect((await whoMayBeTold(t.database.db, child.id, rule)).map((r) => r.email)).toEqual([parent.email]);
  });

  it("'none': the patient only (a confidential record); a teen's parent never hears about messages", async () => {
    const teen = await makePatient(t, { email: "teen@example.test", dateOfBirth: birthDate(15) });
    const parent = await makeUser(t);
    await makeProxyGrant(t, { patientId: teen.id, proxyUserId: parent.id, relationship: "parent" });
    const none = await whoMayBeTold(t.database.db, teen.id, {
      scope: "medications",
      now: t.clock.now(),
      caregivers: "none",
      alsoCaregiverUserId: parent.id,
    });
    expect(none.map((r) => r.email)).toEqual(["teen@example.test"]);
    const messages = await whoMayBeTold(t.database.db, teen.id, {
      scope: "messages",
      now: t.clock.now(),
      caregivers: "all",
    });
    expect(messages.map((r) => r.email)).toEqual(["teen@example.test"]);
  });

  it("writes a first name only when it is a plain name", () => {
    expect(emailFirstName("  Jo ", "Joanna")).toBe("Jo");
    expect(emailFirstName(null, "Mary Ann")).toBe("Mary");
    expect(emailFirstName(null, "O'Brien-Smith")).toBe("O'Brien-Smith");
    expect(emailFirstName("<b>", "Ann")).toBe("");
  });
});
