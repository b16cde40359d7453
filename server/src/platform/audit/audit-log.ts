import { type Insertable, sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { AuditLogTable, AuditOutcome } from "../../db/tables/audit.ts";
import type { Clock } from "../clock.ts";
import { type Actor, maybeContext, type RequestContext } from "../context.ts";
import type { Logger } from "../logging.ts";
import { AuditAppender } from "./audit-appender.ts";

/** Identifiers, codes and counts only — never names, contact details, free text or clinical values. */
export type AuditDetails = Record<string, string | number | boolean | null | readonly string[]>;

export interface AuditEntry {
  /** what happened: read, create, update, delete, login, login_failed, search, … */
  action: string;
  /** the kind of record: profile, appointment, message_thread, session, audit_log, … */
  resourceType: string;
  resourceId?: string | null;
  /** the patient whose data this is about, if any */
  patientId?: string | null;
  /** set when a proxy acted for the patient */
  proxyGrantId?: string | null;
  /** the capacity the actor acted in: patient, proxy, front_desk, nurse, physician, admin, system */
  actingAs?: string | null;
  outcome?: AuditOutcome;
  details?: AuditDetails;
  /** the account concerned when nobody is signed in yet (e.g. a failed login for a known email) */
  subjectUserId?: string | null;
}

const MAX_DETAILS_BYTES = 2_000;
const NAME = /^[a-z][a-z0-9_.:-]{0,59}$/;

/**
 * Appends to the audit log (SPEC §4): who (from the request context), acting for whom, what,
 * which record, outcome, when, from where, request id. Rows are linked into the hash chain
 * shortly after they commit by the sequencer (`linkPending`, run by `startLinker` in the
 * worker); see migrations/0004_audit.sql for why.
 */
export class AuditLog {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #logger: Logger | undefined;
  readonly #pending = new WeakMap<RequestContext, Insertable<AuditLogTable>[]>();
  /** rows written outside a transaction: one INSERT and commit for every row that arrives meanwhile */
  readonly #appender: AuditAppender;
  readonly #withWork = new WeakMap<RequestContext, Insertable<AuditLogTable>[]>();

  constructor(deps: { db: Database; clock: Clock; logger?: Logger }) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#appender = new AuditAppender(deps.db);
  }

  /**
   * Records an event as part of the open transaction, if any: it commits or rolls back with
   * the work it describes. Use for successful reads and writes.
   */
  async record(entry: AuditEntry): Promise<void> {
    const row = this.#row(entry);
    const context = maybeContext();
    if (context?.auditWithWork && !context.trx) {
      // the work has not started yet (an access check before the write's transaction): the row
      // joins the request's next transaction, so it cannot say "success" for a write that rolled back
      const held = this.#withWork.get(context);
      if (held) {
        held.push(row);
        return;
      }
      this.#withWork.set(context, [row]);
      context.withNextTransaction = [
        ...(context.withNextTransaction ?? []),
        async (trx) => {
          const rows = this.#withWork.get(context);
          this.#withWork.delete(context);
          if (rows?.length) await trx.insertInto("audit_log").values(rows).execute();
        },
      ];
      return;
    }
    const trx = context?.trx;
    if (trx) await trx.insertInto("audit_log").values(row).execute();
    else await this.#appender.append([row]);
  }

  /**
   * Records an event that must be kept even when the surrounding work fails: authorization
   * failures, failed logins. Outside a transaction it is written at once; inside one it is
   * held and written by `flushPending` once the transaction is over (the HTTP layer calls it
   * before the response leaves), so a rollback cannot erase it.
   */
  async recordIndependent(entry: AuditEntry): Promise<void> {
    const row = this.#row(entry);
    const context = maybeContext();
    if (context?.trx) {
      const pending = this.#pending.get(context);
      if (pending) pending.push(row);
      else this.#pending.set(context, [row]);
      return;
    }
    await this.#appender.append([row]);
  }

  /**
   * Writes the events `recordIndependent` held back during a transaction, and, when the request
   * `succeeded`, the rows `record` held for a transaction that never opened (work done without
   * one, e.g. a read). Rows held for work that failed are dropped. Throws only when the rows of
   * a successful request could not be committed: the response must then not leave (the HTTP
   * layer answers with an error instead), since no patient data goes out unaudited.
   */
  /** Whether `flushPending` has anything to write for this request (most requests: nothing). */
  hasPending(context: RequestContext | undefined): boolean {
    return context !== undefined && (this.#pending.has(context) || this.#withWork.has(context));
  }

  async flushPending(context: RequestContext | undefined, succeeded = true): Promise<void> {
    if (!context) return;
    const withWork = this.#withWork.get(context);
    this.#withWork.delete(context);
    const rows = [...(this.#pending.get(context) ?? []), ...(succeeded ? (withWork ?? []) : [])];
    if (rows.length === 0) return;
    this.#pending.delete(context);
    try {
      await this.#appender.append(rows);
    } catch (error) {
      this.#logger?.error(
        { err: { type: (error as Error).name, code: (error as { code?: string }).code }, count: rows.length },
        "could not write held audit events",
      );
      if (succeeded && withWork?.length) throw error;
    }
  }

  /**
   * Links committed rows into the hash chain, up to `maxRows` per transaction, until none are
   * left; returns how many. Safe to run from any number of processes: one links at a time.
   */
  async linkPending(maxRows = 5_000): Promise<number> {
    let total = 0;
    for (;;) {
      const { rows } = await sql<{ linked: number }>`select audit_link_pending(${maxRows}::int) as linked`.execute(
        this.#db,
      );
      const linked = rows[0]?.linked ?? 0;
      total += linked;
      if (linked < maxRows) return total;
    }
  }

  /** The sequencer loop for the worker: links new rows every `intervalMs`. */
  startLinker(options: { intervalMs?: number } = {}): { stop(): Promise<void> } {
    const intervalMs = options.intervalMs ?? 1_000;
    let stopping = false;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    // runs that failed in a row (the database restarting): back off up to 10 s, log the first
    // failure, every tenth and the recovery (`sqlState`: the logger censors fields named code)
    let failures = 0;
    const tick = () => {
      running = this.linkPending()
        .then(() => {
          if (failures > 0) this.#logger?.info({ failedRuns: failures }, "audit chain linking again");
          failures = 0;
        })
        .catch((error: unknown) => {
          failures++;
          if (failures === 1 || failures % 10 === 0) {
            this.#logger?.warn(
              {
                err: { type: (error as Error).name, sqlState: (error as { code?: string }).code },
                failedRuns: failures,
              },
              "audit chain linking failed; will retry",
            );
          }
        })
        .finally(() => {
          const delay = failures === 0 ? intervalMs : Math.min(intervalMs * 2 ** (failures - 1), 10_000);
          if (!stopping) timer = setTimeout(tick, delay);
        });
    };
    timer = setTimeout(tick, 0);
    return {
      stop: async () => {
        stopping = true;
        if (timer) clearTimeout(timer);
        await running;
      },
    };
  }

  #row(entry: AuditEntry): Insertable<AuditLogTable> {
    if (!NAME.test(entry.action))
      throw new Error(`audit action must be a short snake_case name, got "${entry.action}"`);
    if (!NAME.test(entry.resourceType))
      throw new Error(`audit resourceType must be a short name, got "${entry.resourceType}"`);
    const context = maybeContext();
    if (!context) throw new Error("audit: no request context (use runWithContext or systemContext)");
    const actor: Actor = context.actor;
    const details = JSON.stringify(
      context.app ? { ...entry.details, app: context.app.clientId } : (entry.details ?? {}),
    );
    if (details.length > MAX_DETAILS_BYTES) throw new Error("audit details are too large; record identifiers only");
    const roles: string[] = [...actor.roles];
    if (actor.patientId) roles.unshift("patient");
    return {
      at: this.#clock.now(),
      actor_user_id: actor.userId ?? entry.subjectUserId ?? null,
      actor_kind: actor.kind,
      actor_system_name: actor.kind === "system" ? (actor.systemName ?? "system") : null,
      actor_roles: roles,
      acting_as: entry.actingAs ?? (actor.kind === "system" ? "system" : null),
      patient_id: entry.patientId ?? null,
      proxy_grant_id: entry.proxyGrantId ?? null,
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId == null ? null : String(entry.resourceId).slice(0, 200),
      outcome: entry.outcome ?? "success",
      ip: context.ip || null,
      user_agent: context.userAgent?.slice(0, 300) ?? null,
      request_id: context.requestId,
      details,
    };
  }
}
