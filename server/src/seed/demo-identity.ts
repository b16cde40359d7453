import { sql } from "kysely";
import { newActivationCode } from "../platform/auth/tokens.ts";
import { birthDateForAge, type DemoSeedContext } from "./demo-clinic.ts";

const ACTIVATION_DAYS = 14;

/**
 * A registered patient with no login yet and an unused activation code, so the first-sign-in
 * journey (code + date of birth → account) can be tried in the demo.
 */
export async function seedDemoIdentity(ctx: DemoSeedContext): Promise<void> {
  const { trx, now } = ctx;
  const dateOfBirth = birthDateForAge(now, 29, 75);
  const { id } = await trx
    .insertInto("patients")
    .values({
      mrn: sql<string>`'P' || nextval('patient_mrn_seq')`,
      legal_given_name: "Casey",
      legal_family_name: "Nguyen",
      date_of_birth: dateOfBirth,
      sex: "female",
      phone: "(555) 301-0404",
      email: "casey.nguyen@demo.portico.test",
      address: JSON.stringify({
        line1: "18 Lake Shore Drive",
        city: "Chicago",
        region: "IL",
        postalCode: "60611",
        country: "US",
      }),
      preferred_language: "en",
      pcp_provider_id: ctx.ids["provider:patel"] ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  ctx.ids["patient:casey"] = id;

  const { code, hash } = newActivationCode();
  await trx
    .insertInto("activation_codes")
    .values({
      patient_id: id,
      code_hash: hash,
      created_at: now,
      expires_at: new Date(now.getTime() + ACTIVATION_DAYS * 86_400_000),
      created_by: ctx.ids["user:frontdesk"] ?? null,
    })
    .execute();
  ctx.notes.push(`Activation code for Casey Nguyen (born ${dateOfBirth}): ${code}`);
}
