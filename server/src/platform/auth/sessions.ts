import { type ExpressionBuilder, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { Config } from "../../config.ts";
import { compiledQuery } from "../../db/compiled-query.ts";
import type { Database } from "../../db/database.ts";
import type { DB } from "../../db/schema.ts";
import type { SessionState } from "../../db/tables/identity.ts";
import type { ProxyRelationship, ProxyScope, StaffRole } from "../../db/tables/people.ts";
import type { Clock } from "../clock.ts";
import type { Actor, ActorGrant } from "../context.ts";
import { currentDb } from "../transaction.ts";
import { randomToken, sha256 } from "./tokens.ts";

/** A session that has passed the password step but not yet MFA lives at most this long. */
const PARTIAL_SESSION_MS = 10 * 60_000;
/** `last_seen_at` is written at most this often, so most authenticated reads write nothing. */
const TOUCH_INTERVAL_MS = 60_000;
/** due `last_seen_at` writes are gathered this long and written in one statement */
const TOUCH_FLUSH_MS = 1_000;

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: "en" | "es";
  mfaEnabled: boolean;
}

export interface AuthenticatedSession {
  id: string;
  state: SessionState;
  csrfToken: string;
  idleTimeoutSeconds: number;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  reauthenticatedUntil: Date | null;
  mfaFailures: number;
  user: SessionUser;
  /** the full actor; for a session still awaiting MFA it carries no roles, patient or grants */
  actor: Actor;
}

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
}

