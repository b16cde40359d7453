import type { DomainError } from "./errors.ts";

/** A record id as a cursor may carry it. */
export const CURSOR_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Keyset cursors: where a page ended, as the last row's place in the list's order. Opaque to
 * callers (base64url of a JSON array); stable under inserts, because the next page starts
 * strictly past that place, not at an offset. Each list checks the values it gets back.
 */
export function encodeKeyset(values: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/**
 * The `length` values of a cursor this server gave out, or the 400 `refused` for anything else
 * (also for values the caller's `check` refuses): a bad cursor never reaches a query.
 */
export function decodeKeyset(
  text: string,
  length: number,
  refused: () => DomainError,
  check: (values: unknown[]) => boolean,
): unknown[] {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw refused();
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw refused();
  }
  if (!Array.isArray(value) || value.length !== length || !check(value)) throw refused();
  return value;
}
