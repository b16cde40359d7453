import { DomainError } from "../../platform/errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Where a page of a patient's past visits ended: the last visit's place in their order (start,
 * then id, both descending). Opaque to callers (base64url of a JSON array); stable when visits
 * are booked or become past meanwhile, because the next page starts strictly before that place,
 * not at an offset. Starts are kept to the millisecond (they are written from JavaScript dates).
 */
export interface PastCursor {
  start: Date;
  id: string;
}

export function encodePastCursor(c: { startsAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([c.startsAt.toISOString(), c.id])).toString("base64url");
}

/** The cursor a list gave out, or a 400 naming `pastCursor` for anything else. */
export function decodePastCursor(text: string): PastCursor {
  const bad = () =>
    new DomainError(
      "validation_failed",
      "That page of past visits is not available. Start again from the first page.",
      [{ field: "pastCursor", problem: "not a cursor this appointment list gave out" }],
    );
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw bad();
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  if (!Array.isArray(value) || value.length !== 2) throw bad();
  const [start, id] = value as unknown[];
  if (typeof start !== "string" || typeof id !== "string" || !UUID.test(id)) throw bad();
  const at = new Date(start);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== start) throw bad();
  return { start: at, id };
}
