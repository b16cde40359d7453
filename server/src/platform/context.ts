import { AsyncLocalStorage } from "node:async_hooks";
import type { Transaction } from "kysely";
import type { DB } from "../db/schema.ts";
import type { ProxyRelationship, ProxyScope, StaffRole } from "../db/tables/people.ts";

/** An unrevoked proxy grant held by the actor; the access policy decides if it is in force now. */
export interface ActorGrant {
  grantId: string;
  patientId: string;
  relationship: ProxyRelationship;
  scopes: readonly ProxyScope[];
  startsAt: Date;
  endsAt: Date | null;
}

/**
 * Who is acting. Identity fills `userId`/`roles`/`patientId` from the session; jobs, seed
 * and migrations act as the named `SYSTEM_ACTOR` so privileged access is easy to find.
 */
export interface Actor {
  kind: "anonymous" | "user" | "system";
  userId: string | null;
  /** set when kind === "system": what job or command is acting */
  systemName?: string;
  sessionId?: string;
  displayName?: string;
  /** staff roles held by the user (holding a patient record is `patientId`, not a role) */
  roles: readonly StaffRole[];
  /** the patient record linked to this login, if any */
  patientId: string | null;
  /**
   * That record's access facts (birth date, status), read with the session in the same
   * statement: the access gate decides on a patient's own record without another query.
   */
  ownPatient?: { id: string; dateOfBirth: string; status: "active" | "pending_verification" | "rejected" };
  /** the provider record of a physician's login, if any */
  providerId: string | null;
  grants: readonly ActorGrant[];
}

export const ANONYMOUS: Actor = Object.freeze({
  kind: "anonymous",
  userId: null,
  roles: [],
  patientId: null,
  providerId: null,
  grants: [],
});

export const systemActor = (name: string): Actor =>
  Object.freeze({
    kind: "system",
    userId: null,
    systemName: name,
    roles: [],
    patientId: null,
    providerId: null,
    grants: [],
  });

export interface RequestContext {
  requestId: string;
  ip: string;
  userAgent: string | undefined;
  actor: Actor;
  /** the connected app acting for the user (a SMART token), named in every audit row of the request */
  app?: { clientId: string };
  /** the patient the request acts for (path `:patientId`), once access to it is checked */
  actingForPatientId?: string;
  /** the open transaction, when one is in progress: `inTransaction` reuses it */
  trx?: Transaction<DB>;
  /**
   * The request's own transaction, held open from the Idempotency-Key check until the response
   * is recorded in it (platform/idempotency): the work and its recorded outcome commit together.
   */
  requestTrx?: Transaction<DB>;
  /** set while a unit of work runs under a savepoint of `requestTrx` */
  unitOpen?: boolean;
  /**
   * Writes that must commit with the next transaction of this request, not before it (audit
   * rows of an allowed write checked before its transaction opened). `inTransaction` runs them
   * first thing inside that transaction.
   */
  withNextTransaction?: ((trx: Transaction<DB>) => Promise<void>)[];
  /**
   * HTTP requests: an audit row recorded while no transaction is open waits for the request's
   * next transaction (it commits with the work it describes) or, if none opens, for a
   * successful response; it is dropped when the request fails (audit-log.ts).
   */
  auditWithWork?: boolean;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext {
  const context = storage.getStore();
  if (!context) throw new Error("no request context: wrap the call in runWithContext");
  return context;
}

export function maybeContext(): RequestContext | undefined {
  return storage.getStore();
}

/** For jobs and commands: a context with a named system actor. */
export function systemContext(name: string): RequestContext {
  return { requestId: `system:${name}`, ip: "127.0.0.1", userAgent: undefined, actor: systemActor(name) };
}
