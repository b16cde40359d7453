/** The longest a keyed request waits (as Retry-After asks) before its one retry. */
export const MAX_RETRY_WAIT_MS = 5_000;
const DEFAULT_RETRY_WAIT_MS = 1_000;

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`, within 0…5 s (1 s if absent or unreadable). */
export function retryAfterMs(header: string | null, now: number = Date.now()): number {
  const value = header?.trim();
  if (!value) return DEFAULT_RETRY_WAIT_MS;
  let ms: number;
  if (/^\d+$/.test(value)) ms = Number(value) * 1_000;
  else {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return DEFAULT_RETRY_WAIT_MS;
    ms = at - now;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_WAIT_MS);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends a request that carries an Idempotency-Key, and once more with the same key if the
 * server answers 503: the database was restarting (`unavailable`), or the connection was lost
 * as the work was being committed (`outcome_unknown`, the booking may be saved). Repeating
 * with the same key is safe: the server replays the saved answer, or does the work once. One
 * retry only, after Retry-After (at most 5 s); a second 503 goes to the caller.
 */
export async function sendWithOneRetry(
  send: () => Promise<Response>,
  options: { sleep?: (ms: number) => Promise<void>; signal?: AbortSignal } = {},
): Promise<Response> {
  const first = await send();
  if (first.status !== 503 || options.signal?.aborted) return first;
  await first.body?.cancel().catch(() => undefined);
  await (options.sleep ?? wait)(retryAfterMs(first.headers.get("retry-after")));
  return send(); // an aborted signal makes fetch reject with AbortError, as it would have
}

/**
 * The Idempotency-Key of one attempt at a request. A person who presses "Book" again after
 * "we couldn't confirm whether this was saved" (no answer, a 5xx) repeats the same attempt:
 * the key is kept, so the server answers with what really happened instead of booking again.
 * A changed request, or one that got a definite answer (success, 4xx), gets a new key.
 */
export class AttemptKey {
  #current: { key: string; request: string } | null = null;
  readonly #newKey: () => string;

  constructor(newKey: () => string) {
    this.#newKey = newKey;
  }

  /** the key to send `request` with */
  for(request: unknown): string {
    const text = JSON.stringify(request);
    if (this.#current?.request !== text) this.#current = { key: this.#newKey(), request: text };
    return this.#current.key;
  }

  /** after the answer: keep the key only when the outcome is unknown (no answer, 5xx) */
  settled(error?: unknown): void {
    const status = (error as { status?: unknown } | undefined)?.status;
    const unknown = error !== undefined && (typeof status !== "number" || status === 0 || status >= 500);
    if (!unknown) this.#current = null;
  }
}
