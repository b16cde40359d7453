import type { Kysely } from "kysely";
import { expect } from "vitest";
import type { DB } from "../db/schema.ts";
import { totpCodeAt } from "../platform/auth/totp.ts";
import { FieldCipher, parseKeyRing } from "../platform/crypto.ts";
import { hashPassword } from "../platform/passwords.ts";
import { TEST_KEYS } from "./app.ts";
import { TEST_PASSWORD, TEST_TOTP_SECRET } from "./factories.ts";

export interface RaceClinicOptions {
  /** "Race": location "Race Clinic", provider "Dr. Race", front desk desk@race.test, patients Race0, Race1, … */
  name: string;
  /** patients to seed (none by default) */
  patients?: number;
  /** the provider's and the visit type's specialty; family_medicine by default */
  specialty?: string;
  /** the 30-minute in-person visit type; "Visit", booked as `new`, by default */
  visitType?: { name: string; bookingKind: "new" | "referral" };
}

export interface RaceClinic {
  locationId: string;
  providerId: string;
  visitTypeId: string;
  /** the front-desk user's email (sign in with `signInFrontDeskOverHttp`) */
  frontDeskEmail: string;
  patients: string[];
}

/**
 * A clinic to race bookings in, written straight to `db` (the database app servers started
 * with `startAppServer` serve): one location (UTC), a front-desk user with MFA (TEST_PASSWORD,
 * TEST_TOTP_SECRET), one provider working there Monday–Friday 08:00–18:00, a 30-minute visit
 * type bookable with no notice within 30 days, and `patients` patients.
 */
