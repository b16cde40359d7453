import type { Transaction } from "kysely";
import { sql } from "kysely";
import type { DB } from "../db/schema.ts";
import type { StaffRole } from "../db/tables/people.ts";
import type { FieldCipher } from "../platform/crypto.ts";
import { hashPassword } from "../platform/passwords.ts";

export const DEMO_PASSWORD = "Portico-demo-2026!";
/** Exists only in demo mode (SPEC §7). */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

export interface DemoLogin {
  email: string;
  role: string;
}

export interface DemoSeedContext {
  trx: Transaction<DB>;
  now: Date;
  cipher: FieldCipher;
  /** what each step adds to the printed list of logins and codes */
  logins: DemoLogin[];
  notes: string[];
  ids: Record<string, string>;
}

/** "YYYY-MM-DD" for someone who turns `years` old `daysAgo` days before `now`. */
export function birthDateForAge(now: Date, years: number, daysAgo = 40): string {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - daysAgo);
  return d.toISOString().slice(0, 10);
}

async function createUser(
  ctx: DemoSeedContext,
  key: string,
  email: string,
  displayName: string,
  roles: StaffRole[],
  passwordHash: string,
  locale: "en" | "es" = "en",
): Promise<string> {
  const staff = roles.length > 0;
  const { id } = await ctx.trx
    .insertInto("users")
    .values({
      email,
      email_normalized: email.toLowerCase(),
      display_name: displayName,
      password_hash: passwordHash,
      locale,
      mfa_secret: staff ? ctx.cipher.seal(DEMO_TOTP_SECRET, "mfa") : null,
      mfa_enabled_at: staff ? ctx.now : null,
      password_changed_at: ctx.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (roles.length)
    await ctx.trx
      .insertInto("user_roles")
      .values(roles.map((role) => ({ user_id: id, role })))
      .execute();
  ctx.ids[key] = id;
  return id;
}

async function createPatient(
  ctx: DemoSeedContext,
  key: string,
  values: {
    given: string;
    family: string;
    preferred?: string;
    dob: string;
    sex: "female" | "male" | "other" | "unknown";
    userId?: string | null;
    email?: string | null;
    phone?: string;
    language?: string;
    pcp?: string;
    city?: string;
  },
): Promise<string> {
  const { id } = await ctx.trx
    .insertInto("patients")
    .values({
      mrn: sql<string>`'P' || nextval('patient_mrn_seq')`,
      user_id: values.userId ?? null,
      legal_given_name: values.given,
      legal_family_name: values.family,
      preferred_name: values.preferred ?? null,
      date_of_birth: values.dob,
      sex: values.sex,
      phone: values.phone ?? null,
      email: values.email ?? null,
      address: JSON.stringify({
        line1: "42 Maple Street",
        city: values.city ?? "Brooklyn",
        region: "NY",
        postalCode: "11201",
        country: "US",
      }),
      preferred_language: values.language ?? "en",
      pcp_provider_id: values.pcp ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  ctx.ids[`patient:${key}`] = id;
  return id;
}

/** Locations, providers, staff and patient accounts, proxy grants: SPEC §7's demo clinic. */
export async function seedDemoClinic(ctx: DemoSeedContext): Promise<void> {
  const { trx, now } = ctx;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const hours = (open: string, close: string) =>
    JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, open, close })));
  const brooklyn = await trx
    .insertInto("locations")
    .values({
      name: "Portico Brooklyn",
      address: JSON.stringify({
        line1: "210 Atlantic Avenue",
        city: "Brooklyn",
        region: "NY",
        postalCode: "11201",
        country: "US",
      }),
      phone: "(555) 010-2000",
      time_zone: "America/New_York",
      hours: hours("08:00", "18:00"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const chicago = await trx
    .insertInto("locations")
    .values({
      name: "Portico Chicago Loop",
      address: JSON.stringify({
        line1: "55 West Monroe Street",
        city: "Chicago",
        region: "IL",
        postalCode: "60603",
        country: "US",
      }),
      phone: "(555) 010-3000",
      time_zone: "America/Chicago",
      hours: hours("08:00", "17:00"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  ctx.ids["location:brooklyn"] = brooklyn.id;
  ctx.ids["location:chicago"] = chicago.id;

  const staff: [string, string, string, StaffRole[], string][] = [
    ["user:admin", "admin@demo.portico.test", "Priya Shah", ["admin"], "admin"],
    ["user:frontdesk", "frontdesk@demo.portico.test", "Marcus Bell", ["front_desk"], "front desk, both locations"],
    [
      "user:nurse",
      "nurse@demo.portico.test",
      "Rosa Delgado, RN",
      ["nurse"],
      "nurse (family medicine pool), works at Portico Brooklyn",
    ],
    [
      "user:okafor",
      "dr.okafor@demo.portico.test",
      "Dr. Chidi Okafor",
      ["physician"],
      "physician, family medicine — PCP of the Riveras",
    ],
    ["user:lindqvist", "dr.lindqvist@demo.portico.test", "Dr. Elin Lindqvist", ["physician"], "physician, cardiology"],
  ];
  for (const [key, email, name, roles, label] of staff) {
    await createUser(ctx, key, email, name, roles, passwordHash, name === "Rosa Delgado, RN" ? "es" : "en");
    ctx.logins.push({ email, role: label });
  }

  const providers: [string, string, string, string | null, string[]][] = [
    [
      "provider:okafor",
      "Dr. Chidi Okafor",
      "family_medicine",
      ctx.ids["user:okafor"] as string,
      [brooklyn.id, chicago.id],
    ],
    ["provider:patel", "Dr. Anjali Patel", "family_medicine", null, [chicago.id]],
    ["provider:lindqvist", "Dr. Elin Lindqvist", "cardiology", ctx.ids["user:lindqvist"] as string, [brooklyn.id]],
    ["provider:haddad", "Dr. Yusuf Haddad", "dermatology", null, [brooklyn.id, chicago.id]],
  ];
  for (const [key, name, specialty, userId, locationIds] of providers) {
    const { id } = await trx
      .insertInto("providers")
      .values({ display_name: name, specialty, user_id: userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    ctx.ids[key] = id;
    await trx
      .insertInto("provider_locations")
      .values(locationIds.map((location_id) => ({ provider_id: id, location_id })))
      .execute();
  }

  // where the desk and the nurse work: the arrivals boards they see (physicians see their own visits)
  const assignments: [string, string[]][] = [
    ["user:frontdesk", [brooklyn.id, chicago.id]],
    ["user:nurse", [brooklyn.id]],
  ];
  for (const [key, locationIds] of assignments) {
    await trx
      .insertInto("staff_locations")
      .values(locationIds.map((location_id) => ({ user_id: ctx.ids[key] as string, location_id })))
      .execute();
  }

  const okafor = ctx.ids["provider:okafor"] as string;
  const alexUser = await createUser(ctx, "user:alex", "alex.rivera@demo.portico.test", "Alex Rivera", [], passwordHash);
  const samUser = await createUser(
    ctx,
    "user:sam",
    "sam.rivera@demo.portico.test",
    "Sam Rivera",
    [],
    passwordHash,
    "es",
  );
  const morganUser = await createUser(
    ctx,
    "user:morgan",
    "morgan.lee@demo.portico.test",
    "Morgan Lee",
    [],
    passwordHash,
  );
  ctx.logins.push(
    { email: "alex.rivera@demo.portico.test", role: "patient (adult)" },
    {
      email: "sam.rivera@demo.portico.test",
      role: "patient, and proxy for Jamie Rivera (8) and Taylor Rivera (15, restricted)",
    },
    { email: "morgan.lee@demo.portico.test", role: "patient, unrelated to the Riveras" },
  );

  await createPatient(ctx, "alex", {
    given: "Alexandra",
    family: "Rivera",
    preferred: "Alex",
    dob: birthDateForAge(now, 42, 100),
    sex: "female",
    userId: alexUser,
    email: "alex.rivera@demo.portico.test",
    phone: "(555) 201-0101",
    pcp: okafor,
  });
  await createPatient(ctx, "sam", {
    given: "Samuel",
    family: "Rivera",
    preferred: "Sam",
    dob: birthDateForAge(now, 44, 200),
    sex: "male",
    userId: samUser,
    email: "sam.rivera@demo.portico.test",
    phone: "(555) 201-0102",
    language: "es",
    pcp: okafor,
  });
  const jamie = await createPatient(ctx, "jamie", {
    given: "Jamie",
    family: "Rivera",
    dob: birthDateForAge(now, 8, 60),
    sex: "male",
    pcp: okafor,
  });
  const taylor = await createPatient(ctx, "taylor", {
    given: "Taylor",
    family: "Rivera",
    dob: birthDateForAge(now, 15, 30),
    sex: "female",
    pcp: okafor,
  });
  await createPatient(ctx, "morgan", {
    given: "Morgan",
    family: "Lee",
    dob: birthDateForAge(now, 35, 10),
    sex: "other",
    userId: morganUser,
    email: "morgan.lee@demo.portico.test",
    phone: "(555) 301-0303",
    pcp: ctx.ids["provider:patel"],
    city: "Chicago",
  });

  const frontdesk = ctx.ids["user:frontdesk"] as string;
  await trx
    .insertInto("proxy_grants")
    .values([
      {
        patient_id: jamie,
        proxy_user_id: samUser,
        relationship: "parent",
        scopes: ["appointments", "messages", "medications", "referrals", "health_updates", "records"],
        starts_at: ctx.now,
        granted_by: frontdesk,
        reason: "Parent of a minor; birth certificate seen at registration",
      },
      {
        patient_id: taylor,
        proxy_user_id: samUser,
        relationship: "parent",
        // adolescent (12–17): the restricted default scope
        scopes: ["appointments", "medications"],
        starts_at: ctx.now,
        granted_by: frontdesk,
        reason: "Parent of an adolescent; restricted scope by clinic policy",
      },
    ])
    .execute();
}
