import type { RefillProtocol, RefillProtocolInput, RefillProtocolView } from "@portico/contracts";
import type { Database } from "../../db/database.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import type { AuditLog } from "../../platform/audit/audit-log.ts";
import { currentContext } from "../../platform/context.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { currentDb, inTransaction } from "../../platform/transaction.ts";
import type { ProtocolRules } from "./protocol-engine.ts";

type Row = {
  version: number;
  classes: unknown;
  visit_window_days: number;
  lab_requirements: unknown;
  early_refill_fraction: number;
  created_at: Date;
  created_by_name: string | null;
};

const asArray = <T>(value: unknown): T[] => (typeof value === "string" ? JSON.parse(value) : (value as T[])) ?? [];

function present(row: Row): RefillProtocol {
  return {
    version: row.version,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    classes: asArray(row.classes),
    visitWindowDays: row.visit_window_days,
    labRequirements: asArray(row.lab_requirements),
    earlyRefillFraction: Number(row.early_refill_fraction),
  };
}

/** The clinic's refill protocol: read by clinicians and the engine, edited by admins (each save a new version). */
export class RefillProtocolService {
  readonly #db: Database;
  readonly #access: AccessService;
  readonly #audit: AuditLog;

  constructor(deps: { db: Database; access: AccessService; audit: AuditLog }) {
    this.#db = deps.db;
    this.#access = deps.access;
    this.#audit = deps.audit;
  }

  #select(db = currentDb(this.#db)) {
    return db
      .selectFrom("refill_protocols as rp")
      .leftJoin("users as u", "u.id", "rp.created_by")
      .select([
        "rp.version",
        "rp.classes",
        "rp.visit_window_days",
        "rp.lab_requirements",
        "rp.early_refill_fraction",
        "rp.created_at",
        "u.display_name as created_by_name",
      ]);
  }

  /** The version in force (the newest), for the engine and the queue. */
  async current(): Promise<RefillProtocol & ProtocolRules> {
    const row = await this.#select().orderBy("rp.version", "desc").limit(1).executeTakeFirstOrThrow();
    return present(row);
  }

  /** The rules of one version (for reading what decided an item; the caller has checked access), else the current. */
  async rulesAt(version: number): Promise<RefillProtocol & ProtocolRules> {
    const row = await this.#select().where("rp.version", "=", version).executeTakeFirst();
    return row ? present(row) : this.current();
  }

  async view(): Promise<RefillProtocolView> {
    const actor = await this.#access.authorizeStaff(["admin", "nurse", "physician"], {
      resourceType: "refill_protocol",
      action: "read",
    });
    const rows = await this.#select().orderBy("rp.version", "desc").execute();
    const [current] = rows;
    if (!current) throw new Error("no refill protocol: migration 0021 inserts version 1");
    return {
      current: present(current),
      versions: rows.map((r) => ({
        version: r.version,
        createdAt: r.created_at.toISOString(),
        createdBy: r.created_by_name,
      })),
      abilities: { canEdit: actor.kind === "system" || actor.roles.includes("admin") },
    };
  }

  async version(version: number): Promise<RefillProtocol> {
    await this.#access.authorizeStaff(["admin", "nurse", "physician"], {
      resourceType: "refill_protocol",
      action: "read",
    });
    const row = await this.#select().where("rp.version", "=", version).executeTakeFirst();
    if (!row) throw notFound("protocol version");
    return present(row);
  }

  /** Saves the whole protocol as the next version. */
  async save(input: RefillProtocolInput): Promise<RefillProtocol> {
    await this.#access.authorizeStaff("admin", { resourceType: "refill_protocol", action: "update" });
    const problems: { field: string; problem: string }[] = [];
    const codes = new Set<string>();
    input.classes.forEach((c, i) => {
      if (codes.has(c.code)) problems.push({ field: `classes.${i}.code`, problem: "appears twice" });
      codes.add(c.code);
    });
    input.labRequirements.forEach((l, i) => {
      if (!codes.has(l.classCode)) {
        problems.push({ field: `labRequirements.${i}.classCode`, problem: "is not one of the protocol's classes" });
      }
    });
    if (problems.length) throw new DomainError("validation_failed", "Please correct the protocol.", problems);
    const userId = currentContext().actor.userId;
    return inTransaction(this.#db, async (trx) => {
      // one writer at a time: the next version number is taken under the table lock
      await trx
        .selectFrom("refill_protocols")
        .select("version")
        .orderBy("version", "desc")
        .limit(1)
        .forUpdate()
        .execute();
      const last = await trx
        .selectFrom("refill_protocols")
        .select((eb) => eb.fn.max("version").as("v"))
        .executeTakeFirstOrThrow();
      const version = Number(last.v ?? 0) + 1;
      await trx
        .insertInto("refill_protocols")
        .values({
          version,
          classes: JSON.stringify(input.classes),
          visit_window_days: input.visitWindowDays,
          lab_requirements: JSON.stringify(input.labRequirements),
          early_refill_fraction: input.earlyRefillFraction,
          created_by: userId,
        })
        .execute();
      await this.#audit.record({
        action: "create",
        resourceType: "refill_protocol",
        resourceId: null,
        details: { version, classes: input.classes.length, labRequirements: input.labRequirements.length },
      });
      return present(await this.#select(trx).where("rp.version", "=", version).executeTakeFirstOrThrow());
    });
  }
}
