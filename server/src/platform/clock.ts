/** Time comes from here so tests can move it (timeouts, expiries, reminders). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class TestClock implements Clock {
  #now: number;
  constructor(start: Date | string = "2026-03-02T14:00:00Z") {
    this.#now = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(to: Date | string): void {
    this.#now = new Date(to).getTime();
  }
  advance(ms: { minutes?: number; hours?: number; days?: number; seconds?: number }): void {
    this.#now +=
      (ms.seconds ?? 0) * 1_000 +
      (ms.minutes ?? 0) * 60_000 +
      (ms.hours ?? 0) * 3_600_000 +
      (ms.days ?? 0) * 86_400_000;
  }
}
