import { DomainError } from "../../platform/errors.ts";
import { CURSOR_UUID, decodeKeyset, encodeKeyset } from "../../platform/keyset-cursor.ts";

const MICROS = /^-?\d{1,17}$/;

/**
 * Where a page of the inbox ended: the last thread's place in the inbox order (due time, last
 * message time, id), to the microsecond as the database keeps it. A keyset cursor
 * (platform/keyset-cursor.ts); stable under inserts, because the next page starts strictly after that
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
  return encodeKeyset([c.due, c.last, c.id]);
}

export function decodeCursor(text: string): Cursor {
  const [due, last, id] = decodeKeyset(
    text,
    3,
    () =>
      new DomainError(
        "validation_failed",
        "That page of the inbox is not available. Start again from the first page.",
        [{ field: "after", problem: "not a cursor this inbox gave out" }],
      ),
    ([due, last, id]) =>
      (due === null || (typeof due === "string" && MICROS.test(due))) &&
      typeof last === "string" &&
      MICROS.test(last) &&
      typeof id === "string" &&
      CURSOR_UUID.test(id),
  ) as [string | null, string, string];
  return { due, last, id };
}
