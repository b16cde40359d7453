/**
 * Requests per connected app per minute on the FHIR API (a fixed one-minute window, counted in
 * this process; several app servers each count their own). An app over it gets 429.
 */
export class ClientRateLimiter {
  perMinute: number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(perMinute: number) {
    this.perMinute = perMinute;
  }

  /** counts one request; false when the app is over its limit this minute */
  take(clientId: string, now = Date.now()): boolean {
    const start = now - (now % 60_000);
    let window = this.#windows.get(clientId);
    if (!window || window.start !== start) {
      if (this.#windows.size > 10_000) this.#windows.clear();
      window = { start, count: 0 };
      this.#windows.set(clientId, window);
    }
    window.count++;
    return window.count <= this.perMinute;
  }
}
