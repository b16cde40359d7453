import { sql } from "kysely";
import type { Database } from "../db/database.ts";
import { moduleDemoSeedSteps } from "../modules/registry.ts";
import type { Clock } from "../platform/clock.ts";
import type { FieldCipher } from "../platform/crypto.ts";
import { DEMO_PASSWORD, type DemoLogin, type DemoSeedContext, seedDemoClinic } from "./demo-clinic.ts";

/**
 * The clinic every module's data builds on (locations, providers, staff, a few patients), then
 * each module's step (`demoSeed` in its manifest), in registry order, all in one transaction.
 */
const steps: readonly ((ctx: DemoSeedContext) => Promise<void>)[] = [seedDemoClinic, ...moduleDemoSeedSteps];

export interface DemoSeedResult {
  seeded: boolean;
  logins: DemoLogin[];
  notes: string[];
  password: string;
}

const MARKER = "demo_seeded_at";

/** Seeds the demo clinic once; later starts find the marker and leave the data alone. */
export async function seedDemo(db: Database, clock: Clock, cipher: FieldCipher): Promise<DemoSeedResult> {
  const result = await db.transaction().execute(async (trx) => {
    // one seeder at a time, even when several servers start together
    await sql`lock table settings in exclusive mode`.execute(trx);
    const marker = await trx.selectFrom("settings").select("value").where("key", "=", MARKER).executeTakeFirst();
    if (marker) {
      const stored = marker.value as { logins?: DemoLogin[]; notes?: string[] };
      return { seeded: false, logins: stored.logins ?? [], notes: stored.notes ?? [] };
    }
    const ctx: DemoSeedContext = { trx, now: clock.now(), cipher, logins: [], notes: [], ids: {} };
    for (const step of steps) await step(ctx);
    await trx
      .insertInto("settings")
      .values({
        key: MARKER,
        value: JSON.stringify({ at: ctx.now.toISOString(), logins: ctx.logins, notes: ctx.notes }),
      })
      .execute();
    return { seeded: true, logins: ctx.logins, notes: ctx.notes };
  });
  return { ...result, password: DEMO_PASSWORD };
}
