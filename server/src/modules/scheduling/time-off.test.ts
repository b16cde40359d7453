import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { ParamsOf } from "../../platform/mail/templates.ts";
import { mailJobs as mailJobsOf } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxy,
  makeStaff,
  type SignedInClient,
  signIn,
  type TestPatient,
} from "../../test/factories.ts";
import { appointmentProviderUnavailable } from "./mail-templates.ts";
import { bookVisit, makeTestClinic, type TestClinic } from "./test-clinic.ts";

// Monday 2 March 2026, 08:00 in New York (EST, UTC−5); the physician works 9:00–12:00 on weekdays
const MONDAY_8AM = "2026-03-02T13:00:00Z";
const at = (day: string, hm: string) => new Date(`2026-03-${day}T${hm}:00-05:00`).toISOString();

type Affected = { appointmentId: string; patientName: string; start: string; timeZone: string; locationName: string };

/**
 * Time off over booked visits (issue 11, item 10): the admin sees the visits before saving, and
 * chooses to notify and rebook them (cancelled by the clinic, audited, patients emailed and
 * offered the nearest free times) or to keep them; a booking cannot slip into the time off.
 */
describe("time off over booked visits", () => {
  const t = useTestApp();
  let clinic: TestClinic;
  let admin: SignedInClient;
  let adminId: string;
  let frontDesk: SignedInClient;
  const patients: TestPatient[] = [];
  /** a young child with no address of their own, reached through a parent's grant */
  let child: TestPatient;
  let parentEmail: string;

  const api = (client: SignedInClient, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: client.headers, ...(payload ? { payload } : {}) });
  const exceptionsUrl = () => `/api/providers/${clinic.providerId}/availability/exceptions`;
  const book = async (patientId: string, start: string) => {
    const res = await bookVisit(t, clinic, frontDesk, patientId, start);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const appointment = (id: string) =>
    t.database.db
      .selectFrom("appointments")
      .select(["status", "cancel_reason", "cancelled_by"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const exceptionCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("availability_exceptions")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("provider_id", "=", clinic.providerId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const mailJobs = (template: string) => mailJobsOf(t, template);

  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t.clock.set(MONDAY_8AM);
    clinic = await makeTestClinic(t);
    frontDesk = await signIn(t, clinic.frontDesk);
    const adminUser = await makeStaff(t, "admin");
    adminId = adminUser.id;
    admin = await signIn(t, adminUser);
    for (const given of ["Ana", "Ben", "Cleo", "Dev"]) {
      patients.push(await makePatient(t, { withLogin: true, given, pcpProviderId: clinic.providerId }));
    }
    child = await makePatient(t, { given: "Kit", dateOfBirth: "2020-04-01", pcpProviderId: clinic.providerId });
    parentEmail = (await makeProxy(t, { patientId: child.id, relationship: "parent" })).email;
    // Wednesday: three visits, one of them outside the time off below, one cancelled inside it
    ids.wed9 = await book(patients[0]!.id, at("04", "09:00"));
    ids.wed930 = await book(patients[1]!.id, at("04", "09:30"));
    ids.wed11 = await book(patients[2]!.id, at("04", "11:00"));
    const gone = await book(patients[3]!.id, at("04", "10:00"));
    const cancel = await api(frontDesk, "POST", `/api/patients/${patients[3]!.id}/appointments/${gone}/cancel`, {});
    expect(cancel.statusCode, cancel.body).toBe(200);
    // Thursday: two visits for the notify-and-rebook case
    ids.thu9 = await book(patients[3]!.id, at("05", "09:00"));
    ids.thu10 = await book(child.id, at("05", "10:00"));
  });

  const wednesdayOff = () => ({ kind: "time_off", start: at("04", "08:30"), end: at("04", "10:30") });
  const thursdayOff = () => ({ kind: "time_off", start: at("05", "00:00"), end: at("06", "00:00") });

  it("previews the booked visits the time off would overlap, and only those, naming the patients; nothing is saved", async () => {
    const res = await api(admin, "POST", `${exceptionsUrl()}/preview`, wednesdayOff());
    expect(res.statusCode, res.body).toBe(200);
    const affected = res.json().affected as Affected[];
    expect(affected.map((a) => a.appointmentId)).toEqual([ids.wed9, ids.wed930]);
    expect(affected[0]).toMatchObject({
      patientName: patients[0]!.name,
      start: at("04", "09:00"),
      timeZone: "America/New_York",
      locationName: "Test Brooklyn",
    });
    expect(await exceptionCount()).toBe(0);
    // extra hours take nothing away
    const extra = await api(admin, "POST", `${exceptionsUrl()}/preview`, {
      kind: "extra_hours",
      start: at("04", "08:00"),
      end: at("04", "12:00"),
      locationId: clinic.locationId,
    });
    expect(extra.json().affected).toEqual([]);
  });

  it("refuses to save over booked visits without a choice (409 with the visits), or with a choice for other visits", async () => {
    const bare = await api(admin, "POST", exceptionsUrl(), wednesdayOff());
    expect(bare.statusCode, bare.body).toBe(409);
    expect(bare.json().error.details.reason).toBe("overlaps_booked_visits");
    expect((bare.json().error.details.affected as Affected[]).map((a) => a.appointmentId)).toEqual([
      ids.wed9,
      ids.wed930,
    ]);
    const stale = await api(admin, "POST", exceptionsUrl(), {
      ...wednesdayOff(),
      affectedVisits: { action: "notify_and_rebook", appointmentIds: [ids.wed9] },
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(await exceptionCount()).toBe(0);
    expect((await appointment(ids.wed9!)).status).toBe("booked");
  });

  it("answers bad input with a 4xx and changes nothing", async () => {
    const backwards = await api(admin, "POST", `${exceptionsUrl()}/preview`, {
      kind: "time_off",
      start: at("04", "10:00"),
      end: at("04", "09:00"),
    });
    expect(backwards.statusCode).toBe(400);
    const badChoice = await api(admin, "POST", exceptionsUrl(), {
      ...wednesdayOff(),
      affectedVisits: { action: "tell_nobody", appointmentIds: [ids.wed9, ids.wed930] },
    });
    expect(badChoice.statusCode).toBe(400);
    const badIds = await api(admin, "POST", exceptionsUrl(), {
      ...wednesdayOff(),
      affectedVisits: { action: "keep", appointmentIds: ["not-an-id"] },
    });
    expect(badIds.statusCode).toBe(400);
    const elsewhere = await api(admin, "POST", `${exceptionsUrl()}/preview`, {
      ...wednesdayOff(),
      locationId: "00000000-0000-4000-8000-000000000000",
    });
    expect(elsewhere.statusCode).toBe(400);
    const noProvider = await api(
      admin,
      "POST",
      "/api/providers/00000000-0000-4000-8000-000000000000/availability/exceptions/preview",
      wednesdayOff(),
    );
    expect(noProvider.statusCode).toBe(404);
    expect(await exceptionCount()).toBe(0);
  });

  it("keeps the visits booked when the admin chooses so, and says how many were kept", async () => {
    const res = await api(admin, "POST", exceptionsUrl(), {
      ...wednesdayOff(),
      affectedVisits: { action: "keep", appointmentIds: [ids.wed930, ids.wed9] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: "time_off", keptVisits: 2, cancelledVisits: 0 });
    expect((await appointment(ids.wed9!)).status).toBe("booked");
    expect((await appointment(ids.wed930!)).status).toBe("booked");
    expect(await mailJobs("appointment.provider_unavailable")).toHaveLength(0);
    expect(await exceptionCount()).toBe(1);
  });

  it("notify and rebook: cancels each visit (audited), emails the patient or their parent, and offers the nearest free times", async () => {
    const preview = await api(admin, "POST", `${exceptionsUrl()}/preview`, thursdayOff());
    const shown = (preview.json().affected as Affected[]).map((a) => a.appointmentId);
    expect(shown).toEqual([ids.thu9, ids.thu10]);
    const cancelledBefore = (await mailJobs("appointment.cancelled")).length;
    const res = await api(admin, "POST", exceptionsUrl(), {
      ...thursdayOff(),
      affectedVisits: { action: "notify_and_rebook", appointmentIds: shown },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ cancelledVisits: 2, keptVisits: 0 });
    for (const id of shown) {
      const row = await appointment(id);
      expect(row).toMatchObject({ status: "cancelled", cancel_reason: "provider_unavailable" });
      expect(row.cancelled_by).toBe(adminId);
    }
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["resource_id", "patient_id", "details"])
      .where("resource_type", "=", "appointment")
      .where("action", "=", "cancel")
      .where(sql<boolean>`details->>'reason' = 'provider_unavailable'`)
      .execute();
    expect(audit.map((a) => a.resource_id).sort()).toEqual([...shown].sort());
    expect(audit.find((a) => a.resource_id === ids.thu10)?.patient_id).toBe(child.id);

    // one email per recipient, the child's to the parent; no second, generic cancellation email
    const mails = await mailJobs("appointment.provider_unavailable");
    const to = mails.map((m) => (m.payload as { to: string }).to).sort();
    expect(to).toEqual([patients[3]!.user!.email, parentEmail].sort());
    expect((mails[0]!.payload as { params: { offers: number } }).params.offers).toBe(3);
    expect(await mailJobs("appointment.cancelled")).toHaveLength(cancelledBefore);
    // it says when, where and why, and that new times wait in the portal — nothing clinical
    const params = (mails[0]!.payload as { params: ParamsOf<typeof appointmentProviderUnavailable.params> }).params;
    for (const locale of ["en", "es"] as const) {
      const ctx = { locale, clinicName: "Portico Test", clinicPhone: "(555) 000-1111", publicUrl: "https://p.test" };
      const text = appointmentProviderUnavailable[locale].text(params, ctx);
      expect(text).toMatch(
        locale === "en" ? /provider is unavailable.*3 new times/s : /no está disponible.*3 nuevas horas/s,
      );
      expect(text).not.toMatch(/Follow-up/);
    }

    // offers: three each, distinct between the two patients, none on Thursday, nearest first
    const offers = await t.database.db
      .selectFrom("waitlist_offers as o")
      .innerJoin("waitlist_requests as r", "r.id", "o.request_id")
      .select(["o.id", "o.patient_id", "o.starts_at", "o.status", "r.kind", "r.appointment_id"])
      .where("r.appointment_id", "in", shown)
      .orderBy("o.starts_at")
      .execute();
    expect(offers).toHaveLength(6);
    expect(offers.every((o) => o.kind === "rebook" && o.status === "open")).toBe(true);
    const starts = offers.map((o) => o.starts_at.toISOString());
    expect(new Set(starts).size).toBe(6);
    for (const s of starts) expect(s < thursdayOff().start || s >= thursdayOff().end).toBe(true);
    // nearest to Thursday 9:00: Wednesday's free 10:30 and 11:30, then Friday 9:00; the child's
    // visit (Thursday 10:00) gets the next nearest that are not already held for Dev
    const offeredTo = (patientId: string) =>
      offers.filter((o) => o.patient_id === patientId).map((o) => o.starts_at.toISOString());
    expect(offeredTo(patients[3]!.id)).toEqual([at("04", "10:30"), at("04", "11:30"), at("06", "09:00")]);
    expect(offeredTo(child.id)).toEqual([at("06", "09:30"), at("06", "10:00"), at("06", "10:30")]);

    // the patient sees them as new times for a visit the clinic cancelled, and accepting books one
    const patient = await signIn(t, patients[3]!.user!);
    const list = await api(patient, "GET", `/api/patients/${patients[3]!.id}/waitlist-offers`);
    const mine = list.json().offers as { id: string; kind: string; status: string; start: string }[];
    expect(mine).toHaveLength(3);
    expect(mine.every((o) => o.kind === "rebook")).toBe(true);
    const pick = mine[0]!;
    const accept = await api(patient, "POST", `/api/patients/${patients[3]!.id}/waitlist-offers/${pick.id}/accept`);
    expect(accept.statusCode, accept.body).toBe(200);
    expect(accept.json()).toMatchObject({ start: pick.start, status: "booked" });
    const after = await api(patient, "GET", `/api/patients/${patients[3]!.id}/waitlist-offers`);
    const statuses = (after.json().offers as { id: string; status: string }[]).map((o) =>
      o.id === pick.id ? `picked:${o.status}` : o.status,
    );
    expect(statuses.sort()).toEqual(["declined", "declined", "picked:accepted"]);
  });

  it("refuses a booking into saved time off", async () => {
    const res = await api(frontDesk, "POST", `/api/patients/${patients[0]!.id}/appointments`, {
      visitTypeId: clinic.visitTypes.established,
      providerId: clinic.providerId,
      start: at("05", "11:00"),
    });
    expect(res.statusCode).toBe(422);
  });

  // Only PostgreSQL has more than one connection: a booking waits while time off is being saved.
  it.runIf(process.env.PORTICO_TEST_DB === "postgres")(
    "a booking racing the save of time off waits for it and is refused, never slipping into the time off",
    async () => {
      const db = t.database.db;
      const start = at("09", "10:00"); // Monday 9 March, 11:00 daylight time: free until the time off below
      let booking: Promise<{ statusCode: number; body: string }> | undefined;
      await db.transaction().execute(async (trx) => {
        // what saving time off does: hold the provider's calendar, then write the time off
        await trx.selectFrom("providers").select("id").where("id", "=", clinic.providerId).forUpdate().execute();
        await trx
          .insertInto("availability_exceptions")
          .values({
            provider_id: clinic.providerId,
            kind: "time_off",
            starts_at: new Date(at("09", "00:00")),
            ends_at: new Date(at("10", "00:00")),
          })
          .execute();
        // (an injected request starts when it is awaited: `then` sends it now)
        booking = api(frontDesk, "POST", `/api/patients/${patients[1]!.id}/appointments`, {
          visitTypeId: clinic.visitTypes.established,
          providerId: clinic.providerId,
          start,
        }).then((r) => r);
        // wait until the booking is queued behind the lock
        for (let i = 0; i < 600; i++) {
          const waiting = await sql<{ n: number }>`
            select count(*)::int as n from pg_stat_activity
            where wait_event_type = 'Lock' and datname = current_database()`.execute(db);
          if ((waiting.rows[0]?.n ?? 0) > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        const queued = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and datname = current_database()`.execute(db);
        expect(queued.rows[0]?.n).toBe(1);
      });
      const res = await booking!;
      expect(res.statusCode, res.body).toBe(409);
      const inside = await db
        .selectFrom("appointments")
        .select("id")
        .where("provider_id", "=", clinic.providerId)
        .where("starts_at", "=", new Date(start))
        .where("status", "<>", "cancelled")
        .execute();
      expect(inside).toHaveLength(0);
    },
  );
});