export async function seedRaceClinic(db: Kysely<DB>, options: RaceClinicOptions): Promise<RaceClinic> {
  const { name, patients = 0, specialty = "family_medicine" } = options;
  const visitType = options.visitType ?? { name: "Visit", bookingKind: "new" };
  const frontDeskEmail = `desk@${name.toLowerCase()}.test`;
  const { id: locationId } = await db
    .insertInto("locations")
    .values({ name: `${name} Clinic`, time_zone: "UTC" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const cipher = new FieldCipher(parseKeyRing(TEST_KEYS));
  const { id: userId } = await db
    .insertInto("users")
    .values({
      email: frontDeskEmail,
      email_normalized: frontDeskEmail,
      display_name: "Desk",
      password_hash: await hashPassword(TEST_PASSWORD),
      mfa_secret: cipher.seal(TEST_TOTP_SECRET, "mfa"),
      mfa_enabled_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("user_roles").values({ user_id: userId, role: "front_desk" }).execute();
  const { id: providerId } = await db
    .insertInto("providers")
    .values({ display_name: `Dr. ${name}`, specialty })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("provider_locations").values({ provider_id: providerId, location_id: locationId }).execute();
  await db
    .insertInto("availability_templates")
    .values(
      [1, 2, 3, 4, 5].map((weekday) => ({
        provider_id: providerId,
        location_id: locationId,
        weekday,
        start_time: "08:00",
        end_time: "18:00",
      })),
    )
    .execute();
  const { id: visitTypeId } = await db
    .insertInto("visit_types")
    .values({
      name: visitType.name,
      specialty,
      duration_minutes: 30,
      modality: "in_person",
      booking_kind: visitType.bookingKind,
      minimum_notice_minutes: 0,
      horizon_days: 30,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const patientIds =
    patients === 0
      ? []
      : (
          await db
            .insertInto("patients")
            .values(
              Array.from({ length: patients }, (_, i) => ({
                mrn: `${name.toUpperCase()}-${i}`,
                legal_given_name: "Pat",
                legal_family_name: `${name}${i}`,
                date_of_birth: "1980-01-01",
                sex: "unknown" as const,
              })),
            )
            .returning("id")
            .execute()
        ).map((p) => p.id);
  return { locationId, providerId, visitTypeId, frontDeskEmail, patients: patientIds };
}

const json = { "content-type": "application/json" };
const cookieOf = (res: Response, fallback = "") => (res.headers.get("set-cookie") ?? fallback).split(";")[0] as string;

/**
 * Signs `email` in with TEST_PASSWORD over HTTP (POST /api/auth/login, which must answer 200) and
 * answers the headers for the session: JSON content type, cookie and CSRF token. Enough for a
 * user without MFA, e.g. a patient; staff use `signInFrontDeskOverHttp`.
 */
export async function signInOverHttp(url: string, email: string): Promise<Record<string, string>> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  expect(login.status).toBe(200);
  return {
    ...json,
    cookie: cookieOf(login),
    "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken,
  };
}

/**
 * Signs a user with MFA (TEST_TOTP_SECRET, e.g. the race clinic's front desk) in over HTTP:
 * the password at `url`, then the TOTP step at `mfaUrl` (another server sharing the database,
 * or `url` itself). Answers the full session's headers. A TOTP code is accepted once per 30 s
 * step per user, so call this once per user and database.
 */
export async function signInFrontDeskOverHttp(
  url: string,
  email: string,
  mfaUrl: string = url,
): Promise<Record<string, string>> {
  const pending = await signInOverHttp(url, email);
  const mfa = await fetch(`${mfaUrl}/api/auth/mfa`, {
    method: "POST",
    headers: pending,
    body: JSON.stringify({ code: totpCodeAt(TEST_TOTP_SECRET, new Date()) }),
  });
  expect(mfa.status).toBe(200);
  return {
    ...json,
    cookie: cookieOf(mfa, pending.cookie),
    "x-csrf-token": ((await mfa.json()) as { csrfToken: string }).csrfToken,
  };
}

/** The next weekday at least two days ahead, 15:00 UTC (inside the race clinic's hours). */
export function raceSlotStart(): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 2);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(15, 0, 0, 0);
  return d;
}

/** Every patient of `clinic` books the slot at `start` at once, alternating between `servers`. */
export function bookOneSlotFromAll(
  servers: readonly { url: string }[],
  clinic: RaceClinic,
  headers: Record<string, string>,
  start: string,
): Promise<Response[]> {
  return Promise.all(
    clinic.patients.map((patientId, i) =>
      fetch(`${servers[i % servers.length]!.url}/api/patients/${patientId}/appointments`, {
        method: "POST",
        headers,
        body: JSON.stringify({ visitTypeId: clinic.visitTypeId, providerId: clinic.providerId, start }),
      }),
    ),
  );
}

/** The ids of the appointments not cancelled at `start`. */
export async function liveAppointmentsAt(db: Kysely<DB>, start: string): Promise<string[]> {
  const rows = await db
    .selectFrom("appointments")
    .select("id")
    .where("status", "<>", "cancelled")
    .where("starts_at", "=", new Date(start))
    .execute();
  return rows.map((r) => r.id);
}

/**
 * One booking sent four times at once with the same Idempotency-Key, alternating between the
 * servers, then once more: the slot is booked once, and the retry answers that booking.
 */
export async function expectOneBookingForOneKey(
  servers: readonly { url: string }[],
  db: Kysely<DB>,
  clinic: RaceClinic,
  headers: Record<string, string>,
  key: string,
): Promise<void> {
  const start = new Date(raceSlotStart().getTime() + 60 * 60_000).toISOString();
  const body = JSON.stringify({ visitTypeId: clinic.visitTypeId, providerId: clinic.providerId, start });
  const send = (i: number) =>
    fetch(`${servers[i % servers.length]!.url}/api/patients/${clinic.patients[0]}/appointments`, {
      method: "POST",
      headers: { ...headers, "idempotency-key": key },
      body,
    });
  const first = await Promise.all([send(0), send(1), send(2), send(3)]);
  expect(first.map((r) => r.status).every((s) => s === 201 || s === 409)).toBe(true);
  const again = await send(5);
  expect(again.status).toBe(201);
  const live = await liveAppointmentsAt(db, start);
  expect(live).toHaveLength(1);
  expect(((await again.json()) as { id: string }).id).toBe(live[0]);
}
