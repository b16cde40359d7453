import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { send } from "../../test/api.ts";
import { useTestApp } from "../../test/app.ts";
import {
  makePatient,
  makeProxyGrant,
  makeUser,
  type SignedInClient,
  signIn,
  signInNewStaff,
  TEST_PASSWORD,
} from "../../test/factories.ts";
import { addVisit, makeTestClinic, type TestClinic } from "../scheduling/test-clinic.ts";
import { patientReferences } from "./merge-registry.ts";

/**
 * Merging charts must not strand anything: every column that points at a patient — found in
 * the catalogue, so a table added later is checked too — is either moved by the merge or kept
 * on purpose for a reason written down here.
 */
const t = useTestApp();

/** Kept on the merged chart on purpose. Adding to this list needs a reason. */
const KEPT_ON_PURPOSE: Record<string, string> = {
  "patients.merged_into_id": "the merge link itself",
  "patient_merges.source_patient_id": "merge bookkeeping: which chart was merged",
  "patient_merges.target_patient_id": "merge bookkeeping: into which chart",
  "audit_log.patient_id": "append-only history of what happened to which chart at the time",
};

/** Tables known today to hold patient rows; the catalogue query must find at least these. */
const KNOWN = [
  "activation_codes.patient_id",
  "appointments.patient_id",
  "files.patient_id",
  "identity_change_requests.patient_id",
  "insurance_coverages.patient_id",
  "proxy_grants.patient_id",
  "proxy_invitations.patient_id",
  "waitlist_offers.patient_id",
  "waitlist_requests.patient_id",
];

/** Every foreign key to patients(id), and every other column named like a patient id. */
async function patientColumnsInCatalogue(): Promise<string[]> {
  const { rows } = await sql<{ ref: string }>`
    select distinct c.relname || '.' || a.attname as ref
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      and (
        a.attname = 'patient_id' or a.attname like '%\\_patient\\_id'
        or exists (
          select 1 from pg_constraint con
          where con.contype = 'f' and con.conrelid = c.oid and a.attnum = any (con.conkey)
            and con.confrelid = 'patients'::regclass)
      )
    order by 1`.execute(t.database.db);
  return rows.map((r) => r.ref);
}

async function movedByMerge(): Promise<string[]> {
  const resolved = await t.database.db.transaction().execute((trx) => patientReferences.resolve(trx));
  return resolved.map((r) => `${r.table}.${r.column}`);
}

