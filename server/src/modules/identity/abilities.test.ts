import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/app.ts";
import { makePatient, makeProxyGrant, makeStaff, makeUser, signIn, type TestUser } from "../../test/factories.ts";

/** The server decides what each person may open; the web shows exactly `abilities` and `scopes`. */
describe("abilities: what the server says a user may open", () => {
  const t = useTestApp();

  const meOf = async (user: Pick<TestUser, "id" | "email" | "password">) => {
    const client = await signIn(t, user);
    const res = await t.app.inject({ method: "GET", url: "/api/me", headers: client.headers });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const chartFor = async (user: Pick<TestUser, "id" | "email" | "password">, patientId: string) => {
    const client = await signIn(t, user);
    return t.app.inject({ method: "GET", url: `/api/patients/${patientId}`, headers: client.headers });
  };
  const PATIENT_MENU = ["home", "appointments", "medications", "messages", "referrals", "health", "profile"];

  it("gives each staff role its own areas and menu, and no patient side", async () => {
    const cases = [
      {
        role: "front_desk" as const,
        menu: ["home", "arrivals", "schedule", "patients"],
        areas: ["home", "registration", "patients", "arrivals", "schedule"],
        flags: { registerPatients: true, searchPatients: true, workInBasket: false, administerClinic: false },
      },
      {
        role: "nurse" as const,
        menu: ["home", "inBasket", "arrivals", "schedule", "patients"],
        areas: ["home", "inBasket", "patients", "arrivals", "schedule"],
        flags: { registerPatients: false, searchPatients: true, workInBasket: true, administerClinic: false },
      },
      {
        // a physician opens the arrivals board from their schedule, not from the menu
        role: "physician" as const,
        menu: ["home", "inBasket", "schedule", "patients"],
        areas: ["home", "inBasket", "incomingReferrals", "patients", "arrivals", "schedule"],
        flags: { registerPatients: false, searchPatients: true, workInBasket: true, administerClinic: false },
      },
      {
        role: "admin" as const,
        menu: ["home", "operations", "audit", "clinicSetup"],
        areas: ["home", "clinicSetup", "operations", "audit"],
        flags: { registerPatients: false, searchPatients: false, workInBasket: false, administerClinic: true },
      },
    ];
    for (const c of cases) {
      const me = await meOf(await makeStaff(t, c.role));
      expect(me.abilities.menu, c.role).toEqual(c.menu);
      expect([...me.abilities.areas].sort(), c.role).toEqual([...c.areas].sort());
      expect(me.abilities, c.role).toMatchObject({ ...c.flags, staffWork: true, patientSide: false });
      expect(me.patients, c.role).toEqual([]);
    }
  });

  it("opens the patient side to a patient, and to staff who are also patients, beside their work", async () => {
    const patient = await makePatient(t, { withLogin: true });
    const me = await meOf(patient.user as TestUser);
    expect(me.abilities.menu).toEqual(PATIENT_MENU);
    expect(me.abilities).toMatchObject({ staffWork: false, patientSide: true, workInBasket: false });
    expect(me.abilities.areas).not.toContain("inBasket");
    expect(me.patients[0].scopes.sort()).toEqual(
      ["appointments", "health_updates", "medications", "messages", "records", "referrals"].sort(),
    );

    const nurse = await makePatient(t, { withLogin: true, user: { roles: ["nurse"] } });
    const nurseMe = await meOf(nurse.user as TestUser);
    expect(nurseMe.abilities.menu).toEqual([
      "home",
      "appointments",
      "medications",
      "messages",
      "referrals",
      "health",
      "inBasket",
      "profile",
      "arrivals",
      "schedule",
      "patients",
    ]);
    expect(nurseMe.abilities).toMatchObject({ staffWork: true, patientSide: true });
  });

  it("gives a caregiver with no record of their own the patient side, with only the scopes granted", async () => {
    const mother = await makePatient(t, { given: "Rosa", family: "Diaz" });
    const helper = await makeUser(t);
    await makeProxyGrant(t, { patientId: mother.id, proxyUserId: helper.id, scopes: ["appointments", "medications"] });
    const me = await meOf(helper);
    expect(me.roles).toEqual([]);
    // only the areas a grant's scopes open: no messages, referrals or health updates for Rosa
    expect(me.abilities.menu).toEqual(["home", "appointments", "medications", "profile"]);
    expect(me.abilities.areas).not.toContain("messages");
    expect(me.abilities).toMatchObject({ staffWork: false, patientSide: true });
    expect(me.patients).toHaveLength(1);
    expect(me.patients[0]).toMatchObject({ id: mother.id, relationship: "caregiver", restricted: false });
    expect(me.patients[0].scopes.sort()).toEqual(["appointments", "medications"]);
    expect(me.patients[0].scopes).not.toContain("messages");
  });

  it("closes the patient side to a caregiver whose only grant has been revoked", async () => {
    const mother = await makePatient(t);
    const helper = await makeUser(t);
    await makeProxyGrant(t, { patientId: mother.id, proxyUserId: helper.id, revokedAt: t.clock.now() });
    const me = await meOf(helper);
    expect(me.patients).toEqual([]);
    expect(me.abilities).toMatchObject({ staffWork: false, patientSide: false });
    expect(me.abilities.menu).toEqual(["home"]);
    expect(me.abilities.areas).toEqual(["home"]);
  });

  it("limits a teen's parent to appointments and medications, and ends a parent's grant on the 18th birthday", async () => {
    const now = t.clock.now();
    const year = now.getUTCFullYear();
    const parent = await makeUser(t);
    const teen = await makePatient(t, { given: "Taylor", family: "Lee", dateOfBirth: `${year - 15}-01-01` });
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    // turned 18 yesterday; the parent's grant dates from their childhood
    const yesterday = new Date(now.getTime() - 86_400_000);
    const adultDob = `${yesterday.getUTCFullYear() - 18}${iso(yesterday).slice(4)}`;
    const adult = await makePatient(t, { given: "Alex", family: "Lee", dateOfBirth: adultDob });
    await makeProxyGrant(t, { patientId: teen.id, proxyUserId: parent.id, relationship: "parent" });
    await makeProxyGrant(t, {
      patientId: adult.id,
      proxyUserId: parent.id,
      relationship: "parent",
      startsAt: new Date(now.getTime() - 5 * 365 * 86_400_000),
    });
    const me = await meOf(parent);
    expect(me.patients.map((p: { id: string }) => p.id)).toEqual([teen.id]);
    expect(me.patients[0]).toMatchObject({ relationship: "parent", restricted: true });
    expect(me.patients[0].scopes.sort()).toEqual(["appointments", "medications"]);
    expect(me.abilities.patientSide).toBe(true);
    expect(me.abilities.menu).toEqual(["home", "appointments", "medications", "profile"]);
  });

  it("says on a chart what its reader may open from it", async () => {
    const physician = await makeStaff(t, "physician");
    const nurse = await makeStaff(t, "nurse");
    const frontDesk = await makeStaff(t, "front_desk");
    const patient = await makePatient(t, { pcpProviderId: physician.providerId });
    const pending = await makePatient(t, { status: "pending_verification" });

    const asPhysician = await chartFor(physician, patient.id);
    expect(asPhysician.statusCode).toBe(200);
    expect(asPhysician.json().abilities).toEqual({
      canOpenMedications: true,
      canSeeReferrals: true,
      canSeeHealthUpdates: true,
      canSeeCaregivers: false,
      canAddCaregiver: false,
    });

    // a nurse with no tie to this patient does not get the chart at all (as if it did not exist)
    expect((await chartFor(nurse, patient.id)).statusCode).toBe(404);

    const asFrontDesk = await chartFor(frontDesk, patient.id);
    expect(asFrontDesk.json().abilities).toEqual({
      canOpenMedications: false,
      canSeeReferrals: false,
      canSeeHealthUpdates: false,
      canSeeCaregivers: true,
      canAddCaregiver: true,
    });
    const pendingChart = await chartFor(frontDesk, pending.id);
    expect(pendingChart.statusCode).toBe(200);
    expect(pendingChart.json().abilities).toMatchObject({ canSeeCaregivers: false, canAddCaregiver: false });

    // a caregiver reading the profile: within the grant, and never managing who else has access
    const helper = await makeUser(t);
    await makeProxyGrant(t, { patientId: patient.id, proxyUserId: helper.id, scopes: ["medications", "records"] });
    const asHelper = await chartFor(helper, patient.id);
    expect(asHelper.json().abilities).toEqual({
      canOpenMedications: true,
      canSeeReferrals: false,
      canSeeHealthUpdates: false,
      canSeeCaregivers: false,
      canAddCaregiver: false,
    });
  });
});
