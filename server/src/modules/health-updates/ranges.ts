import {
  type FlagRange,
  type FlagRanges,
  RANGE_KEYS,
  type RangeKey,
  type SaveFlagRangesRequest,
} from "@portico/contracts";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import type { Clock } from "../../platform/clock.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import { checkRanges, DEFAULT_RANGES, type Ranges, rangeMap } from "./flagging.ts";

type Db = ReturnType<typeof currentDb>;

/** The canonical unit each range is kept in (shown beside the limits). */
export const RANGE_UNITS: Record<RangeKey, string> = {
  systolic: "mmHg",
  diastolic: "mmHg",
  heart_rate: "bpm",
  weight: "kg",
  glucose: "mg/dL",
  temperature: "C",
  spo2: "%",
  phq9: "score",
  gad7: "score",
};

/** The clinic's flag ranges: read by the flagging of every update, edited by admins. */
export class FlagRangeService {
  readonly #d: { db: Database; clock: Clock; access: AccessService; audit: AuditLog };

  constructor(deps: { db: Database; clock: Clock; access: AccessService; audit: AuditLog }) {
    this.#d = deps;
  }

  /** The ranges now in force (the defaults for a key with no row). */
  async current(db: Db = currentDb(this.#d.db)): Promise<Ranges> {
    const rows = await db.selectFrom("health_flag_ranges").selectAll().execute();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return rangeMap(
      DEFAULT_RANGES.map((d) => {
        const r = byKey.get(d.key);
        return r
          ? {
              key: d.key,
              urgentBelow: num(r.urgent_below),
              attentionBelow: num(r.attention_below),
              attentionAtOrAbove: num(r.attention_at_or_above),
              urgentAtOrAbove: num(r.urgent_at_or_above),
            }
          : d;
      }),
    );
  }

  async get(): Promise<FlagRanges> {
    await this.#d.access.authorizeStaff(["admin", "nurse", "physician"], { resourceType: "health_flag_ranges" });
    return this.#present();
  }

  async save(input: SaveFlagRangesRequest): Promise<FlagRanges> {
    await this.#d.access.authorizeStaff("admin", { resourceType: "health_flag_ranges", action: "update" });
    const problems = checkRanges(input.ranges, RANGE_KEYS);
    if (problems.length > 0) {
      throw new DomainError("validation_failed", "Some limits are out of order or missing.", problems);
    }
    const actor = currentContext().actor;
    await inTransaction(this.#d.db, async (trx) => {
      for (const r of input.ranges) {
        await trx
          .insertInto("health_flag_ranges")
          .values({
            key: r.key,
            urgent_below: r.urgentBelow,
            attention_below: r.attentionBelow,
            attention_at_or_above: r.attentionAtOrAbove,
            urgent_at_or_above: r.urgentAtOrAbove,
            updated_by: actor.userId,
            updated_at: this.#d.clock.now(),
          })
          .onConflict((oc) =>
            oc.column("key").doUpdateSet((eb) => ({
              urgent_below: eb.ref("excluded.urgent_below"),
              attention_below: eb.ref("excluded.attention_below"),
              attention_at_or_above: eb.ref("excluded.attention_at_or_above"),
              urgent_at_or_above: eb.ref("excluded.urgent_at_or_above"),
              updated_by: eb.ref("excluded.updated_by"),
              updated_at: eb.ref("excluded.updated_at"),
            })),
          )
          .execute();
      }
      await this.#d.audit.record({ action: "update", resourceType: "health_flag_ranges", details: {} });
    });
    return this.#present();
  }

  async #present(): Promise<FlagRanges> {
    const db = currentDb(this.#d.db);
    const ranges = await this.current(db);
    const last = await db
      .selectFrom("health_flag_ranges as r")
      .leftJoin("users as u", "u.id", "r.updated_by")
      .select(["r.updated_at", "u.display_name"])
      .where("r.updated_at", "is not", null)
      .orderBy("r.updated_at", "desc")
      .limit(1)
      .executeTakeFirst();
    const actor = currentContext().actor;
    return {
      ranges: RANGE_KEYS.map((key) => ({ ...(ranges.get(key) as FlagRange), unit: RANGE_UNITS[key] })),
      updatedAt: last?.updated_at ? last.updated_at.toISOString() : null,
      updatedBy: last?.display_name ?? null,
      abilities: { canEdit: actor.kind === "system" || actor.roles.includes("admin") },
    };
  }
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));
