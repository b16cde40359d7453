import { randomBytes } from "node:crypto";
import type { ProxyRelationship, ProxyScope, StaffRole } from "../db/tables/people.ts";
import { totpCodeAt } from "../platform/auth/totp.ts";
import { hashPassword } from "../platform/passwords.ts";
import type { TestContext } from "./app.ts";

/** A password every factory user has (strong enough for the password policy). */
export const TEST_PASSWORD = "Quiet-harbour-lantern-42";
/** The TOTP secret of every factory user with MFA (RFC 6238's test key, base32). */
export const TEST_TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

let passwordHash: Promise<string> | undefined;
const unique = () => randomBytes(4).toString("hex");

export interface TestUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  roles: StaffRole[];
  /** set when the user has MFA: the base32 secret */
  mfaSecret: string | null;
  /** the patient record linked to this login, if any */
  patientId: string | null;
  /** a physician's provider record, if any */
  providerId: string | null;
}

export interface MakeUserOptions {
  email?: string;
  displayName?: string;
  roles?: StaffRole[];
  /** defaults to true for staff, false otherwise */
  mfa?: boolean;
  /** a different password (hashed for this user only) */
  password?: string;
  locale?: "en" | "es";
  status?: "active" | "disabled";
}

export async function makeUser(t: TestContext, options: MakeUserOptions = {}): Promise<TestUser> {
  const db = t.database.db;
  const roles = options.roles ?? [];
  const mfa = options.mfa ?? roles.length > 0;
  const email = options.email ?? `user-${unique()}@example.test`;
  const password = options.password ?? TEST_PASSWORD;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = password === TEST_PASSWORD ? await passwordHash : await hashPassword(password);
  const displayName = options.displayName ?? `Test User ${unique()}`;
  const now = t.clock.now();
  const { id } = await db
    .insertInto("users")
    .values({
      email,
      email_normalized: email.trim().toLowerCase(),
      display_name: displayName,
      password_hash: hash,
      locale: options.locale ?? "en",
      status: options.status ?? "active",
      mfa_secret: mfa ? t.cipher.seal(TEST_TOTP_SECRET, "mfa") : null,
      mfa_enabled_at: mfa ? now : null,
      password_changed_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (roles.length) {
    await db
      .insertInto("user_roles")
      .values(roles.map((role) => ({ user_id: id, role })))
      .execute();
  }
  let providerId: string | null = null;
  if (roles.includes("physician")) {
    providerId = (
      await db
        .insertInto("providers")
        .values({ user_id: id, display_name: displayName, specialty: "family_medicine" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }
  return {
    id,
    email,
    password,
    displayName,
    roles,
    mfaSecret: mfa ? TEST_TOTP_SECRET : null,
    patientId: null,
    providerId,
  };
}

export interface MakeStaffOptions extends MakeUserOptions {
  /** the locations the staff member works (see `assignLocations`) */
  locationIds?: readonly string[];
}

/** A staff member with one role (and MFA, as staff must have); physicians get a provider record. */
export async function makeStaff(t: TestContext, role: StaffRole, options: MakeStaffOptions = {}): Promise<TestUser> {
  const { locationIds = [], ...userOptions } = options;
  const staff = await makeUser(t, { ...userOptions, roles: [role, ...(options.roles ?? [])] });
  await assignLocations(t, staff.id, locationIds);
  return staff;
}

/** A new staff member with one role, signed in. */
export async function signInNewStaff(
  t: TestContext,
  role: StaffRole,
  options: MakeStaffOptions = {},
): Promise<SignedInClient> {
  return signIn(t, await makeStaff(t, role, options));
}

export interface MakePatientOptions {
  withLogin?: boolean;
  given?: string;
  family?: string;
  preferred?: string | null;
  /** "YYYY-MM-DD"; defaults to someone aged about 40 */
  dateOfBirth?: string;
  email?: string;
  pcpProviderId?: string | null;
  status?: "active" | "pending_verification" | "merged";
  language?: "en" | "es";
  /** options for the login when `withLogin` */
  user?: MakeUserOptions;
}

export interface TestPatient {
  id: string;
  mrn: string;
  name: string;
  dateOfBirth: string;
  /** the patient's own login when made `withLogin` */
  user: TestUser | null;
}

export async function makePatient(t: TestContext, options: MakePatientOptions = {}): Promise<TestPatient> {
  const db = t.database.db;
  const given = options.given ?? "Jordan";
  const family = options.family ?? `Tester${unique()}`;
  const user = options.withLogin
    ? await makeUser(t, {
        displayName: `${options.preferred ?? given} ${family}`,
        email: options.email,
        ...options.user,
      })
    : null;
  const dateOfBirth = options.dateOfBirth ?? "1985-06-15";
  const mrn = `T${unique().toUpperCase()}`;
  const { id } = await db
    .insertInto("patients")
    .values({
      mrn,
      user_id: user?.id ?? null,
      legal_given_name: given,
      legal_family_name: family,
      preferred_name: options.preferred ?? null,
      date_of_birth: dateOfBirth,
      sex: "unknown",
      email: user?.email ?? options.email ?? null,
      preferred_language: options.language ?? "en",
      status: options.status ?? "active",
      pcp_provider_id: options.pcpProviderId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (user) user.patientId = id;
  return { id, mrn, name: `${options.preferred ?? given} ${family}`, dateOfBirth, user };
}

export interface MakeProxyGrantOptions {
  patientId: string;
  proxyUserId: string;
  relationship?: ProxyRelationship;
  scopes?: ProxyScope[];
  startsAt?: Date;
  endsAt?: Date | null;
  grantedBy?: string | null;
  revokedAt?: Date | null;
}

export async function makeProxyGrant(t: TestContext, options: MakeProxyGrantOptions): Promise<string> {
  const { id } = await t.database.db
    .insertInto("proxy_grants")
    .values({
      patient_id: options.patientId,
      proxy_user_id: options.proxyUserId,
      relationship: options.relationship ?? "caregiver",
      scopes: options.scopes ?? ["appointments", "messages", "medications", "referrals", "health_updates", "records"],
      starts_at: options.startsAt ?? new Date(t.clock.now().getTime() - 86_400_000),
      ends_at: options.endsAt ?? null,
      granted_by: options.grantedBy ?? null,
      revoked_at: options.revokedAt ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A new login with a proxy grant to a patient (by default a caregiver's, for every scope, from yesterday). */
export async function makeProxy(
  t: TestContext,
  grant: Omit<MakeProxyGrantOptions, "proxyUserId">,
  user: MakeUserOptions = {},
): Promise<TestUser> {
  const proxy = await makeUser(t, user);
  await makeProxyGrant(t, { ...grant, proxyUserId: proxy.id });
  return proxy;
}

export interface SignedInPatient {
  patient: TestPatient;
  /** the patient's own login */
  user: TestUser;
  client: SignedInClient;
}

/** A new patient with a login, signed in. */
export async function signInNewPatient(
  t: TestContext,
  options: Omit<MakePatientOptions, "withLogin"> = {},
): Promise<SignedInPatient> {
  const patient = await makePatient(t, { ...options, withLogin: true });
  const user = patient.user as TestUser;
  return { patient, user, client: await signIn(t, user) };
}

export interface SignedInClient {
  /** the Cookie header value */
  cookie: string;
  csrfToken: string;
  /** both headers, ready for `app.inject({ headers })` */
  headers: { cookie: string; "x-csrf-token": string };
}

/** The `name=value` of the session cookie a response set, if it set one. */
export function sessionCookieFrom(response: { headers: Record<string, unknown> }): string | undefined {
  const raw = response.headers["set-cookie"];
  const all = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  const session = all.find((c: string) => /^(__Host-)?portico_session=[^;]+/.test(c));
  return session?.split(";")[0];
}

/**
 * Signs a user in through the API: password, then (when the user has MFA) the current TOTP
 * code for the known secret. The code's single-use guard is reset first so a test may sign
 * the same user in several times within one 30-second step.
 */
export async function signIn(
  t: TestContext,
  user: Pick<TestUser, "id" | "email" | "password">,
): Promise<SignedInClient> {
  const login = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: user.email, password: user.password },
  });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  let cookie = sessionCookieFrom(login) as string;
  let csrfToken = login.json().csrfToken as string;
  if (login.json().mfaEnrolmentRequired) throw new Error("this user must enrol in MFA before signing in");
  if (login.json().mfaRequired) {
    await t.database.db.deleteFrom("mfa_state").where("user_id", "=", user.id).execute();
    const mfa = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: { cookie, "x-csrf-token": csrfToken },
      payload: { code: totpCodeAt(TEST_TOTP_SECRET, t.clock.now()) },
    });
    if (mfa.statusCode !== 200) throw new Error(`MFA failed: ${mfa.statusCode} ${mfa.body}`);
    cookie = sessionCookieFrom(mfa) as string;
    csrfToken = mfa.json().csrfToken;
  }
  return { cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
}

/** Assigns a staff member to the locations they work (arrivals boards, visit statuses, schedules). */
export async function assignLocations(t: TestContext, userId: string, locationIds: readonly string[]): Promise<void> {
  if (locationIds.length === 0) return;
  await t.database.db
    .insertInto("staff_locations")
    .values(locationIds.map((location_id) => ({ user_id: userId, location_id })))
    .execute();
}

/** A medication on the patient's list, written straight to the table: 1 tablet daily, 30 days' supply, one refill. */
export function makeMedication(t: TestContext, patientId: string, name: string, confidential = false) {
  return t.database.db
    .insertInto("medications")
    .values({
      patient_id: patientId,
      name,
      dose: "1 tablet",
      directions: "daily",
      quantity: 30,
      days_supply: 30,
      refills_remaining: 1,
      confidential,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}