export interface SessionListing {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

type PatientJson = { id: string; date_of_birth: string; status: "active" | "pending_verification" | "rejected" };

type GrantJson = {
  id: string;
  patient_id: string;
  relationship: ProxyRelationship;
  scopes: ProxyScope[];
  starts_at: string;
  ends_at: string | null;
};

/**
 * What makes a user an actor besides their own row (`u`): their patient record, provider
 * record, staff roles and unrevoked proxy grants, as subqueries of one select.
 */
function actorColumns<T extends { u: DB["users"] }>(eb: ExpressionBuilder<DB & T, "u">) {
  const e = eb as unknown as ExpressionBuilder<DB & { u: DB["users"] }, "u">;
  return [
    jsonObjectFrom(
      e
        .selectFrom("patients as p")
        .select(["p.id", "p.date_of_birth", "p.status"])
        .whereRef("p.user_id", "=", "u.id")
        .where("p.status", "!=", "merged")
        .limit(1),
    ).as("patient"),
    e.selectFrom("providers as pr").select("pr.id").whereRef("pr.user_id", "=", "u.id").limit(1).as("provider_id"),
    jsonArrayFrom(e.selectFrom("user_roles as r").select("r.role").whereRef("r.user_id", "=", "u.id")).as("roles"),
    jsonArrayFrom(
      e
        .selectFrom("proxy_grants as g")
        .select(["g.id", "g.patient_id", "g.relationship", "g.scopes", "g.starts_at", "g.ends_at"])
        .whereRef("g.proxy_user_id", "=", "u.id")
        .where("g.revoked_at", "is", null),
    ).as("grants"),
  ] as const;
}

interface ActorColumns {
  patient: unknown;
  provider_id: string | null;
  roles: unknown;
  grants: unknown;
}

/** an actor from a user's row and `actorColumns`; `full` false: no roles, patient or grants (awaiting MFA) */
function actorFrom(
  row: ActorColumns & { user_id: string; display_name: string },
  full: boolean,
  sessionId?: string,
): Actor {
  const roles = (row.roles as { role: StaffRole }[]).map((r) => r.role);
  const grants: ActorGrant[] = (row.grants as GrantJson[]).map((g) => ({
    grantId: g.id,
    patientId: g.patient_id,
    relationship: g.relationship,
    scopes: g.scopes,
    startsAt: new Date(g.starts_at),
    endsAt: g.ends_at === null ? null : new Date(g.ends_at),
  }));
  const patient = full ? (row.patient as PatientJson | null) : null;
  return Object.freeze({
    kind: "user",
    userId: row.user_id,
    ...(sessionId === undefined ? {} : { sessionId }),
    displayName: row.display_name,
    roles: full ? roles : [],
    patientId: patient?.id ?? null,
    ...(patient ? { ownPatient: { id: patient.id, dateOfBirth: patient.date_of_birth, status: patient.status } } : {}),
    providerId: full ? (row.provider_id ?? null) : null,
    grants: full ? grants : [],
  });
}

/**
 * An active user as an actor, loaded as a session loads it (without a session): e.g. for a
 * connected app's access token. Undefined for a user who is unknown or not active.
 */
export async function loadUserActor(db: Database, userId: string): Promise<Actor | undefined> {
  const [row] = await userActorQuery(currentDb(db), { userId });
  return row?.status === "active" ? actorFrom(row as typeof row & ActorColumns, true) : undefined;
}

/** A user's actor columns, prepared once: every connected app's request asks it. */
const userActorQuery = compiledQuery("portico_user_actor", (db, { userId }: { userId: string }) =>
  db
    .selectFrom("users as u")
    .select((eb) => ["u.id as user_id", "u.display_name", "u.status", ...actorColumns(eb)])
    .where("u.id", "=", userId),
);

/** The one query that turns a cookie into a session and its actor (see `authenticate`), prepared once. */
const sessionQuery = compiledQuery("portico_session", (db, { tokenHash }: { tokenHash: string }) =>
  db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select((eb) => [
      "s.id",
      "s.user_id",
      "s.state",
      "s.csrf_token",
      "s.idle_timeout_seconds",
      "s.created_at",
      "s.last_seen_at",
      "s.absolute_expires_at",
      "s.reauthenticated_until",
      "s.mfa_failures",
      "u.email",
      "u.display_name",
      "u.locale",
      "u.status",
      "u.mfa_enabled_at",
      ...actorColumns(eb),
    ])
    .where("s.token_hash", "=", tokenHash),
);

type SessionRow = Awaited<ReturnType<typeof sessionQuery>>[number];

/**
 * Server-side sessions. The cookie holds a 256-bit random token; only its SHA-256 is stored,
 * so a copy of the database cannot be replayed as a login.
 */
export class SessionStore {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #config: Config;
  /** session id → the `last_seen_at` to write with the next batch */
  readonly #touches = new Map<string, Date>();
  #touchTimer: NodeJS.Timeout | undefined;
  #touchWrite: Promise<void> = Promise.resolve();
  constructor(db: Database, clock: Clock, config: Config) {
    this.#db = db;
    this.#clock = clock;
    this.#config = config;
  }

  async #findSession(tokenHash: string): Promise<SessionRow | undefined> {
    const [row] = await sessionQuery(this.#db, { tokenHash });
    return row;
  }

  idleTimeoutSeconds(isStaff: boolean): number {
    const minutes = isStaff ? this.#config.session.idleMinutesStaff : this.#config.session.idleMinutesPatient;
    return minutes * 60;
  }

  #fullLifetimeEnd(createdAt: Date): Date {
    return new Date(createdAt.getTime() + this.#config.session.absoluteHours * 3_600_000);
  }

