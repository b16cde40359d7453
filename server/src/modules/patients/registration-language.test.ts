import { beforeAll, describe, expect, it } from "vitest";
import { recipientLanguage } from "../../platform/mail/language.ts";
import { passwordLogin, send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxyGrant,
  makeUser,
  type SignedInClient,
  signIn,
  signInNewPatient,
  signInNewStaff,
  TEST_PASSWORD,
} from "../../test/factories.ts";
import { appointmentRecipients } from "../scheduling/scheduling-events.ts";
import { makeTestClinic } from "../scheduling/test-clinic.ts";

/**
 * One language per person, held on the account: the person RECEIVING an email decides its
 * language. And online registration says what happens next: received → checked → ready, or
 * not accepted with a reason, each by email in the applicant's language.
 */
const t = useTestApp();
let desk: SignedInClient;

beforeAll(async () => {
  desk = await signInNewStaff(t, "front_desk");
});

let serial = 0;
const application = (overrides: Record<string, unknown> = {}) => {
  serial += 1;
  return {
    legalGivenName: "Lucía",
    legalFamilyName: `Navarro${"abcdefghij"[serial % 10]}${"klmnopqrst"[Math.floor(serial / 10) % 10]}`,
    dateOfBirth: `19${70 + serial}-05-0${(serial % 9) + 1}`,
    sex: "female",
    phone: `(555) 301-${String(1000 + serial)}`,
    email: `lucia.${serial}@example.test`,
    password: "Quiet-harbour-lantern-42",
    address: { line1: "2 Main St", city: "Brooklyn", region: "NY", postalCode: "11201", country: "US" },
    ...overrides,
  };
};

/** The emails queued for an address: template and language (the job queue holds them). */
async function mailTo(address: string) {
  const jobs = await t.database.db
    .selectFrom("jobs")
    .select(["payload"])
    .where("queue", "=", "mail.send")
    .orderBy("id")
    .execute();
  return jobs
    .map((j) => j.payload as { to: string; template: string; locale: string; params: Record<string, unknown> })
    .filter((p) => p.to === address)
    .map((p) => ({ template: p.template, locale: p.locale, params: p.params }));
}

