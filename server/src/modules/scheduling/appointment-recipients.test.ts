import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeProxyGrant, makeUser } from "../../test/factories.ts";
import { appointmentRecipients } from "./scheduling-events.ts";

/**
 * A patient without an email address of their own hears about appointments through the
 * proxies whose grant covers appointments now — decided by the access policy, so a parent's
 * grant stops at the patient's 18th birthday unless it began on or after it.
 */
const t = useTestApp();
const DAY = 86_400_000;

/** "YYYY-MM-DD" for someone who turns `years` old `daysAgo` days before now. */
function birthDate(years: number, daysAgo: number): string {
  const d = new Date(t.clock.now().getTime() - daysAgo * DAY);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

describe("who is told about a patient's appointments", () => {
  it("a child without an address: the parent with appointments in force, not one without the scope", async () => {
    const child = await makePatient(t, { dateOfBirth: birthDate(6, 10) });
    const parent = await makeUser(t);
    const other = await makeUser(t);
    const expired = await makeUser(t);
    await makeProxyGrant(t, { patientId: child.id, proxyUserId: parent.id, relationship: "parent" });
    await makeProxyGrant(t, { patientId: child.id, proxyUserId: other.id, scopes: ["messages"] });
    await makeProxyGrant(t, {
      patientId: child.id,
      proxyUserId: expired.id,
      endsAt: new Date(t.clock.now().getTime() - DAY),
    });
    const to = await appointmentRecipients(t.database.db, child.id, t.clock.now());
    expect(to.map((r) => r.email)).toEqual([parent.email]);
  });

  it("a parent of an adolescent still hears about appointments", async () => {
    const teen = await makePatient(t, { dateOfBirth: birthDate(15, 10) });
    const parent = await makeUser(t);
    await makeProxyGrant(t, { patientId: teen.id, proxyUserId: parent.id, relationship: "parent" });
    const to = await appointmentRecipients(t.database.db, teen.id, t.clock.now());
    expect(to.map((r) => r.email)).toEqual([parent.email]);
  });

  it("at 18 a parent's grant from childhood stops; a grant given after the birthday and a caregiver's go on", async () => {
    const adult = await makePatient(t, { dateOfBirth: birthDate(18, 5) });
    const parent = await makeUser(t);
    const parentAgain = await makeUser(t);
    const caregiver = await makeUser(t);
    const longAgo = new Date(t.clock.now().getTime() - 400 * DAY);
    await makeProxyGrant(t, { patientId: adult.id, proxyUserId: parent.id, relationship: "parent", startsAt: longAgo });
    await makeProxyGrant(t, {
      patientId: adult.id,
      proxyUserId: parentAgain.id,
      relationship: "parent",
      startsAt: new Date(t.clock.now().getTime() - 2 * DAY),
    });
    await makeProxyGrant(t, { patientId: adult.id, proxyUserId: caregiver.id, startsAt: longAgo });
    const to = await appointmentRecipients(t.database.db, adult.id, t.clock.now());
    expect(to.map((r) => r.email).sort()).toEqual([parentAgain.email, caregiver.email].sort());
  });

  it("a patient with their own address is written to, not their proxies", async () => {
    const patient = await makePatient(t, { email: "own.address@example.test", dateOfBirth: birthDate(8, 3) });
    const parent = await makeUser(t);
    await makeProxyGrant(t, { patientId: patient.id, proxyUserId: parent.id, relationship: "parent" });
    const to = await appointmentRecipients(t.database.db, patient.id, t.clock.now());
    expect(to).toEqual([{ email: "own.address@example.test", locale: "en" }]);
  });
});
