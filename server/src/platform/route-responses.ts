import { errorResponses } from "@portico/contracts";
import type { FastifyReply } from "fastify";
import { type TSchema, Type } from "typebox";

/** A route's answers: `schema` with 200, and the error answers every route may give. */
export const ok = <T extends TSchema>(schema: T) => ({ ...errorResponses, 200: schema });

/** A route's answers: `schema` with 201 (something was made), and the error answers. */
export const created = <T extends TSchema>(schema: T) => ({ ...errorResponses, 201: schema });

/** A route's answers: nothing with 204, and the error answers. */
export const noContent = () => ({ ...errorResponses, 204: Type.Null() });

/**
 * For a large answer built field by field in its contract's shape (the arrivals board, slot
 * search): its success body is written by JSON.stringify instead of the schema's compiled
 * serializer, 2–2.5× faster on such lists and as one flat string (less garbage). The schema's
 * serializer drops what the contract does not name; this does not, so each route that uses it
 * has a test that its bodies hold nothing the schema would drop (`expectOnlyContractFields`,
 * test/api.ts). Call it once the answer is in hand: the reply's serializer would also write an
 * error thrown after it, which must keep its own schema.
 */
export function writeAsBuilt(reply: FastifyReply): void {
  reply.serializer(JSON.stringify);
}
