import { DomainError } from "../../platform/errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MICROS = /^-?\d{1,17}$/;

/**
 * Where a page of the inbox ended: the last thread's place in the inbox order (due time, last
 * message time, id), to the microsecond as the database keeps it. Opaque to callers (base64url
 * of a JSON array); stable under inserts, because the next page starts strictly after that
 * place, not at an offset.
 */
export interface Cursor {
  /** due_at in microseconds since the epoch, or null (not waiting) */
  due: string | null;
  /** last_message_at in microseconds since the epoch */
  last: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.due, c.last, c.id])).toString("base64url");
}

export function decodeCursor(text: string): Cursor {
  const bad = () =>
    new DomainError("validation_failed", "That page of the inbox is not available. Start again from the first page.", [
      { field: "after", problem: "not a cursor this inbox gave out" },
    ]);
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw bad();
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  if (!Array.isArray(value) || value.length !== 3) throw bad();
  const [due, last, id] = value as unknown[];
  if (due !== null && (typeof due !== "string" || !MICROS.test(due))) throw bad();
  if (typeof last !== "string" || !MICROS.test(last)) throw bad();
  if (typeof id !== "string" || !UUID.test(id)) throw bad();
  return { due, last, id };
}
