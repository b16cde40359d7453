import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { makeTestClinic } from "../modules/scheduling/test-clinic.ts";
import { useTestApp } from "../test/app.ts";
import { FieldCipher, parseKeyRing } from "./crypto.ts";
import { resealColumns, sealedColumns } from "./crypto-rotation.ts";
import { FileStore } from "./files/index.ts";
// every module, and with them the sealed columns they register (as `keys:rotate` loads them)
import "../services.ts";

const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");
const oldCipher = new FieldCipher(parseKeyRing(`old:${key(1)}`));
const rotated = new FieldCipher(parseKeyRing(`new:${key(2)},old:${key(1)}`));
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
/** Stored responses of retried requests: kept 24 hours (housekeeping), so an old key stays in the ring that long. */
const SHORT_LIVED = new Set(["idempotency_keys.response_body"]);

/**
 * Key rotation re-seals only the columns registered with `registerSealedColumn`: a sealed
 * column (named `*_sealed`) that no module registers would keep its values on an old key,
 * and removing that key from the ring would lose them.
 */
describe("sealed columns: every one is registered for key rotation", () => {
  const t = useTestApp();

  it("registers every *_sealed column of the database", async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_name like '%\\_sealed'
      order by table_name, column_name`.execute(t.database.db);
    expect(rows.length).toBeGreaterThan(0);
    const registered = new Set(sealedColumns().map((c) => `${c.table}.${c.column}`));
    const missing = rows.map((r) => `${r.table_name}.${r.column_name}`).filter((name) => !registered.has(name));
    expect(missing, "sealed columns not registered with registerSealedColumn").toEqual([]);
  });

  it("every registered column exists, with its id column", async () => {
    for (const c of sealedColumns()) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.columns
        where table_schema = current_schema() and table_name = ${c.table}
          and column_name in (${c.column}, ${c.idColumn})`.execute(t.database.db);
      expect(rows[0]?.n, `${c.table}.${c.column}`).toBe(c.column === c.idColumn ? 1 : 2);
    }
  });

  it("registers every column that holds a sealed value, whatever its name", async () => {
    const clinic = await makeTestClinic(t);
    const db = t.database.db;
    // one value in each place the server seals: an uploaded file, an MFA enrolment under way
    await new FileStore({ db, cipher: t.cipher }).save({
      patientId: clinic.patient.id,
      kind: "insurance_card_front",
      bytes: PNG,
      uploadedBy: null,
    });
    await db
      .insertInto("mfa_state")
      .values({ user_id: clinic.frontDesk.id, pending_secret: t.cipher.seal("JBSWY3DPEHPK3PXP", "mfa") } as never)
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet({ pending_secret: t.cipher.seal("JBSWY3DPEHPK3PXP", "mfa") }),
      )
      .execute();
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and data_type = 'text'
      order by table_name, column_name`.execute(db);
    const registered = new Set(sealedColumns().map((c) => `${c.table}.${c.column}`));
    const holding: string[] = [];
    for (const { table_name, column_name } of rows) {
      const found = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(table_name)}
        where left(${sql.ref(column_name)}, 3) = 'v1.' and ${sql.ref(column_name)} ~ '^v1\.[A-Za-z0-9_-]+\.'`.execute(
        db,
      );
      if ((found.rows[0]?.n ?? 0) > 0) holding.push(`${table_name}.${column_name}`);
    }
    expect(holding).toEqual(expect.arrayContaining(["files.sealed_content", "mfa_state.pending_secret"]));
    expect(holding.filter((name) => !registered.has(name) && !SHORT_LIVED.has(name))).toEqual([]);
  });

  it("re-seals an eCheck-in answer with the current key", async () => {
    const clinic = await makeTestClinic(t);
    const db = t.database.db;
    const startsAt = new Date(Date.now() + 3 * 24 * 60 * 60_000);
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    const appointmentId = randomUUID();
    await db
      .insertInto("appointments")
      .values({
        id: appointmentId,
        patient_id: clinic.patient.id,
        provider_id: clinic.providerId,
        location_id: clinic.locationId,
        visit_type_id: clinic.visitTypes.established,
        starts_at: startsAt,
        ends_at: endsAt,
        blocked: sql`tstzrange(${startsAt}, ${endsAt})`,
      } as never)
      .execute();
    const answers = JSON.stringify({ pain: 3, concerns: "knee" });
    await db
      .insertInto("appointment_check_ins")
      .values({
        appointment_id: appointmentId,
        confirmed: JSON.stringify({ contact: true }),
        answers_sealed: oldCipher.seal(answers, `echeckin:${appointmentId}`),
      } as never)
      .execute();

    const results = await resealColumns(db, rotated);
    expect(results).toContainEqual({
      table: "appointment_check_ins",
      column: "answers_sealed",
      resealed: 1,
      failed: 0,
    });
    const row = await db
      .selectFrom("appointment_check_ins")
      .select("answers_sealed")
      .where("appointment_id", "=", appointmentId)
      .executeTakeFirstOrThrow();
    const sealed = row.answers_sealed as string;
    expect(FieldCipher.keyIdOf(sealed)).toBe("new");
    expect(rotated.open(sealed, `echeckin:${appointmentId}`)).toBe(answers);
  });
});
