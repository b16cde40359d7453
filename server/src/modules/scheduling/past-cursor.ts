import { DomainError } from "../../platform/errors.ts";
import { CURSOR_UUID, decodeKeyset, encodeKeyset } from "../../platform/keyset-cursor.ts";

/**
 * Where a page of a patient's past visits ended: the last visit's place in their order (start,
 * then id, both descending). A keyset cursor (platform/keyset-cursor.ts); stable when visits
 * are booked or become past meanwhile, because the next page starts strictly before that place,
 * not at an offset. Starts are kept to the millisecond (they are written from JavaScript dates).
 */
export interface PastCursor {
  start: Date;
  id: string;
}

export function encodePastCursor(c: { startsAt: Date; id: string }): string {
  return encodeKeyset([c.startsAt.toISOString(), c.id]);
}

/** The cursor a list gave out, or a 400 naming `pastCursor` for anything else. */
export function decodePastCursor(text: string): PastCursor {
  const [start, id] = decodeKeyset(
    text,
    2,
    () =>
      new DomainError(
        "validation_failed",
        "That page of past visits is not available. Start again from the first page.",
        [{ field: "pastCursor", problem: "not a cursor this appointment list gave out" }],
      ),
    ([start, id]) =>
      typeof start === "string" &&
      typeof id === "string" &&
      CURSOR_UUID.test(id) &&
      !Number.isNaN(Date.parse(start)) &&
      new Date(start).toISOString() === start,
  ) as [string, string];
  return { start: new Date(start), id };
}