async function register(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const body = application(overrides);
  const res = await t.app.inject({ method: "POST", url: "/api/registrations", payload: body, headers });
  expect(res.statusCode, res.body).toBe(202);
  const row = await t.database.db
    .selectFrom("patients as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select(["p.id", "p.preferred_language", "p.status", "u.id as userId", "u.locale", "u.status as userStatus"])
    .where("u.email_normalized", "=", body.email)
    .executeTakeFirstOrThrow();
  return { ...row, email: body.email };
}

describe("the language an email is written in", () => {
  it("registering from a Spanish browser: account, chart and the first email in Spanish", async () => {
    const applicant = await register({}, { "accept-language": "es-MX,es;q=0.9,en;q=0.5" });
    expect(applicant.locale).toBe("es");
    expect(applicant.preferred_language).toBe("es");
    expect(await mailTo(applicant.email)).toEqual([{ template: "registration.received", locale: "es", params: {} }]);
  });

  it("the language chosen on the form wins over the browser's; an English browser gets English", async () => {
    const chose = await register({ preferredLanguage: "es" }, { "accept-language": "en-US,en" });
    expect([chose.locale, chose.preferred_language]).toEqual(["es", "es"]);
    const english = await register({}, { "accept-language": "en-GB,fr;q=0.8" });
    expect([english.locale, english.preferred_language]).toEqual(["en", "en"]);
  });

  it("a patient who chose Spanish on their account is written to in Spanish whatever the chart said", async () => {
    const patient = await makePatient(t, { withLogin: true, language: "en", user: { locale: "en" } });
    const me = await signIn(t, patient.user as NonNullable<typeof patient.user>);
    const res = await send(t, me, "PATCH", "/api/me", { locale: "es" });
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect(await appointmentRecipients(t.database.db, patient.id, t.clock.now())).toEqual([
      { email: patient.user?.email, locale: "es" },
    ]);
    expect(await recipientLanguage(t.database.db, { patientId: patient.id })).toBe("es");
    // the chart's language follows the account: one preference per person
    const chart = await t.database.db
      .selectFrom("patients")
      .select("preferred_language")
      .where("id", "=", patient.id)
      .executeTakeFirstOrThrow();
    expect(chart.preferred_language).toBe("es");
  });

  it("for the same child's appointment each caregiver reads their own language, not the child's chart's", async () => {
    const child = await makePatient(t, { dateOfBirth: "2019-02-03", language: "es" });
    const english = await makeUser(t, { locale: "en" });
    const spanish = await makeUser(t, { locale: "es" });
    await makeProxyGrant(t, { patientId: child.id, proxyUserId: english.id, relationship: "parent" });
    await makeProxyGrant(t, { patientId: child.id, proxyUserId: spanish.id, relationship: "guardian" });
    const to = await appointmentRecipients(t.database.db, child.id, t.clock.now());
    expect(to.sort((a, b) => a.email.localeCompare(b.email))).toEqual(
      [
        { email: english.email, locale: "en" },
        { email: spanish.email, locale: "es" },
      ].sort((a, b) => a.email.localeCompare(b.email)),
    );
  });

  it("a patient without an account is written to in the chart's language; an address without one in the stored language", async () => {
    const noLogin = await makePatient(t, { email: "no.login@example.test", language: "es" });
    expect(await recipientLanguage(t.database.db, { patientId: noLogin.id })).toBe("es");
    expect(await recipientLanguage(t.database.db, { email: "nobody.yet@example.test", stored: "es" })).toBe("es");
    const holder = await makeUser(t, { locale: "en" });
    expect(await recipientLanguage(t.database.db, { email: holder.email.toUpperCase(), stored: "es" })).toBe("en");
  });

  it("a caregiver invitation: in the invitee's own language, else its sender's, which the new login keeps", async () => {
    const patient = await makePatient(t, { withLogin: true, user: { locale: "es" } });
    const me = await signIn(t, patient.user as NonNullable<typeof patient.user>);
    const english = await makeUser(t, { locale: "en" });
    const newcomer = `nuevo.cuidador.${serial}@example.test`;
    for (const email of [newcomer, english.email]) {
      const res = await send(t, me, "POST", `/api/patients/${patient.id}/proxies/invitations`, {
        email,
        relationship: "caregiver",
        scopes: ["appointments"],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const [toNewcomer] = await mailTo(newcomer);
    expect(toNewcomer?.locale).toBe("es");
    expect((await mailTo(english.email)).map((m) => m.locale)).toEqual(["en"]);
    // the newcomer signs up from the link without saying a language: the invitation's
    const token = new URL(String(toNewcomer?.params.acceptUrl), "http://x").searchParams.get("token");
    const signUp = await send(t, null, "POST", "/api/invitations/register", {
      token,
      displayName: "Nuevo Cuidador",
      password: TEST_PASSWORD,
    });
    expect(signUp.statusCode, signUp.body).toBe(201);
    const account = await t.database.db
      .selectFrom("users")
      .select("locale")
      .where("email_normalized", "=", newcomer)
      .executeTakeFirstOrThrow();
    expect(account.locale).toBe("es");
  });

  it("a password reset goes out in the account's language", async () => {
    const user = await makeUser(t, { locale: "es" });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/request",
      payload: { email: user.email },
      headers: { "accept-language": "en-US" },
    });
    expect(res.statusCode).toBe(202);
    expect((await mailTo(user.email)).map((m) => [m.template, m.locale])).toEqual([["password_reset", "es"]]);
  });
});

describe("online registration: received, then ready or not accepted", () => {
  it("the first email says the request will be checked, not that one can sign in", () => {
    const received = t.app.services.mailer.render("registration.received", "en", {});
    expect(received.text).toContain("will check your details");
    expect(received.text).toContain("email you again when your account is ready");
    expect(received.text.toLowerCase()).not.toContain("sign in now");
    const recibido = t.app.services.mailer.render("registration.received", "es", {});
    expect(recibido.text).not.toContain("Ya puede iniciar sesión");
  });

  it("verifying emails the applicant, in their language, that the account is ready", async () => {
    const applicant = await register({}, { "accept-language": "es" });
    const res = await send(t, desk, "POST", `/api/registrations/${applicant.id}/verify`, {});
    expect(res.statusCode, res.body).toBe(200);
    const mail = await mailTo(applicant.email);
    expect(mail.map((m) => [m.template, m.locale])).toEqual([
      ["registration.received", "es"],
      ["registration.verified", "es"],
    ]);
    const ready = t.app.services.mailer.render("registration.verified", "es", mail[1]?.params ?? {});
    expect(ready.subject).toContain("está lista");
    expect(ready.text).toContain("/sign-in");
  });

  it("rejecting: the applicant is told the reason in their language, the record leaves the queue, the login closes", async () => {
    const applicant = await register({}, { "accept-language": "en" });
    // the applicant later chose Spanish on their account: the email follows the account
    await t.database.db.updateTable("users").set({ locale: "es" }).where("id", "=", applicant.userId).execute();
    const res = await send(t, desk, "POST", `/api/registrations/${applicant.id}/reject`, {
      reason: "duplicate_record",
      note: "Same person as an existing chart",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      id: applicant.id,
      status: "rejected",
      reason: "duplicate_record",
      applicantEmailed: true,
    });
    const mail = await mailTo(applicant.email);
    expect(mail.at(-1)).toEqual({
      template: "registration.rejected",
      locale: "es",
      params: { reason: "duplicate_record" },
    });
    const told = t.app.services.mailer.render("registration.rejected", "es", { reason: "duplicate_record" });
    expect(told.text).toContain("ya tiene un expediente");
    expect(told.text).not.toContain("Same person"); // the note stays inside the clinic

    const pending = await send(t, desk, "GET", "/api/registrations/pending");
    expect(pending.json().registrations.map((r: { patient: { id: string } }) => r.patient.id)).not.toContain(
      applicant.id,
    );
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "outcome", "details"])
      .where("resource_type", "=", "registration")
      .where("resource_id", "=", applicant.id)
      .where("action", "=", "reject")
      .where("outcome", "=", "success")
      .execute();
    expect(audit.some((a) => (a.details as { reason?: string } | null)?.reason === "duplicate_record")).toBe(true);
    const login = await passwordLogin(t, applicant.email, TEST_PASSWORD);
    expect(login.statusCode).toBe(401);
  });

  it("a registration one may not see answers 404, exactly like a missing one; bad input changes nothing", async () => {
    const missing = await send(t, desk, "POST", "/api/registrations/00000000-0000-4000-8000-000000000000/reject", {
      reason: "other",
    });
    expect(missing.statusCode).toBe(404);
    const applicant = await register();
    const first = await send(t, desk, "POST", `/api/registrations/${applicant.id}/reject`, { reason: "other" });
    expect(first.statusCode).toBe(200);
    // a rejected record is opened by nobody: rejecting or verifying it again answers 404 too
    for (const action of ["reject", "verify"]) {
      const again = await send(
        t,
        desk,
        "POST",
        `/api/registrations/${applicant.id}/${action}`,
        action === "reject" ? { reason: "other" } : {},
      );
      expect(again.statusCode).toBe(404);
      expect(again.json().error.code).toBe(missing.json().error.code);
    }
    const other = await register();
    const bad = await send(t, desk, "POST", `/api/registrations/${other.id}/reject`, { reason: "because" });
    expect(bad.statusCode).toBe(400);
    const { client: asPatient } = await signInNewPatient(t);
    const refused = await send(t, asPatient, "POST", `/api/registrations/${other.id}/reject`, { reason: "other" });
    expect(refused.statusCode).toBe(403);
    const still = await t.database.db
      .selectFrom("patients")
      .select("status")
      .where("id", "=", other.id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe("pending_verification");
  });
});

describe("booking emails: each reader's own language", () => {
  it("the front desk books a child's visit: one caregiver is emailed in Spanish, the other in English", async () => {
    t.clock.set("2026-03-16T13:00:00Z"); // Monday 16 March, 9:00 in New York
    const clinic = await makeTestClinic(t);
    const frontDesk = await signIn(t, clinic.frontDesk);
    const child = await makePatient(t, { dateOfBirth: "2018-04-01", pcpProviderId: clinic.providerId, language: "en" });
    const mother = await makeUser(t, { locale: "es" });
    const father = await makeUser(t, { locale: "en" });
    await makeProxyGrant(t, { patientId: child.id, proxyUserId: mother.id, relationship: "parent" });
    await makeProxyGrant(t, { patientId: child.id, proxyUserId: father.id, relationship: "parent" });
    const booked = await send(t, frontDesk, "POST", `/api/patients/${child.id}/appointments`, {
      visitTypeId: clinic.visitTypes.established,
      providerId: clinic.providerId,
      start: "2026-03-20T14:00:00.000Z",
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect((await mailTo(mother.email)).map((m) => m.locale)).toEqual(["es"]);
    expect((await mailTo(father.email)).map((m) => m.locale)).toEqual(["en"]);
  });
});
