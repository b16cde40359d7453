import { sql } from "kysely";
import type { PatientsTable } from "../db/tables/people.ts";
import { birthDateForAge, type DemoSeedContext } from "./demo-clinic.ts";

/** Pharmacies, insurance and emergency contacts, a pending self-registration that looks like Alex, a name-change request. */
export async function seedDemoRegistration(ctx: DemoSeedContext): Promise<void> {
  const { trx, ids, now } = ctx;
  const pharmacies = [
    [
      "pharmacy:atlantic",
      "Atlantic Avenue Pharmacy",
      "(555) 010-4100",
      "(555) 010-4101",
      "3312456",
      { line1: "180 Atlantic Avenue", city: "Brooklyn", region: "NY", postalCode: "11201", country: "US" },
    ],
    [
      "pharmacy:court",
      "Court Street Drugs",
      "(555) 010-4200",
      "(555) 010-4201",
      "3312457",
      { line1: "95 Court Street", city: "Brooklyn", region: "NY", postalCode: "11201", country: "US" },
    ],
    [
      "pharmacy:loop",
      "Loop Community Pharmacy",
      "(555) 010-4300",
      "(555) 010-4301",
      "1423989",
      { line1: "20 West Adams Street", city: "Chicago", region: "IL", postalCode: "60603", country: "US" },
    ],
  ] as const;
  for (const [key, name, phone, fax, ncpdp, address] of pharmacies) {
    const { id } = await trx
      .insertInto("pharmacies")
      .values({ name, phone, fax, ncpdp_id: ncpdp, address: JSON.stringify(address) })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids[key] = id;
  }

  const riveras: [string, string, string][] = [
    ["alex", "self", "Alexandra Rivera"],
    ["sam", "self", "Samuel Rivera"],
    ["jamie", "parent", "Samuel Rivera"],
    ["taylor", "parent", "Samuel Rivera"],
  ];
  for (const [key, relationship, subscriber] of riveras) {
    const patientId = ids[`patient:${key}`] as string;
    await trx
      .updateTable("patients")
      .set({
        preferred_pharmacy_id: ids["pharmacy:atlantic"] as string,
        emergency_contact: JSON.stringify(
          key === "sam"
            ? { name: "Alexandra Rivera", relationship: "spouse", phone: "(555) 201-0101" }
            : { name: "Samuel Rivera", relationship: key === "alex" ? "spouse" : "parent", phone: "(555) 201-0102" },
        ),
      })
      .where("id", "=", patientId)
      .execute();
    await trx
      .insertInto("insurance_coverages")
      .values({
        patient_id: patientId,
        rank: "primary",
        payer_name: "Empire Health Plan",
        member_id: `EHP${(480_000_000 + riveras.findIndex((r) => r[0] === key)).toString()}`,
        group_number: "GRP-20931",
        subscriber_name: subscriber,
        subscriber_relationship: relationship === "self" ? "self" : "parent",
      })
      .execute();
  }
  await trx
    .updateTable("patients")
    .set({
      preferred_pharmacy_id: ids["pharmacy:loop"] as string,
      emergency_contact: JSON.stringify({ name: "Jordan Lee", relationship: "sibling", phone: "(555) 301-0304" }),
    })
    .where("id", "=", ids["patient:morgan"] as string)
    .execute();

  // A new patient registered online with a typo in the family name: the front desk sees Alex as a probable duplicate.
  const alex = await trx
    .selectFrom("patients")
    .select(["date_of_birth"])
    .where("id", "=", ids["patient:alex"] as string)
    .executeTakeFirstOrThrow();
  await selfRegistered(ctx, "42 Maple Street", {
    legal_given_name: "Alexandra",
    legal_family_name: "Rivero",
    date_of_birth: alex.date_of_birth,
    sex: "female",
    email: "alex.r.personal@demo.portico.test",
    phone: "(555) 201-0101",
    possible_duplicate_ids: [ids["patient:alex"] as string],
  });
  // And a genuinely new patient waiting to be verified.
  await selfRegistered(ctx, "7 Clinton Street", {
    legal_given_name: "Priyanka",
    legal_family_name: "Desai",
    date_of_birth: birthDateForAge(now, 29, 75),
    sex: "female",
    email: "priyanka.desai@demo.portico.test",
    phone: "(555) 402-7788",
  });

  await trx
    .insertInto("identity_change_requests")
    .values({
      patient_id: ids["patient:sam"] as string,
      requested_by: ids["user:sam"] as string,
      changes: JSON.stringify({ legalGivenName: "Samuel", legalFamilyName: "Rivera Ortiz" }),
      reason: "I use both family names on my ID now.",
    })
    .execute();
}

/** A patient who registered online, in Brooklyn, waiting for the front desk to verify them. */
async function selfRegistered(
  { trx }: DemoSeedContext,
  street: string,
  person: {
    legal_given_name: string;
    legal_family_name: string;
    date_of_birth: string;
    sex: PatientsTable["sex"];
    email: string;
    phone: string;
    possible_duplicate_ids?: string[];
  },
): Promise<void> {
  await trx
    .insertInto("patients")
    .values({
      mrn: sql<string>`'P' || nextval('patient_mrn_seq')`,
      ...person,
      status: "pending_verification",
      registration_source: "self",
      address: JSON.stringify({ line1: street, city: "Brooklyn", region: "NY", postalCode: "11201", country: "US" }),
    })
    .execute();
}
