import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../../db/database.ts";

export const GENESIS_HASH = "0".repeat(64);

export type ChainProblemKind =
  /** a row's content no longer matches its hash */
  | "edited"
  /** a sequence number is missing: a row was deleted */
  | "missing"
  /** a row does not point at the row before it: rows were removed, inserted or reordered */
  | "broken_link"
  /** the chain head does not match the last row: the newest rows were deleted or the head was altered */
  | "head_mismatch"
  /** the externally kept anchor does not match */
  | "anchor_mismatch";

export interface ChainProblem {
  kind: ChainProblemKind;
  seq: number | null;
  id: number | null;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  /** rows checked */
  checked: number;
  /** the last link: keep it somewhere else (e.g. a daily note) to detect a wholesale rewrite */
  head: { seq: number; hash: string };
  /** committed rows the sequencer has not linked yet (normally only the last second's) */
  pending: number;
  problem: ChainProblem | null;
}

interface ChainRow {
  id: number;
  seq: number;
  prev_hash: string | null;
  hash: string | null;
  fields: (string | null)[];
}

/** The text hashed for a row; must match `audit_canonical()` in migrations/0004_audit.sql. */
export function canonicalAuditRow(fields: readonly (string | null)[]): string {
  return fields.map((f) => (f === null ? "~" : `${Buffer.byteLength(f, "utf8")}:${f}`)).join("|");
}

export function linkHash(prevHash: string, seq: number, canonical: string): string {
  return createHash("sha256").update(`${prevHash}\n${seq}\n${canonical}`, "utf8").digest("hex");
}

async function readBatch(db: Database, afterSeq: number, size: number): Promise<ChainRow[]> {
  const { rows } = await sql<{
    id: number;
    seq: number;
    prev_hash: string | null;
    hash: string | null;
    fields: (string | null)[];
  }>`
    select id, seq, prev_hash, hash, array[
      id::text,
      (extract(epoch from at) * 1000000)::bigint::text,
      actor_user_id::text,
      actor_kind,
      actor_system_name,
      actor_roles::text,
      acting_as,
      patient_id::text,
      proxy_grant_id::text,
      action,
      resource_type,
      resource_id,
      outcome,
      ip,
      user_agent,
      request_id,
      details::text
    ] as fields
    from audit_log where seq > ${afterSeq} order by seq limit ${size}`.execute(db);
  return rows;
}

/**
 * Walks the whole chain in sequence order, recomputing every hash independently of the
 * database's own function, and reports the first broken link. `anchor` (a `seq:hash` kept
 * outside the database) also detects a chain rewritten from scratch.
 */
export async function verifyAuditChain(
  db: Database,
  options: { batchSize?: number; anchor?: { seq: number; hash: string } } = {},
): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 5_000;
  const head = await db.selectFrom("audit_chain_head").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirst();
  const last = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  const pendingRow = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("seq", "is", null)
    .executeTakeFirst();
  const pending = Number(pendingRow?.n ?? 0);
  const fail = (problem: ChainProblem): ChainReport => ({
    ok: false,
    checked,
    head: head ? { seq: head.seq, hash: head.hash } : last,
    pending,
    problem,
  });
  if (!head)
    return fail({ kind: "head_mismatch", seq: null, id: null, message: "The audit chain head row is missing." });

  let anchorSeen = false;
  for (;;) {
    const rows = await readBatch(db, last.seq, batchSize);
    for (const row of rows) {
      const expectedSeq = last.seq + 1;
      if (row.seq !== expectedSeq) {
        return fail({
          kind: "missing",
          seq: expectedSeq,
          id: null,
          message: `Audit row #${expectedSeq} of the chain is missing (deleted); the next row present is #${row.seq} (id ${row.id}).`,
        });
      }
      if (row.prev_hash !== last.hash) {
        return fail({
          kind: "broken_link",
          seq: row.seq,
          id: row.id,
          message: `Audit row #${row.seq} (id ${row.id}) does not follow row #${last.seq}: rows were removed, inserted or reordered.`,
        });
      }
      const expected = linkHash(last.hash, row.seq, canonicalAuditRow(row.fields));
      if (row.hash !== expected) {
        return fail({
          kind: "edited",
          seq: row.seq,
          id: row.id,
          message: `Audit row #${row.seq} (id ${row.id}) was changed after it was written.`,
        });
      }
      if (options.anchor && options.anchor.seq === row.seq) {
        if (options.anchor.hash !== row.hash) {
          return fail({
            kind: "anchor_mismatch",
            seq: row.seq,
            id: row.id,
            message: `Audit row #${row.seq} does not match the anchor kept outside the database: the chain was rewritten.`,
          });
        }
        anchorSeen = true;
      }
      last.seq = row.seq;
      last.hash = row.hash;
      checked++;
    }
    if (rows.length < batchSize) break;
  }

  if (head.seq !== last.seq || head.hash !== last.hash) {
    return fail({
      kind: "head_mismatch",
      seq: head.seq,
      id: null,
      message: `The chain head says #${head.seq} but the last row present is #${last.seq}: the newest rows were deleted or the head was altered.`,
    });
  }
  if (options.anchor && !anchorSeen) {
    return fail({
      kind: "anchor_mismatch",
      seq: options.anchor.seq,
      id: null,
      message: `Audit row #${options.anchor.seq} named by the anchor is not in the chain.`,
    });
  }
  return { ok: true, checked, head: { seq: last.seq, hash: last.hash }, pending, problem: null };
}