describe("merge coverage", () => {
  it("moves or deliberately keeps every column that references a patient", async () => {
    const inCatalogue = await patientColumnsInCatalogue();
    expect(inCatalogue).toEqual(expect.arrayContaining([...KNOWN, ...Object.keys(KEPT_ON_PURPOSE)]));
    const moved = new Set(await movedByMerge());
    const uncovered = inCatalogue.filter((ref) => !moved.has(ref) && !(ref in KEPT_ON_PURPOSE));
    expect(uncovered, "columns a merge would leave pointing at the merged chart").toEqual([]);
    const keptButMoved = Object.keys(KEPT_ON_PURPOSE).filter((ref) => moved.has(ref));
    expect(keptButMoved).toEqual([]);
    // a registered reference must name a real column
    expect([...moved].filter((ref) => !inCatalogue.includes(ref))).toEqual([]);
  });

  describe("a merge of a chart with rows in every area", () => {
    let clinic: TestClinic;
    let desk: SignedInClient;

    beforeAll(async () => {
      clinic = await makeTestClinic(t);
      desk = await signInNewStaff(t, "front_desk");
    });

    it("leaves nothing pointing at the merged chart except what is kept on purpose", async () => {
      const survivor = await makePatient(t, { given: "Alex", family: "Moreno" });
      const duplicate = await makePatient(t, { given: "Alex", family: "Moreno", dateOfBirth: "1990-04-12" });
      const db = t.database.db;

      // rows in each area, made the way each area makes them where an API exists
      const code = await send(t, desk, "POST", `/api/patients/${duplicate.id}/activation-codes`);
      expect(code.statusCode).toBe(201);
      const login = { id: "", email: "alex.moreno@example.test", password: TEST_PASSWORD };
      const activate = await send(t, null, "POST", "/api/auth/activate", {
        activationCode: code.json().code,
        dateOfBirth: "1990-04-12",
        email: login.email,
        password: login.password,
      });
      expect(activate.statusCode).toBeLessThan(300);
      const patientClient = await signIn(t, login);
      const change = await send(t, patientClient, "POST", `/api/patients/${duplicate.id}/identity-change-requests`, {
        changes: { legalGivenName: "Alexander" },
        reason: "Name on my passport",
      });
      expect(change.statusCode).toBe(201);
      const invitation = await send(t, patientClient, "POST", `/api/patients/${duplicate.id}/proxies/invitations`, {
        email: "partner@example.test",
        relationship: "spouse",
        scopes: ["appointments"],
      });
      expect(invitation.statusCode).toBe(201);
      await makeProxyGrant(t, { patientId: duplicate.id, proxyUserId: (await makeUser(t)).id });
      const file = await db
        .insertInto("files")
        .values({
          patient_id: duplicate.id,
          kind: "insurance_card_front",
          content_type: "image/png",
          size_bytes: 68,
          sha256: "0".repeat(64),
          sealed_content: t.cipher.seal("not really a PNG", "file"),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("insurance_coverages")
        .values({
          patient_id: duplicate.id,
          rank: "primary",
          payer_name: "Acme Health",
          member_id: "ACM123456",
          subscriber_name: "Alex Moreno",
          subscriber_relationship: "self",
          card_front_file_id: file.id,
        })
        .execute();
      const start = new Date(t.clock.now().getTime() + 3 * 86_400_000);
      start.setUTCHours(15, 0, 0, 0);
      await addVisit(t, clinic, { patientId: duplicate.id, start });

      const movedRefs = await movedByMerge();
      const pointingAt = async (ref: string, patientId: string) => {
        const [table, column] = ref.split(".") as [string, string];
        const { rows } = await sql<{ n: number }>`
          select count(*)::int8 as n from ${sql.table(table)} where ${sql.ref(column)} = ${patientId}`.execute(db);
        return Number(rows[0]?.n ?? 0);
      };
      const before: Record<string, number> = {};
      for (const ref of movedRefs) before[ref] = await pointingAt(ref, duplicate.id);
      const populated = Object.entries(before)
        .filter(([, n]) => n > 0)
        .map(([ref]) => ref);
      // every known table but the waitlist's, which this chart leaves empty
      expect(populated).toEqual(expect.arrayContaining(KNOWN.filter((ref) => !ref.startsWith("waitlist_"))));
      const auditBefore = await pointingAt("audit_log.patient_id", duplicate.id);
      expect(auditBefore).toBeGreaterThan(0);

      const merge = await send(t, desk, "POST", `/api/patients/${duplicate.id}/merge`, {
        intoPatientId: survivor.id,
        reason: "Registered twice",
      });
      expect(merge.statusCode).toBe(200);
      const reported = merge.json().moved as Record<string, number>;

      for (const ref of movedRefs) {
        expect(await pointingAt(ref, duplicate.id), `${ref} still points at the merged chart`).toBe(0);
        expect(await pointingAt(ref, survivor.id), `${ref} on the surviving chart`).toBeGreaterThanOrEqual(
          before[ref] ?? 0,
        );
        expect(reported[ref], `${ref} in the merge report`).toBe(before[ref]);
      }
      // the history stays where it happened (plus the merge's own record)
      expect(await pointingAt("audit_log.patient_id", duplicate.id)).toBeGreaterThan(auditBefore);
      const record = await db
        .selectFrom("patient_merges")
        .select(["source_patient_id", "target_patient_id"])
        .where("id", "=", merge.json().mergeId)
        .executeTakeFirstOrThrow();
      expect(record).toEqual({ source_patient_id: duplicate.id, target_patient_id: survivor.id });
    });
  });
});
