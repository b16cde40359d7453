import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { Clock } from "../clock.ts";
import type { FieldCipher } from "../crypto.ts";
import { DomainError } from "../errors.ts";
import type { Logger } from "../logging.ts";
import { beginRequestTransaction, endRequestTransaction } from "../transaction.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** `false`: the route ignores Idempotency-Key (e.g. login, whose cookie cannot be replayed) */
    idempotent?: false;
  }
  interface FastifyRequest {
    idempotencyClaim: IdempotencyClaim | null;
  }
}

interface IdempotencyClaim {
  scope: string;
  key: string;
  method: string;
  path: string;
  hash: string;
  createdAt: Date;
  /** the handler, a later hook or the error handler failed: the work is rolled back, nothing kept */
  failed: boolean;
  settled: boolean;
}

/** 1–200 printable ASCII characters (RFC draft "The Idempotency-Key HTTP Header Field"). */
const KEY = /^[\x20-\x7e]{1,200}$/;
const KEEP_MS = 24 * 3_600_000;

export interface IdempotencyOptions {
  db: Database;
  clock: Clock;
  /** stored responses can carry PHI: they are sealed at rest like any clinical text */
  cipher: FieldCipher;
  logger?: Logger;
}

const associatedData = (scope: string, key: string) => `idempotency:${scope}:${key}`;

function requestHash(request: FastifyRequest, path: string): string {
  return createHash("sha256")
    .update(`${request.method}\n${path}\n${JSON.stringify(request.body ?? null)}`)
    .digest("hex");
}

/**
 * Idempotency keys for POST /api requests: a retry with the same `Idempotency-Key` gets the
 * first response again (`Idempotent-Replayed: true`) instead of doing the work twice; the same
 * key with a different request answers 422; a retry while the first is still running answers
 * 409. Keys are scoped to the signed-in user (else the client address) and kept 24 hours.
 *
 * The outcome is recorded in the SAME transaction as the work it protects: the check opens the
 * request's own transaction (`beginRequestTransaction`), every unit of work of the request
 * joins it, and the response is written into `idempotency_keys` just before it commits, as
 * the response leaves. So after a crash at any point a retry finds either the committed work
 * with its response (replayed) or neither (the work is done, once).
 *
 * "Still running" is a transaction-scoped advisory lock on the key, not a committed row: it
 * ends with the owning transaction, including when its process or connection dies, so a
 * request that will never finish cannot block its retry. (On the embedded database, where
 * transactions run one at a time, a retry simply waits for the first to finish.)
 *
 * Kept: responses below 500 whose work committed. Not kept: anything after a thrown error
 * (its work is rolled back, so a retry runs it again), 5xx answers, and streamed bodies. When
 * the commit itself fails the outcome is unknown: the answer is 503 `outcome_unknown`, and the
 * retry with the same key learns the truth.
 *
 * A route whose failures must leave a trace that outlives the request (login throttling
 * counters) opts out with `config: { idempotent: false }`.
 */