  async create(
    userId: string,
    options: { state: SessionState; isStaff: boolean; ip: string | null; userAgent: string | null },
  ): Promise<NewSession> {
    const now = this.#clock.now();
    const token = randomToken();
    const csrfToken = randomToken();
    const absolute =
      options.state === "active"
        ? this.#fullLifetimeEnd(now)
        : new Date(Math.min(now.getTime() + PARTIAL_SESSION_MS, this.#fullLifetimeEnd(now).getTime()));
    const { id } = await currentDb(this.#db)
      .insertInto("sessions")
      .values({
        user_id: userId,
        token_hash: sha256(token),
        csrf_token: csrfToken,
        state: options.state,
        idle_timeout_seconds: this.idleTimeoutSeconds(options.isStaff),
        created_at: now,
        last_seen_at: now,
        absolute_expires_at: absolute,
        ip_address: options.ip?.slice(0, 64) ?? null,
        user_agent: options.userAgent?.slice(0, 300) ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id, token, csrfToken };
  }

  /**
   * The session a cookie token belongs to, with everything the actor needs, in one indexed
   * query. Expired sessions (idle or absolute) and sessions of disabled users are deleted.
   */
  async authenticate(token: string): Promise<AuthenticatedSession | undefined> {
    if (token.length < 20 || token.length > 100) return undefined;
    const row = await this.#findSession(sha256(token));
    if (!row) return undefined;

    const now = this.#clock.now();
    // activity this process has seen but not written yet counts as written
    const queued = this.#touches.get(row.id);
    if (queued && queued > row.last_seen_at) row.last_seen_at = queued;
    const idleExpiresAt = new Date(row.last_seen_at.getTime() + row.idle_timeout_seconds * 1000);
    if (row.status !== "active" || now >= idleExpiresAt || now >= row.absolute_expires_at) {
      await this.#db.deleteFrom("sessions").where("id", "=", row.id).execute();
      return undefined;
    }
    let lastSeenAt = row.last_seen_at;
    if (now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      lastSeenAt = now;
      this.#queueTouch(row.id, now);
    }

    const user: SessionUser = {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      mfaEnabled: row.mfa_enabled_at !== null,
    };
    const actor = actorFrom(row, row.state === "active", row.id);
    return {
      id: row.id,
      state: row.state,
      csrfToken: row.csrf_token,
      idleTimeoutSeconds: row.idle_timeout_seconds,
      createdAt: row.created_at,
      lastSeenAt,
      idleExpiresAt: new Date(lastSeenAt.getTime() + row.idle_timeout_seconds * 1000),
      absoluteExpiresAt: row.absolute_expires_at,
      reauthenticatedUntil: row.reauthenticated_until,
      mfaFailures: row.mfa_failures,
      user,
      actor,
    };
  }

  /**
   * A new token (and CSRF token) for an existing session, e.g. when MFA completes: the
   * privilege changes, so a token seen before cannot be used afterwards.
   */
  async rotate(sessionId: string, state: SessionState, isStaff: boolean): Promise<NewSession> {
    const now = this.#clock.now();
    const token = randomToken();
    const csrfToken = randomToken();
    const session = await currentDb(this.#db)
      .selectFrom("sessions")
      .select("created_at")
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    await currentDb(this.#db)
      .updateTable("sessions")
      .set({
        token_hash: sha256(token),
        csrf_token: csrfToken,
        state,
        last_seen_at: now,
        mfa_failures: 0,
        idle_timeout_seconds: this.idleTimeoutSeconds(isStaff),
        absolute_expires_at:
          state === "active" ? this.#fullLifetimeEnd(session.created_at) : new Date(now.getTime() + PARTIAL_SESSION_MS),
      })
      .where("id", "=", sessionId)
      .execute();
    return { id: sessionId, token, csrfToken };
  }

  /**
   * Activity is written in batches: at most once a minute per session, gathered for a second
   * and written in one UPDATE for all sessions. Idle timeouts are minutes long, so a second's
   * delay cannot end a session early; a lost batch (a crash) costs at most that much activity.
   */
  #queueTouch(sessionId: string, at: Date): void {
    this.#touches.set(sessionId, at);
    if (this.#touchTimer) return;
    this.#touchTimer = setTimeout(() => {
      this.#touchTimer = undefined;
      void this.flushTouches();
    }, TOUCH_FLUSH_MS);
    this.#touchTimer.unref();
  }

  /** Writes the queued `last_seen_at` values now (also on shutdown). Never throws. */
  async flushTouches(): Promise<void> {
    if (this.#touchTimer) {
      clearTimeout(this.#touchTimer);
      this.#touchTimer = undefined;
    }
    const due = [...this.#touches];
    if (due.length === 0) return this.#touchWrite;
    const ids = due.map(([id]) => id);
    const times = due.map(([, at]) => at.toISOString());
    this.#touchWrite = this.#touchWrite.then(async () => {
      try {
        await sql`update sessions s set last_seen_at = t.at
          from unnest(${ids}::uuid[], ${times}::timestamptz[]) as t(id, at)
          where s.id = t.id and s.last_seen_at < t.at`.execute(this.#db);
      } catch {
        // kept queued (and still counted by authenticate) for the next batch
        const first = due[0] as [string, Date];
        this.#queueTouch(first[0], this.#touches.get(first[0]) ?? first[1]);
        return;
      }
      // entries stay queued until written, so authenticate counts them meanwhile
      for (const [id, at] of due) if (this.#touches.get(id) === at) this.#touches.delete(id);
    });
    return this.#touchWrite;
  }

  /** Keeps a session alive (the idle warning's "stay signed in"). */
  async touch(sessionId: string): Promise<Date> {
    const now = this.#clock.now();
    await currentDb(this.#db).updateTable("sessions").set({ last_seen_at: now }).where("id", "=", sessionId).execute();
    return now;
  }

  async markReauthenticated(sessionId: string, until: Date): Promise<void> {
    await currentDb(this.#db)
      .updateTable("sessions")
      .set({ reauthenticated_until: until })
      .where("id", "=", sessionId)
      .execute();
  }

  /** One more wrong MFA code on this session; returns the new count. */
  async countMfaFailure(sessionId: string): Promise<number> {
    const row = await currentDb(this.#db)
      .updateTable("sessions")
      .set((eb) => ({ mfa_failures: eb("mfa_failures", "+", 1) }))
      .where("id", "=", sessionId)
      .returning("mfa_failures")
      .executeTakeFirst();
    return row?.mfa_failures ?? Number.POSITIVE_INFINITY;
  }

  async delete(sessionId: string): Promise<void> {
    await currentDb(this.#db).deleteFrom("sessions").where("id", "=", sessionId).execute();
  }

  async deleteByToken(token: string): Promise<void> {
    await currentDb(this.#db).deleteFrom("sessions").where("token_hash", "=", sha256(token)).execute();
  }

  /** Ends every session of a user, or every one but `exceptId`; returns how many ended. */
  async deleteAllForUser(userId: string, exceptId?: string): Promise<number> {
    let query = currentDb(this.#db).deleteFrom("sessions").where("user_id", "=", userId);
    if (exceptId) query = query.where("id", "!=", exceptId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The user's live sessions, newest activity first; expired ones are removed on the way. */
  async list(userId: string): Promise<SessionListing[]> {
    const now = this.#clock.now();
    const rows = await currentDb(this.#db)
      .selectFrom("sessions")
      .select([
        "id",
        "created_at",
        "last_seen_at",
        "idle_timeout_seconds",
        "absolute_expires_at",
        "ip_address",
        "user_agent",
        "state",
      ])
      .where("user_id", "=", userId)
      .orderBy("last_seen_at", "desc")
      .execute();
    const live = rows.filter(
      (r) => r.last_seen_at.getTime() + r.idle_timeout_seconds * 1000 > now.getTime() && r.absolute_expires_at > now,
    );
    const expired = rows.filter((r) => !live.includes(r)).map((r) => r.id);
    if (expired.length) await currentDb(this.#db).deleteFrom("sessions").where("id", "in", expired).execute();
    return live
      .filter((r) => r.state === "active")
      .map((r) => ({
        id: r.id,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        ipAddress: r.ip_address,
        userAgent: r.user_agent,
      }));
  }
}
