import { sql } from "kysely";
import pg from "pg";
import { openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { AuditLog } from "./platform/audit/audit-log.ts";
import { systemClock } from "./platform/clock.ts";
import { runWithContext, systemContext } from "./platform/context.ts";
import { inTransaction } from "./platform/transaction.ts";
import { verifyAuditChain } from "./platform/audit/verify.ts";
const c = new pg.Client("postgres://postgres@127.0.0.1:5432/postgres"); await c.connect();
await c.query("drop database if exists h3bench with (force)"); await c.query("create database h3bench"); await c.end();
const h = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/h3bench", poolSize: 20 });
await migrateToLatest(h.db);
const audit = new AuditLog({ db: h.db, clock: systemClock });
async function run(label: string, n: number, conc: number) {
  let next = 0; const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: conc }, async () => {
    while (next < n) { next++; const s = performance.now();
      await runWithContext(systemContext("bench"), () => inTransaction(h.db, async (trx) => {
        await sql`select 1`.execute(trx);
        await audit.record({ action: "read", resourceType: "appointment", patientId: "6c2b1a8e-1f0b-4c2a-9d7e-0a1b2c3d4e5f" });
      }));
      lat.push(performance.now() - s); }
  }));
  const secs = (performance.now() - t0) / 1000; lat.sort((a, b) => a - b);
  console.log(label, Math.round(n / secs), "tx/s p99", lat[Math.floor(lat.length * 0.99)]!.toFixed(1), "ms");
}
await run("fill", 20000, 20);
const t0 = performance.now(); const n = await audit.linkPending(); console.log("linked", n, "rows/s", Math.round(n / ((performance.now()-t0)/1000)));
await h.close();