export function installIdempotency(app: FastifyInstance, options: IdempotencyOptions): void {
  const { db, clock, cipher, logger } = options;
  app.decorateRequest("idempotencyClaim", null);

  // each hook answers a request that carries no key without a promise (most requests)
  app.addHook("preHandler", (request, reply, done) => {
    if (request.method !== "POST" || !request.url.startsWith("/api")) return done();
    if (request.routeOptions.config?.idempotent === false || request.is404) return done();
    const header = request.headers["idempotency-key"];
    if (header === undefined) return done();
    claimKey(request, reply, header).then(() => done(), done);
  });

  async function claimKey(request: FastifyRequest, reply: FastifyReply, header: string | string[]): Promise<unknown> {
    if (typeof header !== "string" || !KEY.test(header) || header.trim() === "") {
      throw new DomainError("bad_request", "The Idempotency-Key header must be 1 to 200 printable characters.");
    }
    const userId = request.ctx.actor.userId;
    const scope = userId ? `user:${userId}` : `ip:${request.ip}`;
    const path = request.url.split("?")[0] as string;
    const hash = requestHash(request, path);

    const trx = await beginRequestTransaction(db, request.ctx);
    let keep = false;
    try {
      const { rows } = await sql<{ locked: boolean }>`
        select pg_try_advisory_xact_lock(hashtextextended(${`idempotency\n${scope}\n${header}`}, 0)) as locked`.execute(
        trx,
      );
      if (!rows[0]?.locked) {
        throw new DomainError(
          "idempotency_in_progress",
          "The first request with this Idempotency-Key is still being processed. Try again in a moment.",
        );
      }
      const now = clock.now();
      const existing = await trx
        .selectFrom("idempotency_keys")
        .selectAll()
        .where("scope", "=", scope)
        .where("key", "=", header)
        .executeTakeFirst();
      if (existing) {
        const expired = existing.created_at.getTime() < now.getTime() - KEEP_MS;
        // no outcome: a row left by an earlier version whose request never finished; nobody holds it now
        const unfinished = existing.completed_at === null || existing.status_code === null;
        if (!expired && !unfinished) {
          if (existing.request_hash !== hash) {
            throw new DomainError(
              "idempotency_key_reused",
              "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
            );
          }
          let body = "";
          try {
            body = existing.response_body ? cipher.open(existing.response_body, associatedData(scope, header)) : "";
          } catch {
            // sealed with a key no longer in the ring: the request cannot be answered again
            throw new DomainError("idempotency_key_reused", "This Idempotency-Key has expired. Use a new key.");
          }
          await endRequestTransaction(request.ctx, false);
          return replay(reply, existing.status_code as number, body);
        }
        await trx.deleteFrom("idempotency_keys").where("scope", "=", scope).where("key", "=", header).execute();
      }
      request.idempotencyClaim = {
        scope,
        key: header,
        method: request.method,
        path,
        hash,
        createdAt: now,
        failed: false,
        settled: false,
      };
      keep = true;
    } finally {
      if (!keep) await endRequestTransaction(request.ctx, false).catch(() => undefined);
    }
    return undefined;
  }

  // runs before the error handler: whatever the answer, the work of this request is not kept
  app.addHook("onError", (request, _reply, _error, done) => {
    if (request.idempotencyClaim) request.idempotencyClaim.failed = true;
    done();
  });

  app.addHook("onSend", (request, reply, payload, done) => {
    const claim = request.idempotencyClaim;
    if (!claim || claim.settled) return done(null, payload);
    claim.settled = true;
    settle(request, reply, claim, payload).then((sent) => done(null, sent), done);
  });

  async function settle(
    request: FastifyRequest,
    reply: FastifyReply,
    claim: IdempotencyClaim,
    payload: unknown,
  ): Promise<unknown> {
    const storable =
      payload === null || payload === undefined || typeof payload === "string" || Buffer.isBuffer(payload);
    if (claim.failed || reply.statusCode >= 500) {
      await endRequestTransaction(request.ctx, false).catch(() => undefined);
      return payload;
    }
    try {
      if (storable) {
        const trx = request.ctx.requestTrx;
        if (!trx) throw new Error("the request's transaction is no longer open");
        await trx
          .insertInto("idempotency_keys")
          .values({
            scope: claim.scope,
            key: claim.key,
            method: claim.method,
            path: claim.path,
            request_hash: claim.hash,
            created_at: claim.createdAt,
            status_code: reply.statusCode,
            response_body:
              payload === null || payload === undefined || payload.length === 0
                ? ""
                : cipher.seal(payload.toString(), associatedData(claim.scope, claim.key)),
            completed_at: clock.now(),
          })
          .execute();
      }
      await endRequestTransaction(request.ctx, true);
      return payload;
    } catch (error) {
      // the commit may or may not have happened: say neither; the retry with this key finds out
      await endRequestTransaction(request.ctx, false).catch(() => undefined);
      logger?.warn(
        { err: { type: (error as Error).name, code: (error as { code?: string }).code }, status: reply.statusCode },
        "could not record the outcome of an idempotent request",
      );
      reply.status(503).header("retry-after", "1").type("application/json; charset=utf-8");
      return JSON.stringify({
        error: {
          code: "outcome_unknown",
          message: "We could not confirm whether this was saved. Please try again: it will not be done twice.",
        },
      });
    }
  }

  // a request that ended without a response (client gone, stream error) must not keep its transaction
  app.addHook("onResponse", (request, _reply, done) => {
    const claim = request.idempotencyClaim;
    if (!claim || claim.settled) return done();
    claim.settled = true;
    endRequestTransaction(request.ctx, false).then(
      () => done(),
      () => done(),
    );
  });
}

function replay(reply: FastifyReply, status: number, body: string) {
  reply.status(status).header("idempotent-replayed", "true");
  if (body === "") return reply.send();
  return reply.type("application/json; charset=utf-8").send(body);
}
