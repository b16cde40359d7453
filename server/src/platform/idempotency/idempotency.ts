import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../../db/database.ts";
import type { Clock } from "../clock.ts";
import type { FieldCipher } from "../crypto.ts";
import { DomainError } from "../errors.ts";

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
  settled: boolean;
}

/** 1–200 printable ASCII characters (RFC draft "The Idempotency-Key HTTP Header Field"). */
const KEY = /^[\x20-\x7e]{1,200}$/;
const KEEP_MS = 24 * 3_600_000;
/** a claim older than this whose request never finished (its process died) may be taken over */
const ABANDONED_MS = 2 * 60_000;

export interface IdempotencyOptions {
  db: Database;
  clock: Clock;
  /** stored responses can carry PHI: they are sealed at rest like any clinical text */
  cipher: FieldCipher;
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
 * The check runs as a preHandler, after authentication (onRequest) has set the actor and after
 * the body has been parsed and validated; a request refused before that stores nothing.
 * Responses of 500 and above are not kept, so the client may retry them.
 */
export function installIdempotency(app: FastifyInstance, options: IdempotencyOptions): void {
  const { db, clock, cipher } = options;
  app.decorateRequest("idempotencyClaim", null);

  app.addHook("preHandler", async (request, reply) => {
    if (request.method !== "POST" || !request.url.startsWith("/api")) return;
    if (request.routeOptions.config?.idempotent === false || request.is404) return;
    const header = request.headers["idempotency-key"];
    if (header === undefined) return;
    if (typeof header !== "string" || !KEY.test(header) || header.trim() === "") {
      throw new DomainError("bad_request", "The Idempotency-Key header must be 1 to 200 printable characters.");
    }
    const userId = request.ctx.actor.userId;
    const scope = userId ? `user:${userId}` : `ip:${request.ip}`;
    const path = request.url.split("?")[0] as string;
    const hash = requestHash(request, path);

    for (let attempt = 0; attempt < 3; attempt++) {
      const now = clock.now();
      const claimed = await db
        .insertInto("idempotency_keys")
        .values({ scope, key: header, method: request.method, path, request_hash: hash, created_at: now })
        .onConflict((oc) => oc.columns(["scope", "key"]).doNothing())
        .returning("key")
        .executeTakeFirst();
      if (claimed) {
        request.idempotencyClaim = { scope, key: header, settled: false };
        return;
      }
      const existing = await db
        .selectFrom("idempotency_keys")
        .selectAll()
        .where("scope", "=", scope)
        .where("key", "=", header)
        .executeTakeFirst();
      if (!existing) continue; // the first request failed with a 5xx just now: claim again
      if (existing.created_at.getTime() < now.getTime() - KEEP_MS) {
        await db
          .deleteFrom("idempotency_keys")
          .where("scope", "=", scope)
          .where("key", "=", header)
          .where("created_at", "=", existing.created_at)
          .execute();
        continue;
      }
      if (existing.request_hash !== hash) {
        throw new DomainError(
          "idempotency_key_reused",
          "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
        );
      }
      if (existing.completed_at === null || existing.status_code === null) {
        if (existing.created_at.getTime() < now.getTime() - ABANDONED_MS) {
          const takenOver = await db
            .updateTable("idempotency_keys")
            .set({ created_at: now })
            .where("scope", "=", scope)
            .where("key", "=", header)
            .where("completed_at", "is", null)
            .where("created_at", "=", existing.created_at)
            .returning("key")
            .executeTakeFirst();
          if (takenOver) {
            request.idempotencyClaim = { scope, key: header, settled: false };
            return;
          }
        }
        throw new DomainError(
          "idempotency_in_progress",
          "The first request with this Idempotency-Key is still being processed. Try again in a moment.",
        );
      }
      let body = "";
      try {
        body = existing.response_body ? cipher.open(existing.response_body, associatedData(scope, header)) : "";
      } catch {
        // sealed with a key no longer in the ring: the request cannot be answered again
        throw new DomainError("idempotency_key_reused", "This Idempotency-Key has expired. Use a new key.");
      }
      return replay(reply, existing.status_code, body);
    }
    throw new DomainError("idempotency_in_progress", "This request is being processed. Try again in a moment.");
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim || claim.settled) return payload;
    claim.settled = true;
    const storable =
      payload === null || payload === undefined || typeof payload === "string" || Buffer.isBuffer(payload);
    const where = db.updateTable("idempotency_keys").where("scope", "=", claim.scope).where("key", "=", claim.key);
    if (reply.statusCode >= 500 || !storable) {
      await release(db, claim);
      return payload;
    }
    await where
      .set({
        status_code: reply.statusCode,
        response_body:
          payload === null || payload === undefined || payload.length === 0
            ? ""
            : cipher.seal(payload.toString(), associatedData(claim.scope, claim.key)),
        completed_at: clock.now(),
      })
      .execute();
    return payload;
  });

  // a request that ended without a response (client gone, stream error) must not block retries
  app.addHook("onResponse", async (request) => {
    const claim = request.idempotencyClaim;
    if (claim && !claim.settled) {
      claim.settled = true;
      await release(db, claim);
    }
  });
}

async function release(db: Database, claim: IdempotencyClaim): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("scope", "=", claim.scope)
    .where("key", "=", claim.key)
    .where("completed_at", "is", null)
    .execute();
}

function replay(reply: FastifyReply, status: number, body: string) {
  reply.status(status).header("idempotent-replayed", "true");
  if (body === "") return reply.send();
  return reply.type("application/json; charset=utf-8").send(body);
}
